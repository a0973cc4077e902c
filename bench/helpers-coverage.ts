// People who help, over real HTTP, the server in its own process with the demo seeded (embedded database,
// Ziluoyuan: 3,500 households):
//   - the coverage matrix (buildings × roles) of Ziluoyuan with 340 Party members, volunteers and building
//     leads assigned, a few buildings left with gaps: p95 target ≤ 100 ms;
//   - the district's roll-up of coverage per community (the demo's communities; the 500-community figure
//     on PostgreSQL is not measured here);
//   - completing care tasks from a helper's phone (50 connections, each completion with a phone-made id),
//     target ≥ 500/s with p99 ≤ 50 ms.
// Then the same on PostgreSQL (a scratch database on BENCH_PG_URL), when one is reachable.
import { randomUUID } from 'node:crypto';
import autocannon, { type RequestStep, type Result } from 'autocannon';
import { type BenchChild, killChildren, startChild } from './lib/child';
import { onPostgresIfReachable } from './lib/pg-admin';
import { heading, int, millis, onExit, percentile, result, runMain } from './lib/report';
import { signIn } from './lib/sign-in';

const SERVER = 'bench/lib/campaigns-server.ts';
const PARTY_MEMBERS = 340;
const VOLUNTEERS = 80;
const TASKS = Number(process.env.BENCH_CARE_TASKS || 2500);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 5);

onExit(killChildren);

