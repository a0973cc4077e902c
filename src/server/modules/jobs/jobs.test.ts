import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobsOverview } from '../../../shared/jobs/jobs-view';
import { createCity } from '../../test/city-fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { defineJob } from './job-definition';
import { JOBS_SCHEMA, storableError } from './job-runner';

// The job runner (pg-boss) on the test database: retries, final failures, the console's view and who may
// read it. Two instances on one PostgreSQL run each job once (skipped on the embedded database, where
// only one process can exist).

const tag = randomUUID().slice(0, 8);
const FLAKY = `test-flaky-${tag}`;
const BROKEN = `test-broken-${tag}`;
const ONCE = `test-once-${tag}`;

const calls = { flaky: 0, broken: 0 };
const finalFailures: Array<{ data: object; message: string }> = [];
/** Which instance ran each run of the ONCE queue. */
const ranBy: Array<{ id: string; instance: string }> = [];

function testJobs(instance: string) {
  return [
    defineJob({
      name: FLAKY,
      retry: { limit: 2, delaySeconds: 0 },
      expireInSeconds: 60,
      pollSeconds: 0.5,
      handler: async () => {
        calls.flaky += 1;
        if (calls.flaky === 1) throw new Error('第一次失败 · first try fails');
      },
    }),
    defineJob<{ communityId: number }>({
      name: BROKEN,
      retry: { limit: 1, delaySeconds: 0 },
      expireInSeconds: 60,
      pollSeconds: 0.5,
      handler: async () => {
        calls.broken += 1;
        throw new Error('总是失败 · always fails');
      },
      onFinalFailure: async (data, message) => {
        finalFailures.push({ data, message });
      },
    }),
    defineJob<{ n: number }>({
      name: ONCE,
      retry: { limit: 0, delaySeconds: 0 },
      expireInSeconds: 60,
      pollSeconds: 0.5,
      handler: async (run) => {
        ranBy.push({ id: run.id, instance });
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    }),
  ];
}

let t: TestApp;
let city: Awaited<ReturnType<typeof createCity>>;

beforeAll(async () => {
  t = await createTestApp({}, { extraJobs: testJobs('A') });
  city = await createCity(t);
});
afterAll(() => t?.close());

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stateOf(queue: string, id: string) {
  const { rows } = await t.services.database.pool.query<{ state: string; retry_count: number }>(
    `select state::text as state, retry_count from ${JOBS_SCHEMA}.job where name = $1 and id = $2`,
    [queue, id],
  );
  return rows[0];
}

async function overview(cookie: string, query = ''): Promise<{ status: number; body: JobsOverview }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/jobs${query}`, headers: { cookie } });
  return { status: res.statusCode, body: res.json() };
}

describe('job runner', () => {
  it('retries a failed run, and the run ends completed', async () => {
    const id = await t.services.jobs.send(FLAKY, {});
    expect(id).toBeTruthy();
    const done = await until('the retry', async () => {
      const row = await stateOf(FLAKY, id as string);
      return row?.state === 'completed' && row;
    });
    expect(calls.flaky).toBe(2);
    expect(done.retry_count).toBe(1);
  });

  it('fails a run for good when its retries are used up, and tells the job (onFinalFailure)', async () => {
    const communityId = city.haidian.local.community.id;
    const id = await t.services.jobs.send(BROKEN, { communityId });
    await until('the final failure', async () => (await stateOf(BROKEN, id as string))?.state === 'failed');
    expect(calls.broken).toBe(2);
    await until('onFinalFailure', async () => finalFailures.length > 0);
    expect(finalFailures[0]).toEqual({ data: { communityId }, message: '总是失败 · always fails' });
  });

  it('keeps only the message of a database error: its SQLSTATE, never the values it quotes', () => {
    const pgError = Object.assign(new Error('invalid input syntax for type integer: "张三"'), {
      code: '22P02',
      detail: 'Key (doc_hash)=(abc)',
    });
    expect(storableError(pgError).message).toBe('数据库错误 · database error SQLSTATE 22P02');
    expect(storableError(new Error('x'.repeat(1000))).message).toHaveLength(300);
  });

  it('shows district officers the queues, schedules and failures of their area; others get 403', async () => {
    const haidian = city.haidian.local.community.id;
    const mine = await overview(city.haidian.officer);
    expect(mine.status).toBe(200);
    const names = mine.body.queues.map((q) => q.name);
    expect(names).toContain('purge-health-answers');
    expect(names).toContain('roster-import');
    expect(mine.body.queues.find((q) => q.name === 'purge-health-answers')).toMatchObject({
      schedule: null, // the test app sends no scheduled jobs; main.ts's start registers them
      retryLimit: 3,
    });
    const failure = mine.body.failures.find((f) => f.queue === BROKEN);
    expect(failure).toMatchObject({
      state: 'failed',
      communityId: haidian,
      message: '总是失败 · always fails',
    });
    // Asked for one community: only its runs, and the community named in the answer.
    const one = await overview(city.haidian.officer, `?communityId=${haidian}`);
    expect(one.status).toBe(200);
    expect(one.body.communityId).toBe(haidian);
    expect(one.body.runs.every((r) => r.communityId === haidian)).toBe(true);
    expect(one.body.runs.some((r) => r.queue === BROKEN)).toBe(true);

    // Another district sees the installation's jobs, not 海淀's runs; asking for 海淀 is a 404.
    const other = await overview(city.chaoyang.officer);
    expect(other.status).toBe(200);
    expect(other.body.failures.some((f) => f.communityId === haidian)).toBe(false);
    expect((await overview(city.chaoyang.officer, `?communityId=${haidian}`)).status).toBe(404);
    // The city's officer sees every district's (once the scope cache, 10 s, knows the districts made
    // after the city's account).
    await until('the city officer’s view', async () => {
      const root = await overview(city.rootOfficer);
      return root.body.failures.some((f) => f.queue === BROKEN && f.communityId === haidian);
    });
    // Sub-district officers and community staff are refused.
    expect((await overview(city.haidian.subOfficer)).status).toBe(403);
    expect((await overview(city.haidian.local.secretary)).status).toBe(403);
  });

  it('stops with the app: nothing left running, nothing taken after close', async () => {
    const other = await createTestApp({}, { extraJobs: testJobs('closing') });
    await other.close();
    expect(other.services.jobs.started).toBe(false);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two instances on one PostgreSQL', () => {
  let b: TestApp;
  beforeAll(async () => {
    b = await createTestApp({}, { extraJobs: testJobs('B') });
  });
  afterAll(() => b?.close());

  it('runs each job exactly once, whichever instance sent it', async () => {
    const sent: string[] = [];
    for (let n = 0; n < 20; n++) {
      sent.push((await t.services.jobs.send(ONCE, { n })) as string);
      sent.push((await b.services.jobs.send(ONCE, { n: n + 100 })) as string);
    }
    await until('every run', async () => ranBy.length >= sent.length && ranBy);
    // A moment more: a second run of any job would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ranBy.map((r) => r.id).sort()).toEqual([...sent].sort());
    expect(new Set(ranBy.map((r) => r.instance))).toEqual(new Set(['A', 'B']));
  });

  it('sends a scheduled job once per time across instances (cron in Beijing time)', async () => {
    const TICK = `test-tick-${tag}`;
    const ticks: string[] = [];
    const ticking = (instance: string) => [
      defineJob({
        name: TICK,
        // Every minute: pg-boss's clock sends it as soon as an instance looks (at start, then every 30 s).
        schedule: { cron: '* * * * *' },
        retry: { limit: 0, delaySeconds: 0 },
        expireInSeconds: 60,
        pollSeconds: 0.5,
        handler: async () => {
          ticks.push(instance);
        },
      }),
    ];
    const clock = { schedules: true, supervise: false, only: [TICK] };
    const [c1, c2] = await Promise.all([
      createTestApp({}, { extraJobs: ticking('C1'), jobs: clock }),
      createTestApp({}, { extraJobs: ticking('C2'), jobs: clock }),
    ]);
    try {
      const { rows: schedule } = await t.services.database.pool.query(
        `select cron, timezone from ${JOBS_SCHEMA}.schedule where name = $1`,
        [TICK],
      );
      expect(schedule).toEqual([{ cron: '* * * * *', timezone: 'Asia/Shanghai' }]);
      await until('a scheduled run', async () => ticks.length > 0, 25_000);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // One run per minute's slot, whichever instance's clock sent it.
      const { rows } = await t.services.database.pool.query<{ slot: string; n: number }>(
        `select singleton_on::text as slot, count(*)::int as n from ${JOBS_SCHEMA}.job where name = $1
          group by singleton_on`,
        [TICK],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(ticks.length).toBe(rows.length);
    } finally {
      await t.services.database.pool.query(`delete from ${JOBS_SCHEMA}.schedule where name = $1`, [TICK]);
      await Promise.all([c1.close(), c2.close()]);
    }
  }, 60_000);

  it('sends a job meant once per start only once when both instances start together', async () => {
    const key = `start-${randomUUID()}`;
    const options = { singletonKey: key, singletonSeconds: 600 };
    const [x, y] = await Promise.all([
      t.services.jobs.send(ONCE, { n: -1 }, options),
      b.services.jobs.send(ONCE, { n: -2 }, options),
    ]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
  });
});
