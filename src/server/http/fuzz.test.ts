// The OpenAPI fuzz test: for EVERY route of the app (the list buildApp returns), one valid request signed in
// as an account that may make it, then malformed variants derived from the route's OpenAPI schemas —
// wrong types, too long, NUL bytes, unicode oddities, huge numbers, impossible dates, unknown and prototype
// keys, truncated JSON and multipart bodies, empty bodies, wrong content types. Any 5xx (or no answer
// within 15 s) fails the test with the route, the variant and the answer; every 4xx of the API must be the
// usual `{ error: { code, message } }` with a Chinese message. The variant lists are fixed: every run
// sends the same requests. Figures are printed: requests, variant classes, 5xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login } from '../test/fixture';
import { routeCases } from '../test/fuzz/fuzz-cases';
import { VARIANT_CLASSES, type VariantClass } from '../test/fuzz/fuzz-values';
import { type FuzzRequest, type Operation, type Variant, variantsFor } from '../test/fuzz/fuzz-variants';
import { createFuzzWorld, type FuzzWorld } from '../test/fuzz/fuzz-world';
import { DATA_EXCEPTION } from './error-handler';

let w: FuzzWorld;
beforeAll(async () => {
  w = await createFuzzWorld();
}, 120_000);
afterAll(async () => {
  // Imports run after their answer: let the fuzz's own finish before the database goes away.
  for (let i = 0; i < 100 && (await runningImports()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
  await w?.t.close();
});

async function runningImports(): Promise<number> {
  const { rows } = await w.t.services.database.pool.query<{ n: number }>(
    "select count(*)::int as n from import_jobs where community_id = $1 and status in ('queued', 'running')",
    [w.f.a.community.id],
  );
  return rows[0]?.n ?? 0;
}

interface Failure {
  route: string;
  cls: VariantClass;
  label: string;
  status: number | 'no answer';
  body: string;
}

const TIMEOUT_MS = 15_000;
const CJK = /[\u4e00-\u9fff]/;

async function send(request: FuzzRequest) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), TIMEOUT_MS);
  });
  const answer = await Promise.race([
    w.t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    }),
    timeout,
  ]);
  clearTimeout(timer);
  return answer;
}

/** An API refusal a person can read: `{ error: { code, message } }`, the message in Chinese by default. */
function readableRefusal(url: string, status: number, body: string): boolean {
  if (status < 400 || status >= 500 || !url.startsWith('/api/') || url.startsWith('/api/docs')) return true;
  try {
    const error = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof error?.code === 'string' && typeof error.message === 'string' && CJK.test(error.message);
  } catch {
    return false;
  }
}

