// Observation check-ins from the personal link, over real HTTP, the server in its own process with the demo
// seeded (embedded database; then PostgreSQL on BENCH_PG_URL when one is reachable):
//   - 200 people put in home observation (HTTP), each with a personal link;
//   - saturated: 50 connections for 10 s posting check-ins to random people's links (1 in 10 a fever);
//   - steady: the target rate (300/s embedded, 1,000/s PostgreSQL) for 10 s, its p99 (target ≤ 50 ms);
//   - the community's board while those readings are in (p95 of 50, HTTP), and the day-by-day Excel.
import { randomUUID } from 'node:crypto';
import autocannon, { type RequestStep, type Result } from 'autocannon';
import { type BenchChild, killChildren, startChild } from './lib/child';
import { openLoop } from './lib/open-loop';
import { onPostgresIfReachable } from './lib/pg-admin';
import { heading, int, median, millis, onExit, percentile, result, runMain } from './lib/report';
import { signIn } from './lib/sign-in';

const CONNECTIONS = 50;
const PEOPLE = 200;
const WARMUP_S = Number(process.env.BENCH_WARMUP_S || 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const TARGET_RPS = { embedded: 300, postgres: 1000 };
const TARGET_P99_MS = 50;
const SERVER = 'bench/lib/observation-server.ts';

interface Info {
  port: number;
  database: 'embedded' | 'postgres';
  seededMs: number;
}

onExit(killChildren);

async function call<T>(base: string, cookie: string, method: string, url: string, body?: unknown) {
  const started = performance.now();
  const res = await fetch(`${base}/api${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const buffer = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${buffer.toString('utf8').slice(0, 300)}`);
  const type = res.headers.get('content-type') ?? '';
  return {
    ms,
    bytes: buffer.length,
    body: (type.includes('json') ? JSON.parse(buffer.toString('utf8')) : null) as T,
  };
}

let n = 0;
/** A reading as a phone sends it: a fresh client id; one in ten a fever. */
function reading(): string {
  n += 1;
  const fever = n % 10 === 0;
  return JSON.stringify({
    clientId: randomUUID().replace(/-/g, ''),
    temperature: fever ? 37.8 : 36.2 + (n % 7) / 10,
    symptoms: [],
  });
}

function checkinLoad(base: string, tokens: string[], duration: number) {
  const firstFailures: string[] = [];
  const steps: RequestStep[] = [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...request,
        path: `/api/public/observation/${tokens[Math.floor(Math.random() * tokens.length)]}/checkins`,
        body: reading(),
      }),
      onResponse: (status, text) => {
        if ((status < 200 || status > 299) && firstFailures.length < 3)
          firstFailures.push(`${status} ${text.slice(0, 200)}`);
      },
    },
  ];
  return autocannon({
    url: `${base}/api/public/observation/${tokens[0]}/checkins`,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: steps,
  }).then((r: Result) => ({ r, firstFailures }));
}

async function main() {
  await run('embedded database');
  await onPostgresIfReachable('dashu_bench_observation', 'Observation check-ins, PostgreSQL', (scratch) =>
    run(`PostgreSQL (scratch database ${scratch.name}, dropped at the end)`, scratch.url),
  );
}

