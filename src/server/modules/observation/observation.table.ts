import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * One person's home or centralised observation (居家观察 / 集中观察): day 1, the planned end, how it
 * ended. At most one open (`ended_at is null`) per person: a partial unique index. The personal check-in
 * link is a random token (like a pass's personal link), withdrawn when the observation ends.
 */
export const observations = pgTable(
  'observations',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    householdId: integer('household_id'),
    buildingId: integer('building_id'),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    dayOne: date('day_one', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    /** The period's days when it started (rules version: the default or the place's). */
    periodDays: integer('period_days').notNull(),
    /** The home-eligibility decision it was started on: { version, answers, passed }. */
    eligibility: jsonb('eligibility'),
    site: text('site'),
    room: text('room'),
    linkToken: text('link_token'),
    startedBy: integer('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    endedBy: integer('ended_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('observations_open_person_uq').on(t.communityId, t.residentId).where(sql`ended_at is null`),
    uniqueIndex('observations_link_uq').on(t.linkToken),
    index('observations_community_idx').on(t.communityId, t.endedAt),
  ],
);

/** Twice a day, made for the whole period at the start: a window, and whether a reading came in it. */
export const observationSlots = pgTable(
  'observation_slots',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    observationId: integer('observation_id').notNull(),
    communityId: integer('community_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    part: text('part').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** due → done | missed. */
    state: text('state').notNull().default('due'),
    checkinId: integer('checkin_id'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('observation_slots_uq').on(t.communityId, t.observationId, t.day, t.part),
    index('observation_slots_due_idx').on(t.closesAt).where(sql`state = 'due'`),
    index('observation_slots_community_idx').on(t.communityId, t.day),
  ],
);

/**
 * A reading: the person's own (link), a staff call or a doorstep visit. The temperature and symptoms are
 * sealed with the vault (like declaration answers); `alarming` alone says whether it raised an alert.
 * `client_id` makes a resend (the phone's outbox, a double tap) change nothing.
 */
export const observationCheckins = pgTable(
  'observation_checkins',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    observationId: integer('observation_id').notNull(),
    communityId: integer('community_id').notNull(),
    slotId: integer('slot_id'),
    clientId: text('client_id').notNull(),
    channel: text('channel').notNull(),
    readingCipher: text('reading_cipher').notNull(),
    alarming: boolean('alarming').notNull(),
    recordedBy: integer('recorded_by'),
    recordedByName: text('recorded_by_name'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** After the observation ended: a follow-up call or visit. */
    followUp: boolean('follow_up').notNull().default(false),
    purgeAfter: date('purge_after', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('observation_checkins_client_uq').on(t.communityId, t.clientId),
    index('observation_checkins_obs_idx').on(t.observationId, t.recordedAt),
  ],
);

/** A fever or a symptom: open until staff acknowledge it; escalated to the secretary after 15 minutes. */
export const observationAlerts = pgTable(
  'observation_alerts',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    observationId: integer('observation_id').notNull(),
    communityId: integer('community_id').notNull(),
    checkinId: integer('checkin_id').notNull(),
    temperature: numeric('temperature', { precision: 3, scale: 1 }),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: integer('acknowledged_by'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('observation_alerts_open_idx').on(t.communityId).where(sql`acknowledged_at is null`),
    index('observation_alerts_obs_idx').on(t.observationId),
  ],
);

/** Work for staff: persuade to centralised (failed home eligibility), a door visit (two missed), an escalation. */
export const observationTasks = pgTable(
  'observation_tasks',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    observationId: integer('observation_id'),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    /** One task of a kind per cause (a missed pair, an alert): a rerun of the job makes no second one. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: integer('done_by'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('observation_tasks_dedupe_uq').on(t.communityId, t.dedupeKey),
    index('observation_tasks_community_idx').on(t.communityId, t.doneAt),
  ],
);
