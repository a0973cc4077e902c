// Issue 12: an instance killed with kill -9 — no goodbye, no graceful stop — in the middle of an import and
// of gate-check load. The import is taken up again by the surviving instance (or marked failed), never
// left running; every gate check the killed instance acknowledged is stored. PostgreSQL only: the
// embedded database serves one process.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterRows } from '../../../bench/lib/roster-file';
import { addDays, beijingToday } from '../../shared/time/beijing';
import { passes } from '../modules/access/access.table';
import { ROSTER_IMPORT_JOB } from '../modules/imports/imports.service';
import { JOBS_SCHEMA } from '../modules/jobs/job-runner';
import { SWEEP_RATE_LIMITS_JOB } from '../modules/jobs/jobs.registry';
import { gates } from '../modules/places/places.table';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from './fixture';
import { createTestApp, type TestApp } from './test-app';

const onPostgres = Boolean(process.env.DATABASE_URL);
const SUPERVISING = { schedules: false, supervise: true, lostRuns: { everySeconds: 1, graceSeconds: 2 } };
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ROSTER_ROWS = 20_000;
/** What crash/instance.ts prints once it listens (not imported: importing it would start an instance). */
const READY = 'INSTANCE_READY ';

/** Starts src/server/test/crash/instance.ts in a process group of its own; answers its port and a kill. */
async function startInstance(env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['src/server/test/crash/instance.ts'],
    { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance not ready:\n${output.join('')}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      const line = text.split('\n').find((l) => l.startsWith(READY));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line.slice(READY.length)) as { port: number }).port);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited (${code}):\n${output.join('')}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    /** kill -9 of the whole group (tsx runs the server in a child of its own). */
    async kill() {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
      await exited;
    },
  };
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | false | undefined>): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in at the instance: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