async function run(label: string, databaseUrl?: string) {
  heading(`Observation check-ins, ${label} (demo seeded, server in its own process)`);
  const child: BenchChild<Info> = await startChild<Info>(
    SERVER,
    { BENCH_DATABASE_URL: databaseUrl ?? '' },
    300_000,
  );
  let summary: unknown;
  try {
    const base = `http://127.0.0.1:${child.info.port}`;
    console.log(
      `  database ${child.info.database}; demo seeded in ${(child.info.seededMs / 1000).toFixed(1)} s`,
    );
    const cookie = await signIn(base, 'ziluoyuan');
    const me = await call<{ account: { scope: { placeId: number } } }>(base, cookie, 'GET', '/auth/me');
    const communityId = me.body.account.scope.placeId;
    const people = [
      ...(
        await call<{ items: Array<{ id: number }> }>(
          base,
          cookie,
          'GET',
          `/residents?communityId=${communityId}&pageSize=200`,
        )
      ).body.items,
    ].slice(0, PEOPLE);
    const starts: number[] = [];
    const tokens: string[] = [];
    for (const person of people) {
      const started = await call<{ observation: { id: number } }>(
        base,
        cookie,
        'POST',
        '/observation/observations',
        {
          residentId: person.id,
          kind: 'home',
          reason: 'returnee',
        },
      );
      starts.push(started.ms);
      const link = await call<{ path: string }>(
        base,
        cookie,
        'POST',
        `/observation/observations/${started.body.observation.id}/link`,
      );
      tokens.push(link.body.path.split('/').pop() as string);
    }
    result(
      `  start an observation (slots for 14 days, status; median of ${int(starts.length)}, HTTP)`,
      millis(median(starts)),
    );

    await checkinLoad(base, tokens, WARMUP_S);
    const { r, firstFailures } = await checkinLoad(base, tokens, DURATION_S);
    const rps = r.requests.total / r.duration;
    const target = TARGET_RPS[child.info.database];
    result(
      `  saturated, ${CONNECTIONS} connections`,
      `${int(Math.round(rps))} check-ins/s · p50 ${millis(r.latency.p50)} · p99 ${millis(r.latency.p99)} · non-2xx ${int(r.non2xx)} · errors ${int(r.errors)}`,
      { text: `≥ ${target}/s`, met: rps >= target && r.non2xx === 0 },
    );
    for (const f of firstFailures) console.log(`    first failure: ${f}`);

    const steady = await openLoop({
      url: `${base}/api/public/observation/${tokens[0]}/checkins`,
      urlFor: () =>
        `${base}/api/public/observation/${tokens[Math.floor(Math.random() * tokens.length)]}/checkins`,
      rate: target,
      durationS: DURATION_S,
      headers: { 'content-type': 'application/json' },
      body: reading,
    });
    const bad = [...steady.statuses].filter(([s]) => s < 200 || s > 299).reduce((sum, [, c]) => sum + c, 0);
    result(
      `  steady ${int(target)}/s for ${DURATION_S} s`,
      `served ${int(Math.round(steady.served))}/s · p50 ${millis(steady.latency.p50)} · p99 ${millis(steady.latency.p99)} · max ${millis(steady.latency.max)} · non-2xx ${int(bad)} · errors ${int(steady.errors)}`,
      { text: `p99 ≤ ${TARGET_P99_MS} ms`, met: steady.latency.p99 <= TARGET_P99_MS && bad === 0 },
    );
    for (const f of steady.firstFailures) console.log(`    first failure: ${f}`);

    const boards: number[] = [];
    for (let i = 0; i < 50; i += 1)
      boards.push((await call(base, cookie, 'GET', `/observation/board?communityId=${communityId}`)).ms);
    boards.sort((a, b) => a - b);
    result(
      `  community board with ${int(PEOPLE)} in observation (p95 of 50, HTTP)`,
      millis(percentile(boards, 95)),
      {
        text: '≤ 100 ms',
        met: percentile(boards, 95) <= 100,
      },
    );
    const officer = await signIn(base, 'haidian');
    const summaries: number[] = [];
    for (let i = 0; i < 20; i += 1)
      summaries.push((await call(base, officer, 'GET', '/observation/summary')).ms);
    summaries.sort((a, b) => a - b);
    result('  district counts (p95 of 20, HTTP)', millis(percentile(summaries, 95)), {
      text: '≤ 300 ms',
      met: percentile(summaries, 95) <= 300,
    });
    const excel = await call(base, cookie, 'GET', `/observation/export?communityId=${communityId}`);
    result(
      `  day-by-day Excel, ${int(PEOPLE)} people × 14 days`,
      `${millis(excel.ms)} · ${int(Math.round(excel.bytes / 1024))} KB`,
    );
  } finally {
    summary = await child.stop();
  }
  console.log(`  server's count: ${JSON.stringify(summary)}`);
}

runMain(main);
