import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * One number per place, Beijing day and indicator (issue 17). The facts job computes a community's and
 * each of its buildings' rows from the raw rows, then sums them up the tree (sub-district, district, city)
 * by the communities' paths, so every view above a community reads a handful of rows here and never
 * scans residents, declarations or gate checks. The time the numbers are from is in `dashboard_refreshes`.
 */
export const dashboardFacts = pgTable(
  'dashboard_facts',
  {
    placeId: integer('place_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.placeId, t.day, t.indicator] }),
    index('dashboard_facts_day_idx').on(t.day),
  ],
);

/**
 * A daily report (日报) as data: which indicators are its columns, how its headers are merged (each
 * column's `group`, consecutive equal groups merged), and its cut-off time (Beijing 'HH:MM'). It belongs
 * to the place that asks for it (a sub-district or district) and covers the communities under it.
 */
export const reportTemplates = pgTable('report_templates', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  placeId: integer('place_id').notNull(),
  name: text('name').notNull(),
  cutoff: text('cutoff').notNull(),
  columns: jsonb('columns').$type<{ indicator: string; group: string | null }[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One community's report of one day: the values frozen at the cut-off (indicator → number), resubmitted
 * by the community (version + 1) until the sub-district confirms it; confirmed, it never changes again.
 */
export const dailyReports = pgTable(
  'daily_reports',
  {
    templateId: integer('template_id').notNull(),
    communityId: integer('community_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    values: jsonb('values').$type<Record<string, number>>().notNull(),
    version: integer('version').notNull().default(1),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: integer('submitted_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: integer('confirmed_by'),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.day, t.communityId] })],
);

/**
 * When the facts of a place and day were last computed (the time every tile shows, 截至 HH:MM): a
 * community's by the facts job (or a read that refreshed it), a place above it the oldest of its
 * communities'. Kept apart from the facts so a refresh rewrites only the numbers that changed.
 */
export const dashboardRefreshes = pgTable(
  'dashboard_refreshes',
  {
    placeId: integer('place_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.day] })],
);

/**
 * A big-screen link (数据大屏): a read-only view of one place's aggregates for a command centre, opened
 * without signing in. Only a SHA-256 of its random token is stored (like sessions); revoking ends it.
 */
export const screenLinks = pgTable(
  'screen_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    placeId: integer('place_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('screen_links_token_uq').on(t.tokenHash),
    index('screen_links_place_idx').on(t.placeId),
  ],
);