it('answers every malformed request to every route without a 5xx', { timeout: 600_000 }, async () => {
  const started = Date.now();
  const cases = await routeCases(w);
  const doc = w.t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const routeKeys: string[] = [];
  const webOnly = /^GET \/(admin|r|gate)?(\/\*)?$/;
  for (const route of w.t.routes) {
    // The built web's files (present once `npm run build` ran) are served by @fastify/static, one route a
    // file: no handler of ours, nothing to fuzz.
    if (!route.url.startsWith('/api') && !webOnly.test(`${route.method} ${route.url}`)) continue;
    // A HEAD route Fastify adds beside a GET runs the same handler: the GET's case covers it (and the base
    // request is also sent as HEAD below).
    if (route.method === 'HEAD' && w.t.routes.some((r) => r.method === 'GET' && r.url === route.url))
      continue;
    routeKeys.push(`${route.method} ${route.url}`);
  }
  const missing = routeKeys.filter((key) => !cases[key]);
  expect(missing, 'routes without a fuzz case (add one to src/server/test/fuzz/fuzz-cases.ts)').toEqual([]);
  const stale = Object.keys(cases).filter((key) => !routeKeys.includes(key) && !webOnly.test(key));
  expect(stale, 'fuzz cases for routes the app no longer has').toEqual([]);

  // Routes that change what the others stand on go last (the key rotation re-signs nothing, but
  // reissuing old-key passes withdraws every pass the other cases name).
  routeKeys.sort((x, y) => Number(cases[x]?.last ?? false) - Number(cases[y]?.last ?? false));
  const failures: Failure[] = [];
  const unreadable: Failure[] = [];
  const caughtByNet: Failure[] = [];
  const perClass = new Map<VariantClass, number>(VARIANT_CLASSES.map((c) => [c, 0]));
  const baseNot2xx: string[] = [];
  let requests = 0;
  for (const key of routeKeys) {
    const [method, url] = key.split(' ') as [string, string];
    const routeCase = cases[key];
    if (!routeCase) continue;
    const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    const cookie = routeCase.as === 'fresh-session' ? '' : w.cookies[routeCase.as];
    const variants: Variant[] = variantsFor(method, url, op, routeCase.base, cookie ? { cookie } : {});
    if (method === 'GET') variants.push({ ...(variants[0] as Variant), label: 'HEAD of the valid request' });
    for (const [i, variant] of variants.entries()) {
      const request = { ...variant.request };
      if (variant.label.startsWith('HEAD')) request.method = 'HEAD';
      if (routeCase.as === 'fresh-session')
        request.headers = { ...request.headers, cookie: await login(w.t, `${w.f.tag}-logout`) };
      const answer = await send(request);
      requests++;
      perClass.set(variant.cls, (perClass.get(variant.cls) ?? 0) + 1);
      const status: Failure['status'] = answer ? answer.statusCode : 'no answer';
      const body = answer ? answer.body.slice(0, 300) : '';
      const failure = { route: key, cls: variant.cls, label: variant.label, status, body };
      if (!answer || answer.statusCode >= 500) failures.push(failure);
      else if (!readableRefusal(url, answer.statusCode, answer.body)) unreadable.push(failure);
      // The database's data-exception net (error-handler.ts) is a net: the schemas must refuse first.
      else if (answer.body.includes(DATA_EXCEPTION.zh)) caughtByNet.push(failure);
      if (i === 0 && answer && (answer.statusCode < 200 || answer.statusCode >= 400))
        baseNot2xx.push(`${key} → ${answer.statusCode} ${body.slice(0, 120)}`);
    }
  }
  // Put the installation-wide rules back as they were, whatever a variant did to them.
  await w.call('district', 'PUT', '/api/status-rules', { rules: w.ids.rules });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const classes = [...perClass].map(([c, n]) => `${c} ${n}`).join(', ');
  console.info(
    `[fuzz] ${w.t.services.database.kind}: ${routeKeys.length} routes, ${requests} requests in ${seconds} s; ` +
      `${VARIANT_CLASSES.length} variant classes (${classes}); ${failures.length} answered 5xx or not at all; ` +
      `${unreadable.length} 4xx without a readable Chinese error; ${caughtByNet.length} refused only by the ` +
      `database (not the schemas); ${baseNot2xx.length} valid requests refused`,
  );
  const limits = Object.entries(cases).filter(([, c]) => c.base.notIntoUnknown);
  for (const [key, c] of limits)
    console.info(`[fuzz] ${key}: no variants inside its "unknown" fields: ${c.base.notIntoUnknown}`);
  if (baseNot2xx.length)
    console.info(`[fuzz] valid requests that did not succeed:\n  ${baseNot2xx.join('\n  ')}`);
  const show = (list: Failure[]) =>
    list.map((x) => `${x.route} · ${x.cls} · ${x.label} → ${x.status} ${x.body}`).join('\n');
  expect({
    '5xx': show(failures),
    '4xx without { error: { code, message } } in Chinese': show(unreadable),
    'refused by the database, not the schemas': show(caughtByNet),
  }).toEqual({
    '5xx': '',
    '4xx without { error: { code, message } } in Chinese': '',
    'refused by the database, not the schemas': '',
  });
  // No body key (`__proto__`, `constructor.prototype`) reached the prototype of every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
