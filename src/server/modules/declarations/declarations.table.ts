import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { FormQuestion } from '../../../shared/declarations';

/**
 * One filled-in registration form. Health answers (symptoms, temperature, contacts) are sensitive and
 * kept encrypted in `answers_cipher`; the columns staff filter on (origin, return date, channel,
 * resulting status) are kept in clear. `purge_after` is when the health answers are deleted.
 */
export const declarations = pgTable(
  'declarations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    channel: text('channel').notNull(),
    recordedBy: integer('recorded_by'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    leftCity: boolean('left_city').notNull(),
    originRegion: text('origin_region'),
    returnDate: date('return_date', { mode: 'string' }),
    transport: text('transport'),
    answersCipher: text('answers_cipher'),
    status: text('status').notNull(),
    ruleId: text('rule_id'),
    /** The form version the extra questions were asked in (null: core fields only). */
    formVersionId: integer('form_version_id'),
    purgeAfter: date('purge_after', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('declarations_community_at_idx').on(t.communityId, t.declaredAt),
    index('declarations_resident_idx').on(t.residentId, t.declaredAt),
  ],
);

/** Each person's current status: one row per resident, rewritten as declarations and rules change. */
export const personStatus = pgTable(
  'person_status',
  {
    residentId: integer('resident_id').primaryKey(),
    communityId: integer('community_id').notNull(),
    status: text('status').notNull(),
    ruleId: text('rule_id'),
    reason: jsonb('reason').$type<{ zh: string; en: string }>().notNull(),
    observationUntil: date('observation_until', { mode: 'string' }),
    declarationId: integer('declaration_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_status_community_idx').on(t.communityId, t.status)],
);

/** Why a status changed, and when: a declaration, a risk-area change or a rule change. */
export const statusHistory = pgTable(
  'status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    cause: text('cause').notNull(),
    reason: jsonb('reason').$type<{ zh: string; en: string }>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('status_history_resident_idx').on(t.residentId, t.at),
    index('status_history_community_at_idx').on(t.communityId, t.at),
  ],
);

/** Versions of the rules that turn declarations into statuses; the newest is in force. */
export const statusRuleSets = pgTable('status_rule_sets', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  rules: jsonb('rules').notNull(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Versions of the questions a district officer added to the form for the communities under `place_id`.
 * The newest version of the nearest place above a community is the form it shows; older versions stay,
 * so every declaration's extra answers can still be read against the questions they answered.
 */
export const formVersions = pgTable(
  'form_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    placeId: integer('place_id').notNull(),
    questions: jsonb('questions').$type<FormQuestion[]>().notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('form_versions_place_idx').on(t.placeId, t.id)],
);
