import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { defineJob } from '../jobs/job-definition';
import { finalFailureQueue, JOBS_SCHEMA } from '../jobs/job-runner';
import * as repo from './imports.repo';
import { ROSTER_IMPORT_JOB } from './imports.service';

// Imports are jobs (jobs.registry.ts): their progress and outcome live in the import's row, so any
// instance answers for them, and an import whose instance died is run again, or marked failed once its
// retries are used up — never left "running".

let a: TestApp;
let b: TestApp;
let f: Fixture;
let cookieA: string;
let cookieB: string;

const ABANDONED = `test-abandoned-${randomUUID().slice(0, 8)}`;
const abandonedRuns: string[] = [];

beforeAll(async () => {
  a = await createTestApp();
  // A second instance on the same database (another process in production).
  b = await createTestApp();
  f = await createFixture(a.services);
  cookieA = await login(a, f.a.usernames.social_worker);
  cookieB = await login(b, f.a.usernames.social_worker);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

// Each person heads a door of their own: a second 户主 at one door is a conflict the import holds back.
let room = 100;
const roster = (name: string) =>
  Buffer.from(
    `姓名,证件号码,手机号,楼栋,单元,门牌号,与户主关系\n${name},${syntheticId('19700707')},,9号楼,1单元,${++room},户主\n`,
  );

async function importRow(id: number) {
  const job = await repo.findJobById(a.services.database.db, id);
  if (!job) throw new Error(`import ${id} is gone`);
  return job;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 25_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What a crash leaves: the import's row half way (running, one try, rows being written), its file in the
 * upload directory, and its job taken ('active') by an instance that is gone, an hour ago.
 */
async function crashedImport(retryCount: number) {
  const job = await repo.insertJob(a.services.database.db, {
    communityId: f.a.community.id,
    accountId: null,
    fileName: '名册.csv',
    status: 'running',
    phase: 'writing',
    processedRows: 1,
    attempts: 1,
  });
  await writeFile(path.join(a.services.config.uploadDir, `import-${job.id}.csv`), roster('韩重试'));
  const { rows } = await a.services.database.pool.query<{ id: string }>(
    `insert into ${JOBS_SCHEMA}.job (name, data, state, started_on, retry_limit, retry_count, expire_in, dead_letter)
     values ($1, $2, 'active', now() - interval '1 hour', 2, $3, interval '15 minutes', $4) returning id`,
    [
      ROSTER_IMPORT_JOB,
      { importJobId: job.id, communityId: f.a.community.id },
      retryCount,
      finalFailureQueue(ROSTER_IMPORT_JOB),
    ],
  );
  return { importId: job.id, runId: rows[0]?.id as string };
}

describe('imports as jobs', () => {
  it('shows an import started on one instance, with its outcome, on the other', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(roster('许两地'))]), '名册.csv');
    const base = await a.app.listen({ port: 0, host: '127.0.0.1' });
    const started = await fetch(`${base}/api/imports?communityId=${f.a.community.id}`, {
      method: 'POST',
      body: form,
      headers: { cookie: cookieA },
    });
    expect(started.status).toBe(202);
    const { job } = (await started.json()) as { job: { id: number; status: string } };
    const seenOnB = await until('the outcome on B', async () => {
      const res = await b.app.inject({
        method: 'GET',
        url: `/api/imports/${job.id}`,
        headers: { cookie: cookieB },
      });
      const body = res.json().job;
      return body.status !== 'running' && body;
    });
    expect(seenOnB).toMatchObject({ status: 'done', inserted: 1, processedRows: 1, totalRows: 1 });
    expect((await importRow(job.id)).attempts).toBe(1);
  });

  it('runs a crashed import again when its run is found lost, and it lands once', async () => {
    const { importId, runId } = await crashedImport(0);
    // What pg-boss's upkeep does on whichever instance holds its turn (every minute in production).
    await a.services.jobs.expireLostRuns();
    const done = await until('the retried import', async () => {
      const row = await importRow(importId);
      return row.status !== 'running' && row;
    });
    expect(done).toMatchObject({ status: 'done', inserted: 1, attempts: 2, phase: 'done' });
    // The run is completed just after the import's row is written (pg-boss completes it unawaited).
    const run = await until('the run completed', async () => {
      const { rows } = await a.services.database.pool.query(
        `select state::text as state, retry_count from ${JOBS_SCHEMA}.job where id = $1`,
        [runId],
      );
      return rows[0]?.state === 'completed' && rows[0];
    });
    expect(run).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('marks a crashed import failed when its retries are used up, never leaving it running', async () => {
    const { importId } = await crashedImport(2);
    await a.services.jobs.expireLostRuns();
    const failed = await until('the failed import', async () => {
      const row = await importRow(importId);
      return row.status !== 'running' && row;
    });
    expect(failed.status).toBe('failed');
    expect(failed.finishedAt).not.toBeNull();
    const res = await a.app.inject({
      method: 'GET',
      url: `/api/imports/${importId}`,
      headers: { cookie: cookieA },
    });
    expect(res.json().job).toMatchObject({ status: 'failed' });
    expect(res.json().job.error).toContain('导入因服务器中断');
  }, 60_000);

  it('fails (so retries) at start what a stopped process left active, on the embedded database', async () => {
    const jobs = [
      defineJob({
        name: ABANDONED,
        retry: { limit: 1, delaySeconds: 0 },
        expireInSeconds: 600,
        pollSeconds: 0.5,
        handler: async (run) => {
          abandonedRuns.push(run.id);
        },
      }),
    ];
    // The queue exists (a first start), and a run is left active as by a process that died just now:
    // too recent for expireInSeconds to find.
    const first = await createTestApp(
      {},
      { extraJobs: jobs, jobs: { schedules: false, supervise: false, only: [] } },
    );
    await first.services.jobs.send(ABANDONED, {});
    const { rows } = await first.services.database.pool.query<{ id: string }>(
      `update ${JOBS_SCHEMA}.job set state = 'active', started_on = now() where name = $1 returning id`,
      [ABANDONED],
    );
    await first.close();
    // The next start (main.ts does this on the embedded database) fails it, so it is retried and runs.
    const next = await createTestApp(
      {},
      {
        extraJobs: jobs,
        jobs: { schedules: false, supervise: false, recoverAbandoned: true, only: [ABANDONED] },
      },
    );
    try {
      await until('the abandoned run, retried', async () => abandonedRuns.length > 0);
      expect(abandonedRuns).toEqual([rows[0]?.id]);
    } finally {
      await next.close();
    }
  });
});
