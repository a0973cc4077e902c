import type { buildApp } from '../../src/server/app';

export type App = Awaited<ReturnType<typeof buildApp>>['app'];

/** Signs in through the real route and returns the cookie header for later requests. */
export async function login(app: App, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === 'dashu_session');
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `dashu_session=${cookie.value}`;
}

/** One GET /api/residents?q=…, timed from request to parsed answer. Anything but 200 is an error. */
export async function timedSearch(
  app: App,
  cookie: string,
  q: string,
): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const res = await app.inject({
    method: 'GET',
    url: `/api/residents?q=${encodeURIComponent(q)}`,
    headers: { cookie },
  });
  const total = res.statusCode === 200 ? (res.json() as { total: number }).total : -1;
  const ms = performance.now() - started;
  if (total < 0) throw new Error(`search "${q}": ${res.statusCode} ${res.body}`);
  return { ms, total };
}
