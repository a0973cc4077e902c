// The rate-limit store on the rate_limits table (both databases): counts, windows, and limiters kept apart;
// the hourly sweep of ended counters.

import { randomUUID } from 'node:crypto';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/test-app';
import { jobRegistry, SWEEP_RATE_LIMITS_JOB } from '../jobs/jobs.registry';
import { databaseRateLimitStore } from './rate-limit-store';
import { deleteEndedRateLimits, hitRateLimit } from './rate-limits.repo';

const database = testDatabase(2);
afterAll(() => database.close());

function hit(store: FastifyRateLimitStore, key: string) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (error, result) => (error || !result ? reject(error) : resolve(result)), 60_000, 5),
  );
}

describe('database rate-limit store', () => {
  it('counts one window per key and per limiter, shared by every store on the database', async () => {
    const installation = `${randomUUID()}:`;
    const Store = databaseRateLimitStore(database.db, installation);
    // What @fastify/rate-limit does: one store for the plugin, a child per limiter.
    const root = new Store({});
    const child = (nameSpace: string, of = root) =>
      of.child({ nameSpace } as unknown as Parameters<typeof root.child>[0]);
    const form = child('form-address:');
    const link = child('pass-link:');
    expect((await hit(form, '10.0.0.1')).current).toBe(1);
    const second = await hit(form, '10.0.0.1');
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(55_000);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    expect((await hit(link, '10.0.0.1')).current).toBe(1);
    expect((await hit(form, '10.0.0.2')).current).toBe(1);
    // Another instance's store on the same database continues the same count.
    const Elsewhere = databaseRateLimitStore(database.db, installation);
    expect((await hit(child('form-address:', new Elsewhere({})), '10.0.0.1')).current).toBe(3);
  });
});

describe('hits in the same moment', () => {
  it('share one statement, and each caller still gets its own place in the count', async () => {
    const Store = databaseRateLimitStore(database.db, `${randomUUID()}:`);
    const form = new Store({}).child({ nameSpace: 'form-poster:' } as unknown as Parameters<
      FastifyRateLimitStore['child']
    >[0]);
    // Twelve submits from one poster and three from another address arrive together.
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, () => hit(form, 'poster:abc')),
      ...Array.from({ length: 3 }, () => hit(form, 'poster:xyz')),
    ]);
    expect(answers.slice(0, 12).map((a) => a.current)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(answers.slice(12).map((a) => a.current)).toEqual([1, 2, 3]);
    // Then one more: the count goes on from the batch's total.
    expect((await hit(form, 'poster:abc')).current).toBe(13);
    for (const answer of answers) expect(answer.ttl).toBeGreaterThan(55_000);
  });
});

describe('sweeping ended counters', () => {
  it('deletes the rows whose window opened over a day ago, and keeps the live ones counting', async () => {
    const live = `sweep-live:${randomUUID()}`;
    const ended = `sweep-ended:${randomUUID()}`;
    await hitRateLimit(database.db, live, 600);
    await hitRateLimit(database.db, live, 600);
    await database.db.execute(
      sql`insert into rate_limits (key, window_start, hits) values (${ended}, now() - interval '25 hours', 7)`,
    );
    expect(await deleteEndedRateLimits(database.db)).toBeGreaterThanOrEqual(1);
    const left = await database.db.execute<{ key: string; hits: number }>(
      sql`select key, hits from rate_limits where key in (${live}, ${ended})`,
    );
    expect(left.rows).toEqual([{ key: live, hits: 2 }]);
    expect((await hitRateLimit(database.db, live, 600)).hits).toBe(3);
  });

  it('refuses a window the sweep would cut short', async () => {
    await expect(hitRateLimit(database.db, `long:${randomUUID()}`, 2 * 86_400)).rejects.toThrow(/over a day/);
  });

  it('is a timed job in the registry, hourly', () => {
    const jobs = jobRegistry({
      database,
      declarations: { purgeDue: async () => 0 },
      imports: { runImport: async () => undefined, importFailedForGood: async () => {} },
      observation: {
        sweep: async () => ({ missed: 0, doorVisits: 0, escalated: 0 }),
        purgeReadings: async () => 0,
      },
      care: { escalateOverdue: async () => 0 },
      dashboards: { refresh: async () => ({ communities: 0, facts: 0 }) },
      reports: { freezeDue: async () => 0 },
      log: { info: () => {} },
    });
    expect(jobs.find((job) => job.name === SWEEP_RATE_LIMITS_JOB)?.schedule?.cron).toBe('15 * * * *');
  });
});
