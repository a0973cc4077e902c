import type pg from 'pg';
import type { JobRunView, JobState } from '../../../shared/jobs/jobs-view';
import { JOBS_SCHEMA } from './job-runner';

// pg-boss's own tables, read for the console: `job` holds runs of the last ~12 hours and everything not
// yet finished, `archive` the older ones (kept 7 days). Read with plain SQL: they are not Drizzle's.

/**
 * Which runs a caller may see: the installation's own (no community in the payload) unless a community
 * was asked for, and those of the communities in `communityIds`.
 */
export interface RunFilter {
  queues: string[];
  communityIds: number[];
  includeInstallation: boolean;
}

const RUNS = `(
  select id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, data, output
    from ${JOBS_SCHEMA}.job
  union all
  select id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, data, output
    from ${JOBS_SCHEMA}.archive
) r`;

// A payload's community is read only when it is a whole number: nothing a payload holds can break the cast.
const COMMUNITY = `case when r.data->>'communityId' ~ '^[0-9]{1,9}$' then (r.data->>'communityId')::int end`;

const WHERE = `r.name = any($1::text[])
  and (case when ${COMMUNITY} is null then $3::boolean else ${COMMUNITY} = any($2::int[]) end)
  and r.created_on > now() - interval '7 days'`;

const COLUMNS = `r.id::text as id, r.name as queue, r.state::text as state, r.retry_count as retries,
  r.retry_limit as "retryLimit", r.created_on as "createdAt", r.started_on as "startedAt",
  r.completed_on as "finishedAt", ${COMMUNITY} as "communityId",
  coalesce(r.output->>'message', r.output->'value'->>'message') as message`;

type RunRow = Omit<JobRunView, 'createdAt' | 'startedAt' | 'finishedAt' | 'state'> & {
  state: JobState;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const params = (f: RunFilter) => [f.queues, f.communityIds, f.includeInstallation];

export async function installed(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ ok: boolean }>(
    `select to_regclass('${JOBS_SCHEMA}.archive') is not null as ok`,
  );
  return rows[0]?.ok ?? false;
}

export async function latestRuns(pool: pg.Pool, f: RunFilter, limit: number): Promise<RunRow[]> {
  const { rows } = await pool.query<RunRow>(
    `select ${COLUMNS} from ${RUNS} where ${WHERE} order by r.created_on desc, r.id limit ${limit}`,
    params(f),
  );
  return rows;
}

export async function latestFailures(pool: pg.Pool, f: RunFilter, limit: number): Promise<RunRow[]> {
  const { rows } = await pool.query<RunRow>(
    `select ${COLUMNS} from ${RUNS} where ${WHERE} and r.state in ('failed', 'retry')
      order by coalesce(r.completed_on, r.started_on, r.created_on) desc, r.id limit ${limit}`,
    params(f),
  );
  return rows;
}

export async function lastRunPerQueue(pool: pg.Pool, f: RunFilter): Promise<RunRow[]> {
  const { rows } = await pool.query<RunRow>(
    `select distinct on (r.name) ${COLUMNS} from ${RUNS} where ${WHERE} and r.started_on is not null
      order by r.name, r.started_on desc`,
    params(f),
  );
  return rows;
}

export async function countsPerQueue(pool: pg.Pool, f: RunFilter) {
  const { rows } = await pool.query<{ queue: string; state: JobState; n: number }>(
    `select r.name as queue, r.state::text as state, count(*)::int as n from ${RUNS} where ${WHERE}
      group by r.name, r.state`,
    params(f),
  );
  return rows;
}

export async function queueSettings(pool: pg.Pool, queues: string[]) {
  const { rows } = await pool.query<{
    name: string;
    retryLimit: number | null;
    retryDelay: number | null;
    expireSeconds: number | null;
    cron: string | null;
    timezone: string | null;
  }>(
    `select q.name, q.retry_limit as "retryLimit", q.retry_delay as "retryDelay",
        q.expire_seconds as "expireSeconds", s.cron, s.timezone
      from ${JOBS_SCHEMA}.queue q left join ${JOBS_SCHEMA}.schedule s on s.name = q.name
      where q.name = any($1::text[])`,
    [queues],
  );
  return rows;
}
