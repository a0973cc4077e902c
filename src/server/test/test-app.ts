import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp, createServices } from '../app';
import { loadConfig } from '../config';
import { connectDatabase, type Database } from '../db/database';
import type { AppInstance } from '../http/types';
import type { JobDefinition } from '../modules/jobs/job-definition';
import type { JobRunnerStartOptions } from '../modules/jobs/job-runner';
import { createVault } from '../privacy/vault';
import { TEST_KEY } from './test-key';

export function testDatabase(max = 4): Database {
  const socketDir = inject('dbSocketDir');
  return socketDir
    ? connectDatabase('embedded', {
        host: socketDir,
        port: 5432,
        user: 'postgres',
        database: 'postgres',
        max,
      })
    : connectDatabase('postgres', { connectionString: process.env.DATABASE_URL, max });
}

export interface TestAppOptions {
  /** Capture the server's log (at LOG_LEVEL, info unless the env says otherwise). */
  logStream?: NodeJS.WritableStream;
  /** Routes a test adds before the app starts (e.g. one whose statement fails). */
  beforeReady?: (app: AppInstance, database: Database) => void;
  /**
   * How the job runner starts: by default it works every queue (imports run) but leaves the clock and
   * pg-boss's upkeep timers to tests that ask for them; `false` leaves it stopped.
   */
  jobs?: JobRunnerStartOptions | false;
  /** Jobs a test adds to the registry (before the runner starts). */
  extraJobs?: JobDefinition<object>[];
}

/**
 * Where uploads wait for their import job: one directory per test database, shared by every test app on
 * it. Any app on the database may take an import job (as every instance may), so it must find the file.
 */
function sharedUploadDir(): string {
  const key = inject('dbSocketDir') ?? process.env.DATABASE_URL ?? '';
  const tag = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `dashu-test-uploads-${tag}`);
}

/** The real app on the shared test database, with a fixed key and a fast lockout for tests. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions & { requestTimeoutMs?: number } = {},
) {
  // A fresh data directory per app: it holds the pass-signing key, which a test may rotate.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-test-'));
  const config = loadConfig({
    DASHU_DATA_DIR: dataDir,
    DASHU_DEMO: '0',
    // Every test file signs in from 127.0.0.1 against one database: the per-address limit would let one
    // file's wrong passwords (the fuzz test's) refuse another's sign-ins. sign-in.test.ts sets its own.
    DASHU_LOGIN_ADDRESS_LIMIT: '10000',
    // Public limits are counted in the database on PostgreSQL, where every test app is 127.0.0.1: each app
    // counts apart unless a test (two instances) names one namespace for several.
    DASHU_RATE_LIMIT_NAMESPACE: `${path.basename(dataDir)}:`,
    DASHU_UPLOAD_DIR: sharedUploadDir(),
    ...env,
  });
  const database = testDatabase();
  const services = createServices(config, database, createVault(TEST_KEY));
  if (options.extraJobs) services.jobs.define(options.extraJobs);
  const { app, routes } = await buildApp({
    config,
    database,
    services,
    logStream: options.logStream,
    requestTimeoutMs: options.requestTimeoutMs,
    checkResponses: true,
  });
  options.beforeReady?.(app, database);
  await app.ready();
  if (options.jobs !== false)
    await services.jobs.start(options.jobs ?? { schedules: false, supervise: false });
  return {
    app,
    services,
    routes,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
