import { type Static, Type } from 'typebox';

// What the console's jobs page reads (GET /api/jobs): the server answers through this schema and the
// page imports the type. Ids and times only: no payload, no name, never personal data.

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

const Time = Type.Union([Type.String(), Type.Null()]);

export const JobRunView = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: Type.Union([
    Type.Literal('created'),
    Type.Literal('retry'),
    Type.Literal('active'),
    Type.Literal('completed'),
    Type.Literal('cancelled'),
    Type.Literal('failed'),
  ]),
  /** Tries so far beyond the first (0: first run), and how many retries the queue allows. */
  retries: Type.Integer(),
  retryLimit: Type.Integer(),
  createdAt: Type.String(),
  startedAt: Time,
  finishedAt: Time,
  /** Why it failed: the error's message (database errors by their SQLSTATE only). */
  message: Type.Union([Type.String(), Type.Null()]),
  /** The community a job belongs to (an import's), or null for the installation's own (purge, vacuum). */
  communityId: Type.Union([Type.Integer(), Type.Null()]),
});
export type JobRunView = Static<typeof JobRunView>;

export const JobQueueView = Type.Object({
  name: Type.String(),
  schedule: Type.Union([Type.Object({ cron: Type.String(), timeZone: Type.String() }), Type.Null()]),
  retryLimit: Type.Integer(),
  retryDelaySeconds: Type.Integer(),
  expireInSeconds: Type.Integer(),
  /** Runs of the last seven days by state. */
  counts: Type.Object({
    waiting: Type.Integer(),
    active: Type.Integer(),
    completed: Type.Integer(),
    failed: Type.Integer(),
  }),
  lastRun: Type.Union([JobRunView, Type.Null()]),
});
export type JobQueueView = Static<typeof JobQueueView>;

export const JobsOverview = Type.Object({
  /** The community asked about, or null for everything the caller may see. */
  communityId: Type.Union([Type.Integer(), Type.Null()]),
  queues: Type.Array(JobQueueView),
  /** The latest failures (failed for good, or failed and waiting for a retry), newest first. */
  failures: Type.Array(JobRunView),
  /** The latest runs, newest first. */
  runs: Type.Array(JobRunView),
});
export type JobsOverview = Static<typeof JobsOverview>;
