import { sql } from 'drizzle-orm';
import {
  boolean,
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
    /**
     * The id the resident's phone made for this submit (kept with its draft), so a re-send after a
     * timeout or a double tap is stored once: unique per community. Null for staff declarations.
     */
    clientId: uuid('client_id'),
  },
  (t) => [
    index('declarations_community_at_idx').on(t.communityId, t.declaredAt),
    index('declarations_resident_idx').on(t.residentId, t.declaredAt),
    uniqueIndex('declarations_client_uq').on(t.communityId, t.clientId).where(sql`${t.clientId} is not null`),
  ],
);

/**
 * A resident's own declaration that changed no status and waits for staff (`HoldReason`s: the typed
 * name is not the registry's, the person is verified and it would change their status, or it would
 * lower a status staff, the gate or observation set). Confirming applies `to_status` as staff's;
 * rejecting needs a reason. `typed_name` is kept only when it differs from the registry's.
 */
export const declarationReviews = pgTable(
  'declaration_reviews',
  {
    declarationId: integer('declaration_id').primaryKey(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    reasons: text('reasons').array().notNull(),
    typedName: text('typed_name'),
    /** The status when it was declared (null: none yet). */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    statusReason: jsonb('status_reason').$type<{ zh: string; en: string }>().notNull(),
    observationUntil: date('observation_until', { mode: 'string' }),
    state: text('state').notNull().default('pending'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('declaration_reviews_pending_idx')
      .on(t.communityId, t.createdAt)
      .where(sql`${t.state} = 'pending'`),
    index('declaration_reviews_resident_idx').on(t.residentId),
  ],
);

/**
 * Versions of the rules that turn declarations into statuses. A set belongs to a place (`place_id`); a
 * community is judged by the newest set of the nearest place above it (the built-in defaults when none).
 * `place_id` is NOT NULL in the database (migration 0011 gave the older sets the root place); declared
 * nullable here only so the generated migration can add it to a table that has rows.
 */
export const statusRuleSets = pgTable(
  'status_rule_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    placeId: integer('place_id'),
    rules: jsonb('rules').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_rule_sets_place_idx').on(t.placeId, t.id)],
);

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
