import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Per-community pass settings and the counter that numbers its passes (printed, so sequential). */
export const accessSettings = pgTable('access_settings', {
  communityId: integer('community_id').primaryKey(),
  /** 'resident' (one pass each) or 'household' (one pass per door). */
  passHolder: text('pass_holder').notNull().default('household'),
  lastPassNumber: integer('last_pass_number').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 出入证. `status` is active, revoked or reissued (replaced by `replaced_by`); "expired" is not stored,
 * it is `valid_until` before today. The signed token is stored because it was signed with the key in
 * force at issue time: after a rotation the old private key is gone, yet the printed pass still matches.
 */
export const passes = pgTable(
  'passes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    compoundId: integer('compound_id').notNull(),
    number: integer('number').notNull(),
    holderKind: text('holder_kind').notNull(),
    householdId: integer('household_id').notNull(),
    residentId: integer('resident_id'),
    kid: integer('kid').notNull(),
    token: text('token').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    replacedBy: integer('replaced_by'),
    /** Random token of the holder's personal link (/gate/p/<token>); null once revoked. */
    linkToken: text('link_token'),
    issuedBy: integer('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('passes_number_uq').on(t.communityId, t.number),
    uniqueIndex('passes_link_uq').on(t.linkToken),
    index('passes_compound_idx').on(t.compoundId, t.status),
    index('passes_household_idx').on(t.householdId),
    index('passes_revoked_idx').on(t.communityId, t.revokedAt),
  ],
);

/**
 * One check at a gate. `uuid` is made on the guard's phone when the check happens, so a batch sent
 * twice (lost answer, flaky signal) lands once: the unique index makes the insert idempotent.
 */
export const gateChecks = pgTable(
  'gate_checks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    uuid: uuid('uuid').notNull(),
    communityId: integer('community_id').notNull(),
    gateId: integer('gate_id').notNull(),
    accountId: integer('account_id').notNull(),
    /** When the guard made the check (the phone's clock), and when the server got it. */
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    subject: text('subject').notNull(),
    passId: integer('pass_id'),
    passNumber: integer('pass_number'),
    visitorId: integer('visitor_id'),
    verdict: text('verdict').notNull(),
    direction: text('direction').notNull(),
    temperature: real('temperature'),
    fever: boolean('fever').notNull().default(false),
    idChecked: boolean('id_checked').notNull().default(false),
    plate: text('plate'),
    trunkChecked: boolean('trunk_checked').notNull().default(false),
    refused: boolean('refused').notNull().default(false),
    refusalReason: text('refusal_reason'),
    offline: boolean('offline').notNull().default(false),
  },
  (t) => [
    uniqueIndex('gate_checks_uuid_uq').on(t.uuid),
    index('gate_checks_community_at_idx').on(t.communityId, t.checkedAt),
    index('gate_checks_gate_at_idx').on(t.gateId, t.checkedAt),
    index('gate_checks_pass_idx').on(t.passId, t.checkedAt).where(sql`${t.passId} is not null`),
  ],
);

/** A fever at the gate (≥ 37.3 °C): the referral the community follows up (R7). */
export const gateReferrals = pgTable(
  'gate_referrals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    checkUuid: uuid('check_uuid').notNull(),
    gateId: integer('gate_id').notNull(),
    residentId: integer('resident_id'),
    householdId: integer('household_id'),
    visitorId: integer('visitor_id'),
    temperature: real('temperature').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('gate_referrals_check_uq').on(t.checkUuid),
    index('gate_referrals_community_idx').on(t.communityId, t.createdAt),
  ],
);

/**
 * A visitor registered at the gate (name, sealed phone, why, whom), with a signed pass for the day.
 * The phone is stored like residents' phones: ciphertext + mask, never in clear.
 */
export const visitors = pgTable(
  'visitors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    gateId: integer('gate_id').notNull(),
    name: text('name').notNull(),
    phoneCipher: text('phone_cipher').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    reason: text('reason').notNull(),
    visiting: text('visiting').notNull(),
    temperature: real('temperature'),
    plate: text('plate'),
    validOn: date('valid_on', { mode: 'string' }).notNull(),
    token: text('token').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visitors_community_day_idx').on(t.communityId, t.validOn)],
);