async function call<T>(base: string, cookie: string, method: string, url: string, body?: unknown) {
  const started = performance.now();
  const res = await fetch(`${base}/api${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, body: (text ? JSON.parse(text) : null) as T };
}

/** Runs `work` over the items, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        out[i] = await work(items[i] as T, i);
      }
    }),
  );
  return out;
}

async function timed(label: string, runs: number, target: number, ask: () => Promise<number>) {
  const times: number[] = [];
  for (let n = 0; n < runs + 10; n += 1) {
    const ms = await ask();
    if (n >= 10) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  result(label, `p50 ${millis(percentile(times, 50))} · p95 ${millis(p95)}`, {
    text: `p95 ≤ ${target} ms`,
    met: p95 <= target,
  });
}

async function main() {
  await run('embedded database');
  await onPostgresIfReachable('dashu_bench_helpers', 'People who help, PostgreSQL', (scratch) =>
    run(`PostgreSQL (scratch database ${scratch.name}, dropped at the end)`, scratch.url),
  );
}

async function run(label: string, databaseUrl?: string) {
  heading(`People who help: coverage and care tasks, ${label} (demo seeded, server in its own process)`);
  const child: BenchChild<{ port: number; seededMs: number }> = await startChild(
    SERVER,
    { BENCH_DATABASE_URL: databaseUrl ?? '' },
    300_000,
  );
  const base = `http://127.0.0.1:${child.info.port}`;
  console.log(`  demo seeded in ${(child.info.seededMs / 1000).toFixed(1)} s`);
  const cookie = await signIn(base, 'ziluoyuan');
  const me = await call<{ account: { scope: { placeId: number } } }>(base, cookie, 'GET', '/auth/me');
  const communityId = me.body.account.scope.placeId;
  const volunteerAccount = (
    await call<{ account: { id: number } }>(base, await signIn(base, 'zly-vol1'), 'GET', '/auth/me')
  ).body.account.id;
  const matrix = await call<{ rows: Array<{ buildingId: number }> }>(
    base,
    cookie,
    'GET',
    `/helpers/coverage?communityId=${communityId}`,
  );
  const buildings = matrix.body.rows.map((r) => r.buildingId);

  // Helpers: 340 Party members, volunteers (the first one is zly-vol1's phone), a lead per building.
  const setup = performance.now();
  const make = (body: object) =>
    call<{ helper: { id: number } }>(base, cookie, 'POST', '/helpers', { communityId, ...body }).then(
      (r) => r.body.helper.id,
    );
  const kinds = ['community', 'in_service', 'retired', 'floating'] as const;
  const party = await inParallel([...Array(PARTY_MEMBERS).keys()], 8, (i) =>
    make({
      name: `党员${i + 1}`,
      partyKind: kinds[i % 4],
      ...(i % 4 === 1 ? { employerPartyOrg: '某单位党委', reportedOn: '2026-06-01' } : {}),
      verified: true,
    }),
  );
  const volunteers = await inParallel([...Array(VOLUNTEERS).keys()], 8, (i) =>
    make({
      name: `志愿者${i + 1}`,
      teams: ['vanguard'],
      ...(i === 0 ? { accountId: volunteerAccount } : {}),
    }),
  );
  const leads = await inParallel(buildings, 8, (_, i) =>
    make({ name: `楼门长${i + 1}`, teams: ['building_leads'] }),
  );
  // Every building a lead and the phone's volunteer; Party members spread over the buildings; every
  // twentieth building left without a Party contact (a gap).
  const assignments: Array<{ buildingId: number; role: string; helperId: number }> = [];
  buildings.forEach((buildingId, i) => {
    assignments.push({ buildingId, role: 'building_lead', helperId: leads[i] as number });
    assignments.push({ buildingId, role: 'volunteer', helperId: volunteers[0] as number });
    assignments.push({
      buildingId,
      role: 'volunteer',
      helperId: volunteers[1 + (i % (VOLUNTEERS - 1))] as number,
    });
  });
  party.forEach((helperId, i) => {
    const b = i % buildings.length;
    if (b % 20 !== 19)
      assignments.push({ buildingId: buildings[b] as number, role: 'party_contact', helperId });
  });
  await inParallel(assignments, 8, (a) => call(base, cookie, 'POST', '/helpers/coverage/assignments', a));
  console.log(
    `  ${buildings.length} buildings; ${PARTY_MEMBERS} Party members, ${VOLUNTEERS} volunteers, ${leads.length} leads; ${int(assignments.length)} assignments in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );
  const full = await call<{ share: number; covered: number; buildings: number }>(
    base,
    cookie,
    'GET',
    `/helpers/coverage?communityId=${communityId}`,
  );
  console.log(
    `  coverage ${full.body.covered}/${full.body.buildings} (${Math.round(full.body.share * 100)}%)`,
  );

  await timed(
    `  GET coverage matrix (${buildings.length} buildings, ${int(assignments.length)} assignments), 100 runs, HTTP`,
    100,
    100,
    async () => (await call(base, cookie, 'GET', `/helpers/coverage?communityId=${communityId}`)).ms,
  );
  const officer = await signIn(base, 'chaoyang');
  const roots = await call<{ items: Array<{ id: number }> }>(base, officer, 'GET', '/places/roots');
  const district = roots.body.items[0]?.id as number;
  const rollup = await call<{ items: unknown[] }>(
    base,
    officer,
    'GET',
    `/helpers/coverage/rollup?placeId=${district}`,
  );
  await timed(
    `  GET district roll-up (${rollup.body.items.length} communities of the demo), 50 runs, HTTP`,
    50,
    300,
    async () => (await call(base, officer, 'GET', `/helpers/coverage/rollup?placeId=${district}`)).ms,
  );

  // Care tasks for residents of the community, accepted by the phone's helper, then completed under load.
  const residents = await call<{ items: Array<{ id: number }> }>(
    base,
    cookie,
    'GET',
    `/residents?communityId=${communityId}&pageSize=100`,
  );
  const people = residents.body.items.map((r) => r.id);
  const phone = await signIn(base, 'zly-vol1');
  const made = performance.now();
  const tasks = await inParallel([...Array(TASKS).keys()], 8, async (i) => {
    const task = await call<{ task: { id: number } }>(base, cookie, 'POST', '/care/tasks', {
      residentId: people[i % people.length],
      kind: 'groceries',
    });
    await call(base, phone, 'POST', `/care/tasks/${task.body.task.id}/accept`, {});
    return task.body.task.id;
  });
  console.log(
    `  ${int(TASKS)} tasks created and accepted in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );
  let i = 0;
  let duplicates = 0;
  const failures: string[] = [];
  const steps: RequestStep[] = [
    {
      method: 'POST',
      path: '/api/care/tasks/0/complete',
      headers: { 'content-type': 'application/json', cookie: phone },
      setupRequest: (request) => {
        const id = tasks[i % tasks.length];
        i += 1;
        return {
          ...request,
          path: `/api/care/tasks/${id}/complete`,
          body: JSON.stringify({ clientId: randomUUID(), outcome: 'delivered' }),
        };
      },
      onResponse: (status, text) => {
        if (status === 200 && text.includes('"duplicate":true')) duplicates += 1;
        if ((status < 200 || status > 299) && failures.length < 3)
          failures.push(`${status} ${text.slice(0, 200)}`);
      },
    },
  ];
  const r: Result = await autocannon({
    url: `${base}/api/care/tasks/0/complete`,
    connections: 50,
    duration: DURATION_S,
    timeout: 10,
    requests: steps,
  });
  const rps = r.requests.total / r.duration;
  result(
    `  POST complete from the phone, 50 connections ${DURATION_S} s (${int(r.requests.total - duplicates)} first completions, ${int(duplicates)} on tasks already done)`,
    `${int(Math.round(rps))}/s · p50 ${millis(r.latency.p50)} · p99 ${millis(r.latency.p99)} · non-2xx ${int(r.non2xx)}`,
    { text: '≥ 500/s, p99 ≤ 50 ms', met: rps >= 500 && r.latency.p99 <= 50 && r.non2xx === 0 },
  );
  if (failures.length) console.log(`  first failures: ${failures.join(' | ')}`);
  const hours = await call<{ items: Array<{ helperId: number; tasks: number }> }>(
    base,
    cookie,
    'GET',
    `/helpers/hours?communityId=${communityId}`,
  );
  const counted = hours.body.items.find((h) => h.helperId === volunteers[0])?.tasks ?? 0;
  console.log(`  hours rows of the phone's helper: ${int(counted)} (one per completed task)`);
  await child.stop();
}

runMain(main);
