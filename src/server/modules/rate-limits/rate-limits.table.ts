import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters for limits that must hold across every instance (several share one PostgreSQL), so never in
 * process memory. One row per key ('whole_number_search:account:12'): a window opens at the key's first
 * hit and lasts the caller's window length; the first hit after it ends opens the next one. This is the
 * shape @fastify/rate-limit's store asks for (a count and the time left), so the public limits can move
 * here. Rows whose window opened over a day ago are deleted hourly (job `sweep-rate-limits`): the public
 * form's per-address keys would otherwise grow without bound.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
