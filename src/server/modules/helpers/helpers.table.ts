import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CoverageRequirements } from '../../../shared/helpers';

/**
 * A volunteer or Party member of a community: a resident (`resident_id`) or someone from outside with a
 * name and phone (sealed like residents' phones: cipher, HMAC, mask). `account_id` links the volunteer
 * account that takes care tasks on a phone; without one, staff record on their behalf.
 */
export const helpers = pgTable(
  'helpers',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id'),
    name: text('name').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    teams: text('teams').array().notNull().default(sql`'{}'::text[]`),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    availability: text('availability'),
    verified: boolean('verified').notNull().default(false),
    accountId: integer('account_id'),
    /** Party members: branch (party_branches of the people module), kind, and for 在职党员 their 双报到. */
    partyBranchId: integer('party_branch_id'),
    partyKind: text('party_kind'),
    employerPartyOrg: text('employer_party_org'),
    reportedOn: date('reported_on', { mode: 'string' }),
    nextReportDue: date('next_report_due', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('helpers_community_idx').on(t.communityId, t.name),
    uniqueIndex('helpers_account_uq').on(t.communityId, t.accountId),
  ],
);

/** Who holds which role at which building (全覆盖): one row per person, role and building. */
export const buildingRoles = pgTable(
  'building_roles',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    buildingId: integer('building_id').notNull(),
    role: text('role').notNull(),
    helperId: integer('helper_id').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('building_roles_uq').on(t.communityId, t.buildingId, t.role, t.helperId),
    index('building_roles_community_idx').on(t.communityId, t.buildingId),
    index('building_roles_helper_idx').on(t.helperId),
  ],
);

/** The roles each building of a community needs; a community without a row needs DEFAULT_COVERAGE. */
export const coverageSettings = pgTable('coverage_settings', {
  communityId: integer('community_id').primaryKey(),
  required: jsonb('required').$type<CoverageRequirements>().notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A resident who needs care, and how often someone must be in touch (in days). */
export const careNeeds = pgTable(
  'care_needs',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    contactEveryDays: integer('contact_every_days').notNull(),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('care_needs_resident_uq').on(t.communityId, t.residentId),
    index('care_needs_due_idx').on(t.communityId, t.lastContactAt),
  ],
);

/**
 * A delivery, a phone call or other help for a resident. Offered to the helpers of the resident's
 * building; one accepts; not accepted within 30 minutes it is escalated to staff (care-task-escalation
 * job). Completed once: `client_id` is made on the phone, so an offline replay finds the first completion.
 */
export const careTasks = pgTable(
  'care_tasks',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    buildingId: integer('building_id').notNull(),
    householdId: integer('household_id').notNull(),
    residentId: integer('resident_id').notNull(),
    kind: text('kind').notNull(),
    what: text('what'),
    status: text('status').notNull().default('offered'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    declinedBy: integer('declined_by').array().notNull().default(sql`'{}'::int[]`),
    helperId: integer('helper_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    outcome: text('outcome'),
    photoId: integer('photo_id'),
    notes: text('notes'),
    clientId: uuid('client_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: integer('done_by'),
    minutes: integer('minutes'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('care_tasks_community_idx').on(t.communityId, t.status, t.offeredAt),
    index('care_tasks_building_idx').on(t.buildingId, t.status),
    uniqueIndex('care_tasks_client_uq').on(t.communityId, t.clientId),
  ],
);

/**
 * Hours a helper gave: made from a completed care task (approved, one row per task) or entered by hand
 * (pending until staff approve).
 */
export const helperHours = pgTable(
  'helper_hours',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    helperId: integer('helper_id').notNull(),
    source: text('source').notNull(),
    taskId: integer('task_id'),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note'),
    status: text('status').notNull(),
    enteredBy: integer('entered_by').notNull(),
    decidedBy: integer('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('helper_hours_community_idx').on(t.communityId, t.workedOn),
    uniqueIndex('helper_hours_task_uq').on(t.communityId, t.taskId),
  ],
);
