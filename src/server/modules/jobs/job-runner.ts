import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/database';
import { DEFAULT_TIME_ZONE, JOBS_SCHEMA, type JobDefinition } from './job-definition';
import { openRunLeases, type RunLeases } from './run-leases';

export { JOBS_SCHEMA } from './job-definition';

/** The advisory lock under which queues and schedules are set up ('jobs' in ASCII). */
const SETUP_LOCK = 0x6a6f6273;

/** The queue that receives a job whose last try failed, for `onFinalFailure`. */
export const finalFailureQueue = (name: string) => `${name}-final-failure`;

export interface JobRunnerStartOptions {
  /** Send the scheduled jobs when their time comes (the clock; still once across instances). */
  schedules?: boolean;
  /** pg-boss's upkeep on a timer: fail runs lost with their instance (so they are retried), archive old runs. */
  supervise?: boolean;
  /**
   * Fail (so retry) every run left 'active' at start. Only for the embedded database, where a single
   * process can exist (the data directory's pid lock): whatever is active then was left by a process that
   * died. On PostgreSQL other instances may be running: there `expireInSeconds` finds lost runs.
   */
  recoverAbandoned?: boolean;
  /** Work only these queues (the CLI's import); by default every job of the registry. */
  only?: string[];
  /**
   * PostgreSQL only: how often this instance looks for runs whose instance is gone (default 15 s), and how
   * old a run must be before it is judged (default 20 s: the time between taking a run and its lease).
   */
  lostRuns?: { everySeconds: number; graceSeconds: number };
}

export interface SendOptions {
  startAfterSeconds?: number;
  /** With `singletonSeconds`: at most one job with this key in that window, whichever instance sends. */
  singletonKey?: string;
  singletonSeconds?: number;
}

export interface JobRunner {
  /** Adds jobs to the registry (before start). */
  define(definitions: JobDefinition<object>[]): void;
  definitions(): readonly JobDefinition<object>[];
  start(options?: JobRunnerStartOptions): Promise<void>;
  /** Stops taking runs, waits (≤ 10 s) for those under way, then lets go; no timer is left behind. */
  stop(): Promise<void>;
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Expire lost runs now (what the supervising timer does every two minutes). */
  expireLostRuns(): Promise<void>;
  readonly started: boolean;
  /** The log handlers and the runner write to (the app's, once built). */
  readonly log: JobLogger;
  setLogger(logger: JobLogger): void;
}

export type JobLogger = {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
};

/** Until the app hands over its log (buildApp): errors to stderr, the rest dropped. */
const quiet: JobLogger = {
  error: (obj, msg) => console.error(msg, obj),
  warn: () => {},
  info: () => {},
};

// Completing and failing a run is not awaited inside pg-boss (worker loop): a failed statement there would
// be an unhandled rejection and stop the process. Those two are answered "nothing changed" on error
// instead: the run stays active and `expireInSeconds` retries it.
const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as {
  completeJobs(schema: string): string;
  failJobsById(schema: string): string;
};
const UNAWAITED = new Set([plans.completeJobs(JOBS_SCHEMA), plans.failJobsById(JOBS_SCHEMA)]);

/**
 * What is kept of a failure in the run's row, shown to district officers: the message, never a payload or
 * a stack. A database error keeps only its SQLSTATE and constraint: its message and detail can quote the
 * values of a row (`invalid input syntax for type integer: "…"`, `Key (…)=(…)`).
 */
export function storableError(error: unknown): Error {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  const text =
    typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)
      ? `数据库错误 · database error SQLSTATE ${e.code}${typeof e.constraint === 'string' ? ` (${e.constraint})` : ''}`
      : String(e?.message ?? error).slice(0, 300);
  const stored = new Error(text);
  stored.stack = text;
  return stored;
}

