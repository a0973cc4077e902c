import { BEIJING_TIME_ZONE } from '../../../shared/time/beijing';

/** What a handler is told about the run it serves (pg-boss's job row, in our words). */
export interface JobRun<T> {
  id: string;
  data: T;
  /** 0 on the first run, 1 on the first retry … */
  retryCount: number;
  retryLimit: number;
  /** This is the last try: a failure now is final. */
  lastTry: boolean;
}

/**
 * One kind of job: everything about it in one place. Later modules (missed check-ins, request deadlines,
 * the daily report's cut-off) add one of these to `jobs.registry.ts` and nothing else.
 *
 * Payloads carry ids only (an import job's id, a community id): they are kept in `pgboss.job` for
 * days and shown to district officers, so never a name, an ID number or a file's content.
 */
export interface JobDefinition<T extends object = Record<string, never>> {
  /** The queue's name: lowercase words with dashes, stable (it is the key of past runs). */
  name: string;
  /** Runs the job. Throw to fail the run (it is retried while retries are left). */
  handler: (run: JobRun<T>) => Promise<void>;
  /** Sent by the clock: cron in Beijing time unless `tz` says otherwise. Runs once across instances. */
  schedule?: { cron: string; tz?: string };
  retry: { limit: number; delaySeconds: number; backoff?: boolean };
  /**
   * A run still active after this long counts as lost (its instance died) and is failed, so retried.
   * Keep it above the longest honest run.
   */
  expireInSeconds: number;
  /** Only on this kind of database (the embedded database's vacuum). */
  only?: 'embedded' | 'postgres';
  /** Runs once when the last try has failed (retries used up, or lost with its instance): clean up. */
  onFinalFailure?: (data: T, message: string) => Promise<void>;
  /** How often an idle instance looks for new runs; a run sent by this instance starts at once. */
  pollSeconds?: number;
}

export const DEFAULT_TIME_ZONE = BEIJING_TIME_ZONE;

/** pg-boss keeps its tables in this schema, which it creates and migrates itself at start. */
export const JOBS_SCHEMA = 'pgboss';

/** Keeps each definition's payload type while the registry holds them side by side. */
export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<object> {
  return definition as unknown as JobDefinition<object>;
}
