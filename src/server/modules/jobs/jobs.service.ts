import type { JobQueueView, JobRunView, JobsOverview } from '../../../shared/jobs/jobs-view';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/actor';
import { assertCommunity } from '../auth/scope';
import { DEFAULT_TIME_ZONE } from './job-definition';
import type { JobRunner } from './job-runner';
import * as repo from './jobs.repo';

const view = (row: Awaited<ReturnType<typeof repo.latestRuns>>[number]): JobRunView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  startedAt: row.startedAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * The jobs page of the console (district officers): every queue of the registry with its schedule,
 * retry policy and last seven days, the latest runs and failures. The installation's own jobs (purge,
 * vacuum) are shown to every district officer; a community's (imports) only within the caller's scope.
 */
export function createJobsService(database: Database, runner: JobRunner) {
  return {
    async overview(actor: Actor, communityId?: number): Promise<JobsOverview> {
      if (communityId !== undefined) assertCommunity(actor.scope, communityId);
      const definitions = runner.definitions().filter((d) => !d.only || d.only === database.kind);
      const filter: repo.RunFilter = {
        queues: definitions.map((d) => d.name),
        communityIds: communityId !== undefined ? [communityId] : actor.scope.communityIds,
        includeInstallation: communityId === undefined,
      };
      const empty = { communityId: communityId ?? null, failures: [], runs: [] };
      if (!(await repo.installed(database.pool))) {
        return {
          ...empty,
          queues: definitions.map((d) => ({
            name: d.name,
            schedule: d.schedule
              ? { cron: d.schedule.cron, timeZone: d.schedule.tz ?? DEFAULT_TIME_ZONE }
              : null,
            retryLimit: d.retry.limit,
            retryDelaySeconds: d.retry.delaySeconds,
            expireInSeconds: d.expireInSeconds,
            counts: { waiting: 0, active: 0, completed: 0, failed: 0 },
            lastRun: null,
          })),
        };
      }
      const pool = database.pool;
      const [settings, counts, lastRuns, failures, runs] = await Promise.all([
        repo.queueSettings(pool, filter.queues),
        repo.countsPerQueue(pool, filter),
        repo.lastRunPerQueue(pool, filter),
        repo.latestFailures(pool, filter, 50),
        repo.latestRuns(pool, filter, 50),
      ]);
      const queues: JobQueueView[] = definitions.map((d) => {
        const set = settings.find((s) => s.name === d.name);
        const mine = counts.filter((c) => c.queue === d.name);
        const sum = (...states: string[]) =>
          mine.filter((c) => states.includes(c.state)).reduce((n, c) => n + c.n, 0);
        const last = lastRuns.find((r) => r.queue === d.name);
        return {
          name: d.name,
          schedule: set?.cron ? { cron: set.cron, timeZone: set.timezone ?? 'UTC' } : null,
          retryLimit: set?.retryLimit ?? d.retry.limit,
          retryDelaySeconds: set?.retryDelay ?? d.retry.delaySeconds,
          expireInSeconds: set?.expireSeconds ?? d.expireInSeconds,
          counts: {
            waiting: sum('created', 'retry'),
            active: sum('active'),
            completed: sum('completed'),
            failed: sum('failed', 'cancelled'),
          },
          lastRun: last ? view(last) : null,
        };
      });
      return { ...empty, queues, failures: failures.map(view), runs: runs.map(view) };
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