export function createJobRunner(database: Database): JobRunner {
  let current: JobLogger = quiet;
  const log: JobLogger = {
    error: (obj, msg) => current.error(obj, msg),
    warn: (obj, msg) => current.warn(obj, msg),
    info: (obj, msg) => current.info(obj, msg),
  };
  const registry = new Map<string, JobDefinition<object>>();
  const inFlight = new Set<Promise<unknown>>();
  let boss: PgBoss | null = null;
  /** A second pg-boss that runs only the clock: started once the schedules are written, so its first look sees them. */
  let clock: PgBoss | null = null;
  let queuesReady: Promise<void> | null = null;
  const workerIds = new Map<string, string>();
  let stopping: Promise<void> | null = null;
  let running = false;
  let leases: RunLeases | null = null;

  const executeSql = (text: string, values?: unknown[]) => {
    const query = database.pool.query(text, values as unknown[]).catch((error: unknown) => {
      if (!UNAWAITED.has(text)) throw error;
      log.error({ err: error }, 'job runner: completing a run failed; it will expire and be retried');
      return { rows: [{ count: 0 }] };
    });
    inFlight.add(query);
    void query.finally(() => inFlight.delete(query)).catch(() => {});
    return query;
  };

  const applicable = () => [...registry.values()].filter((d) => !d.only || d.only === database.kind);

  function instance(): PgBoss {
    if (!boss) {
      boss = new PgBoss({
        db: { executeSql },
        schema: JOBS_SCHEMA,
        // Set again in start(): timers exist only on an instance that was started.
        supervise: false,
        schedule: false,
        monitorStateIntervalSeconds: undefined,
      } as PgBoss.ConstructorOptions);
      boss.on('error', (error) => log.error({ err: error }, 'job runner error'));
    }
    return boss;
  }

  /**
   * Instances starting together would create the same queues (a table attached to pgboss.job each) at
   * once, and PostgreSQL answers one of them "deadlock detected": queues and schedules are set up under
   * one advisory lock (a session lock on a connection of its own; on the embedded database, one session,
   * it never waits — and one process).
   */
  async function withSetupLock<T>(work: () => Promise<T>): Promise<T> {
    const client = await database.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => {});
      client.release();
    }
  }

  /** Creates the schema (first time only) and one queue per job, its retry policy as the registry says. */
  function ensureQueues(): Promise<void> {
    queuesReady ??= withSetupLock(async () => {
      const b = instance();
      for (const def of applicable()) {
        const policy = {
          retryLimit: def.retry.limit,
          retryDelay: def.retry.delaySeconds,
          retryBackoff: def.retry.backoff ?? false,
          expireInSeconds: def.expireInSeconds,
        };
        if (def.onFinalFailure) {
          await b.createQueue(finalFailureQueue(def.name), {
            name: finalFailureQueue(def.name),
            retryLimit: 5,
            retryDelay: 30,
            expireInSeconds: 300,
          });
        }
        const deadLetter = def.onFinalFailure ? { deadLetter: finalFailureQueue(def.name) } : {};
        await b.createQueue(def.name, { name: def.name, ...policy, ...deadLetter });
        // A queue made by an older version keeps its row: the registry's policy wins.
        await b.updateQueue(def.name, { name: def.name, ...policy, ...deadLetter });
      }
    }).catch((error: unknown) => {
      queuesReady = null;
      throw error;
    });
    return queuesReady;
  }

  const runner: JobRunner = {
    get started() {
      return running;
    },

    define(definitions) {
      for (const def of definitions) {
        if (registry.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
        if (!/^[a-z0-9][a-z0-9-]*$/.test(def.name)) throw new Error(`job name ${def.name}: a-z, 0-9 and -`);
        registry.set(def.name, def);
      }
      queuesReady = null;
    },

    definitions: () => [...registry.values()],

    log,
    setLogger(logger) {
      current = logger;
    },

    async start(options = {}) {
      if (running) return;
      running = true;
      try {
        await startWith(options);
      } catch (error) {
        await clock?.stop({ graceful: false, close: false, wait: true }).catch(() => {});
        await boss?.stop({ graceful: false, close: false, wait: true }).catch(() => {});
        await leases?.close().catch(() => {});
        leases = null;
        workerIds.clear();
        clock = null;
        boss = null;
        queuesReady = null;
        running = false;
        throw error;
      }
    },

    async stop() {
      const b = boss;
      if (!b || !running) return;
      stopping ??= (async () => {
        await clock?.stop({ graceful: false, close: false, wait: true });
        clock = null;
        await b.stop({ graceful: true, timeout: 10_000, wait: true, close: false });
        // pg-boss completes the last runs without awaiting them: let those statements land.
        await Promise.allSettled([...inFlight]);
        await leases?.close();
        leases = null;
        workerIds.clear();
        boss = null;
        queuesReady = null;
        running = false;
      })().finally(() => {
        stopping = null;
      });
      await stopping;
    },

    async send(name, data, options = {}) {
      const def = registry.get(name);
      if (!def) throw new Error(`no job named ${name}`);
      await ensureQueues();
      const id = await instance().send(name, data, {
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      });
      // Sent here and worked here: start now rather than at the next poll.
      const worker = workerIds.get(name);
      if (worker && boss && !options.startAfterSeconds) boss.notifyWorker(worker);
      return id;
    },

    async expireLostRuns() {
      await ensureQueues();
      await instance().expire();
    },
  };

  async function startWith(options: JobRunnerStartOptions) {
    const { schedules = true, supervise = true, recoverAbandoned = false, only, lostRuns } = options;
    // pg-boss reads these when it starts: the timers run only where they were asked for.
    boss = new PgBoss({
      db: { executeSql },
      schema: JOBS_SCHEMA,
      supervise,
      schedule: false,
      maintenanceIntervalSeconds: 60,
    } as PgBoss.ConstructorOptions);
    boss.on('error', (error) => log.error({ err: error }, 'job runner error'));
    queuesReady = null;
    const starting = boss;
    // pg-boss installs its schema here (first start): under the same lock as the queues.
    await withSetupLock(() => starting.start());
    await ensureQueues();
    if (recoverAbandoned) await recover(boss, only);
    if (database.kind === 'postgres') {
      const names = applicable().map((d) => d.name);
      const failLost = (name: string, id: string) =>
        instance().fail(name, id, { message: 'lost: the instance running it stopped' });
      // Every instance holds leases; those that supervise (not the CLI's import, not the tests by default)
      // also look for runs whose lease is gone.
      leases = await openRunLeases(database, log, names, failLost, {
        ...(lostRuns ?? { everySeconds: 15, graceSeconds: 20 }),
        check: supervise,
      });
    }
    for (const def of applicable()) {
      if (only && !only.includes(def.name)) continue;
      const b = boss;
      const id = await b.work<object>(
        def.name,
        { pollingIntervalSeconds: def.pollSeconds ?? 2, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          if (!job) return;
          const meta = job as unknown as { retryCount: number; retryLimit: number };
          const release = await leases?.hold(job.id);
          try {
            await def.handler({
              id: job.id,
              data: job.data,
              retryCount: meta.retryCount,
              retryLimit: meta.retryLimit,
              lastTry: meta.retryCount >= meta.retryLimit,
            });
          } catch (error) {
            log.warn({ queue: def.name, run: job.id, err: error }, 'job run failed');
            throw storableError(error);
          } finally {
            await release?.();
          }
        },
      );
      workerIds.set(def.name, id);
      if (def.onFinalFailure) {
        const onFinal = def.onFinalFailure;
        const failedId = await b.work<object>(
          finalFailureQueue(def.name),
          { pollingIntervalSeconds: 5, batchSize: 1, includeMetadata: true },
          async ([job]) => {
            if (!job) return;
            const output = (job as unknown as { output?: { message?: string; value?: { message?: string } } })
              .output;
            await onFinal(job.data, output?.message ?? output?.value?.message ?? '');
          },
        );
        workerIds.set(finalFailureQueue(def.name), failedId);
      }
      if (def.schedule && schedules) {
        await b.schedule(def.name, def.schedule.cron, {}, { tz: def.schedule.tz ?? DEFAULT_TIME_ZONE });
      }
    }
    if (schedules) {
      // Scheduled sends: pg-boss looks every 30 s, one instance at a time, and sends each due job once
      // (a singleton key per minute); it looks once at start, when the schedules above are written.
      const c = new PgBoss({
        db: { executeSql },
        schema: JOBS_SCHEMA,
        supervise: false,
        schedule: true,
        cronMonitorIntervalSeconds: 30,
      } as PgBoss.ConstructorOptions);
      c.on('error', (error) => log.error({ err: error }, 'job clock error'));
      clock = c;
      await withSetupLock(() => c.start());
    }
  }

  async function recover(b: PgBoss, only: string[] | undefined) {
    const names = applicable()
      .map((d) => d.name)
      .filter((name) => !only || only.includes(name));
    const { rows } = await database.pool.query<{ name: string; id: string }>(
      `select name, id from ${JOBS_SCHEMA}.job where state = 'active' and name = any($1::text[])`,
      [names],
    );
    const byQueue = new Map<string, string[]>();
    for (const row of rows) byQueue.set(row.name, [...(byQueue.get(row.name) ?? []), row.id]);
    for (const [name, ids] of byQueue) {
      for (const id of ids) await b.fail(name, id, { message: 'abandoned: the process running it stopped' });
      log.warn({ queue: name, runs: ids.length }, 'failed runs left active by a stopped process');
    }
  }

  return runner;
}