describe.skipIf(!onPostgres)('an instance killed with kill -9', () => {
  let survivor: TestApp;
  let f: Fixture;
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-keys-'));

  beforeAll(async () => {
    // The survivor supervises as production does, looking for lost runs every second; it works no import
    // until the other instance is killed, so the import is the other's.
    survivor = await createTestApp(
      { DASHU_PASS_KEY_DIR: keyDir },
      { jobs: { ...SUPERVISING, only: [SWEEP_RATE_LIMITS_JOB] } },
    );
    f = await createFixture(survivor.services);
  });
  afterAll(async () => {
    await survivor?.close();
  });

  it('leaves no import running: the survivor finds the run lost and does it again, and it lands once', async () => {
    const instance = await startInstance({
      DASHU_UPLOAD_DIR: survivor.services.config.uploadDir,
      DASHU_PASS_KEY_DIR: keyDir,
    });
    try {
      const cookie = await signIn(instance.base, f.a.usernames.community_secretary);
      const residentsNow = async () => {
        const { rows } = await survivor.services.database.pool.query<{ n: number }>(
          'select count(*)::int as n from residents where community_id = $1',
          [f.a.community.id],
        );
        return rows[0]?.n ?? 0;
      };
      const before = await residentsNow();
      const lines = ['姓名,证件号码,手机号,楼栋,单元,门牌号,与户主关系,居住类型,标签'];
      for (const row of rosterRows(ROSTER_ROWS, 77)) lines.push(row.join(','));
      const form = new FormData();
      form.append('file', new Blob([`\uFEFF${lines.join('\n')}\n`]), '名册.csv');
      const started = await fetch(`${instance.base}/api/imports?communityId=${f.a.community.id}`, {
        method: 'POST',
        body: form,
        headers: { cookie },
      });
      expect(started.status).toBe(202);
      const importId = ((await started.json()) as { job: { id: number } }).job.id;
      const pool = survivor.services.database.pool;
      const runId = await until('the import under way', 60_000, async () => {
        const { rows } = await pool.query<{ status: string; processed_rows: number; run: string | null }>(
          `select i.status, i.processed_rows,
                  (select j.id::text from ${JOBS_SCHEMA}.job j
                   where j.name = $2 and j.state = 'active' and (j.data->>'importJobId')::int = i.id) as run
           from import_jobs i where i.id = $1`,
          [importId, ROSTER_IMPORT_JOB],
        );
        const row = rows[0];
        return row?.status === 'running' && row.processed_rows > 0 && row.run;
      });
      const file = path.join(survivor.services.config.uploadDir, `import-${importId}.csv`);
      expect(existsSync(file)).toBe(true);
      await instance.kill();
      await survivor.services.jobs.stop();
      await survivor.services.jobs.start(SUPERVISING);

      const finished = await until('the import finished', 120_000, async () => {
        const { rows } = await pool.query<{
          status: string;
          attempts: number;
          inserted: number;
          rejected: number;
          conflicts: number;
        }>('select status, attempts, inserted, rejected, conflicts from import_jobs where id = $1', [
          importId,
        ]);
        return rows[0]?.status !== 'running' && rows[0];
      });
      // Killed in the middle, taken up again: done on the second try, every resident once.
      expect(finished).toMatchObject({ status: 'done' });
      // pg-boss completes the run just after the import's row is written (unawaited).
      const run = await until('the run completed', 30_000, async () => {
        const { rows } = await pool.query<{ state: string; retry_count: number }>(
          `select state::text as state, retry_count from ${JOBS_SCHEMA}.job where id = $1`,
          [runId],
        );
        return rows[0]?.state === 'completed' && rows[0];
      });
      // In the whole suite another test file's app may take the run before the instance does (every app on
      // the test database works the queue); then nothing was lost and it ran once.
      if (run.retry_count > 0) expect(finished.attempts).toBe(2);
      // The file's rows that pass the checks (the generator makes some that do not), each stored once; a
      // conflict (a placeholder-looking phone, a second 户主) is held, neither stored nor rejected.
      expect(finished.inserted + finished.rejected + finished.conflicts).toBe(ROSTER_ROWS);
      expect((await residentsNow()) - before).toBe(finished.inserted);
    } finally {
      await instance.kill();
    }
  }, 240_000);

  it('loses no gate check it acknowledged', async () => {
    const [gate] = await survivor.services.database.db
      .insert(gates)
      .values({ communityId: f.a.community.id, compoundId: f.a.compound.id, name: '北门' })
      .returning();
    const secretary = await login(survivor, f.a.usernames.community_secretary);
    const issued = await survivor.app.inject({
      method: 'POST',
      url: '/api/access/passes/issue',
      headers: { cookie: secretary },
      payload: { compoundId: f.a.compound.id, validUntil: addDays(beijingToday(), 30) },
    });
    expect(issued.statusCode).toBe(201);
    const tokens = (await survivor.services.database.db.select({ token: passes.token }).from(passes)).map(
      (p) => p.token,
    );
    const instance = await startInstance({ DASHU_PASS_KEY_DIR: keyDir });
    const guard = await signIn(instance.base, f.a.usernames.gate_guard);
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;
    // Eight phones sending small batches as fast as they are answered, until the instance is gone.
    const phones = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const checks = Array.from({ length: 3 }, (_, i) => ({
          uuid: randomUUID(),
          gateId: gate?.id,
          checkedAt: new Date().toISOString(),
          direction: 'in',
          token: tokens[(sent + i) % tokens.length],
        }));
        sent += checks.length;
        try {
          const res = await fetch(`${instance.base}/api/gate/checks`, {
            method: 'POST',
            headers: { cookie: guard, 'content-type': 'application/json' },
            body: JSON.stringify({ checks }),
          });
          if (res.status === 200) {
            await res.json();
            acknowledged.push(...checks.map((c) => c.uuid));
          }
        } catch {
          return; // the instance is gone
        }
      }
    });
    await until('checks under way', 30_000, async () => acknowledged.length >= 300);
    await instance.kill();
    stop = true;
    await Promise.all(phones);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    const { rows } = await survivor.services.database.pool.query<{ n: number }>(
      'select count(*)::int as n from gate_checks where uuid = any($1::uuid[])',
      [acknowledged],
    );
    expect(rows[0]?.n).toBe(acknowledged.length);
  }, 180_000);
});
