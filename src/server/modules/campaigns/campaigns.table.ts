import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ChecklistItem } from '../../../shared/campaigns';

/**
 * A sweep over a community's households (screening, 入户排查) or buildings (governance kinds, with a
 * checklist). One community per campaign, so scope is one column; `place_ids` narrows it to some compounds
 * or buildings.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Compounds or buildings the sweep covers; empty = the whole community. */
    placeIds: integer('place_ids').array().notNull().default(sql`'{}'::int[]`),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    status: text('status').notNull().default('active'),
    targetCount: integer('target_count').notNull().default(0),
    /** Governance kinds: what to check at each building, as edited when the campaign was created. */
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('campaigns_community_idx').on(t.communityId, t.createdAt)],
);

/**
 * What a campaign must reach: one household (screening) or one building (governance, no household). The latest outcome and
 * the number of tries are kept here, written with each visit, so progress is one GROUP BY on this table.
 */
export const campaignTargets = pgTable(
  'campaign_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').notNull(),
    communityId: integer('community_id').notNull(),
    householdId: integer('household_id'),
    buildingId: integer('building_id').notNull(),
    entranceId: integer('entrance_id'),
    floor: integer('floor'),
    room: text('room'),
    outcome: text('outcome'),
    attempts: integer('attempts').notNull().default(0),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    lastVisitedBy: integer('last_visited_by'),
  },
  (t) => [
    index('campaign_targets_campaign_idx').on(t.campaignId, t.buildingId, t.entranceId),
    index('campaign_targets_household_idx').on(t.householdId),
  ],
);

/** Who covers which building (or one entrance of it) in a campaign, and in which team. */
export const campaignAssignments = pgTable(
  'campaign_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').notNull(),
    communityId: integer('community_id').notNull(),
    buildingId: integer('building_id').notNull(),
    entranceId: integer('entrance_id'),
    accountId: integer('account_id').notNull(),
    team: text('team'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_assignments_uq').on(t.campaignId, t.buildingId, sql`coalesce(${t.entranceId}, 0)`),
    index('campaign_assignments_account_idx').on(t.accountId, t.campaignId),
  ],
);

/**
 * Every visit as recorded. `client_id` is made on the phone: a visit sent twice (weak signal, offline
 * queue) is stored once, because the insert is an upsert on its unique index.
 */
export const campaignVisits = pgTable(
  'campaign_visits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: uuid('client_id').notNull(),
    campaignId: integer('campaign_id').notNull(),
    communityId: integer('community_id').notNull(),
    targetId: integer('target_id').notNull(),
    outcome: text('outcome').notNull(),
    notes: text('notes'),
    declarationIds: integer('declaration_ids').array().notNull().default(sql`'{}'::int[]`),
    /** Governance check of a building: each checklist item's key and whether it passed. */
    checklistResults: jsonb('checklist_results').$type<Array<{ key: string; passed: boolean }>>(),
    visitedBy: integer('visited_by').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_visits_client_uq').on(t.clientId),
    index('campaign_visits_campaign_at_idx').on(t.campaignId, t.visitedAt),
    index('campaign_visits_target_idx').on(t.targetId, t.visitedAt),
  ],
);

/**
 * Visits counted per campaign, hour and outcome, appended by a trigger on campaign_visits (migration
 * 0009_campaign_visit_hours_trigger): one row per INSERT statement and hour and outcome, so the live
 * "by hour" chart sums a few rows per batch of visits instead of bucketing every visit of a long night on
 * each refresh. Appended, never updated: a shared counter row would make concurrent writers queue on it
 * (and deadlock against transactions that take the rows in another order). Every way a visit is
 * written is counted, because the database counts it; visits are never deleted or moved.
 */
export const campaignVisitHours = pgTable(
  'campaign_visit_hours',
  {
    campaignId: integer('campaign_id').notNull(),
    /** The hour's start (hours are whole in Beijing time and in UTC alike). */
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull(),
    visits: integer('visits').notNull(),
  },
  (t) => [index('campaign_visit_hours_campaign_idx').on(t.campaignId, t.hour)],
);

/**
 * What a governance check found wrong at a building: one failed checklist item at one spot, with photos and
 * a deadline; re-checked later (fixed closes it, not fixed keeps it open, perhaps with a new deadline).
 */
export const campaignFindings = pgTable(
  'campaign_findings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').notNull(),
    communityId: integer('community_id').notNull(),
    targetId: integer('target_id').notNull(),
    buildingId: integer('building_id').notNull(),
    visitId: integer('visit_id').notNull(),
    itemKey: text('item_key').notNull(),
    itemText: text('item_text').notNull(),
    entranceId: integer('entrance_id'),
    floor: integer('floor'),
    location: text('location'),
    description: text('description').notNull(),
    photoIds: integer('photo_ids').array().notNull().default(sql`'{}'::int[]`),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    recheckResult: text('recheck_result'),
    recheckedOn: date('rechecked_on', { mode: 'string' }),
    recheckedBy: integer('rechecked_by'),
    recheckNotes: text('recheck_notes'),
    recheckPhotoIds: integer('recheck_photo_ids').array().notNull().default(sql`'{}'::int[]`),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('campaign_findings_campaign_idx').on(t.campaignId, t.status, t.deadline),
    index('campaign_findings_building_idx').on(t.buildingId, t.status),
  ],
);
