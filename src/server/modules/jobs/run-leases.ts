import pg from 'pg';
import type { Database } from '../../db/database';
import { JOBS_SCHEMA } from './job-definition';
import type { JobLogger } from './job-runner';

/** The first key of a run's lease (an advisory lock; the second key is hashtext(run id)): 'rl'. */
const LEASE_CLASS = 0x726c;

export interface RunLeases {
  /** Takes the lease of a run for as long as this instance works it; answers the release. */
  hold(runId: string): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * How a run lost with its instance is found in seconds rather than after `expireInSeconds` (pg-boss 10 has
 * no heartbeat; an import's expiry is 15 minutes). Each instance keeps one connection of its own and
 * holds an advisory lock on it for every run it works. When the instance dies — kill -9, a power cut —
 * PostgreSQL ends that connection and so lets go of its locks. Every instance looks every `everySeconds`
 * for active runs of its queues, older than `graceSeconds`, whose lock nobody holds (`pg_locks`), and fails
 * them with pg-boss, which retries them as its policy says (the import's onFinalFailure marks the import
 * failed when no retry is left). Assumes every instance runs this code: a run of an instance too old to
 * take leases would be judged lost. A run whose instance lost only its connection (a network split longer
 * than the grace) runs twice; the runs Dashu has are safe to repeat (an import of the same file changes
 * nothing the second time).
 */
export async function openRunLeases(
  database: Database,
  log: JobLogger,
  names: string[],
  failLost: (name: string, id: string) => Promise<void>,
  timing: { everySeconds: number; graceSeconds: number; check: boolean },
): Promise<RunLeases> {
  // A connection of its own, outside the pool: the pool's are few and shared by requests.
  const client = new pg.Client({ ...(database.pool.options as pg.ClientConfig) });
  await client.connect();
  let closed = false;
  // A connection error is reported here rather than thrown where nobody listens; the next lease fails.
  client.on('error', (error) => log.error({ err: error }, 'job runner: the lease connection failed'));
  const findLost = async () => {
    const { rows } = await database.pool.query<{ name: string; id: string }>(
      `select j.name, j.id from ${JOBS_SCHEMA}.job j
       where j.state = 'active' and j.name = any($1::text[])
         and j.started_on < now() - make_interval(secs => $2)
         and not exists (
           select 1 from pg_locks l
           where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())
             and l.classid = $3::int4::oid and l.objid = hashtext(j.id::text)::oid and l.objsubid = 2)`,
      [names, timing.graceSeconds, LEASE_CLASS],
    );
    for (const row of rows) {
      await failLost(row.name, row.id);
      log.warn({ queue: row.name, run: row.id }, 'failed a run whose instance is gone; it will be retried');
    }
  };
  let checking: Promise<void> | null = null;
  const timer = timing.check
    ? setInterval(() => {
        checking ??= findLost()
          .catch((error: unknown) => log.error({ err: error }, 'job runner: looking for lost runs failed'))
          .finally(() => {
            checking = null;
          });
      }, timing.everySeconds * 1000)
    : null;
  timer?.unref();
  return {
    async hold(runId) {
      await client.query('select pg_advisory_lock($1, hashtext($2))', [LEASE_CLASS, runId]);
      return async () => {
        if (closed) return;
        await client
          .query('select pg_advisory_unlock($1, hashtext($2))', [LEASE_CLASS, runId])
          .catch((error: unknown) => log.error({ err: error }, 'job runner: releasing a lease failed'));
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await checking;
      // Whatever lock it still held goes with the connection.
      await client.end().catch(() => {});
    },
  };
}
