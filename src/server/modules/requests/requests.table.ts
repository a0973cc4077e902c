import { sql } from 'drizzle-orm';
import {
  boolean,
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
 * Categories of requests and their time limits, as data (district officers edit them; the defaults after
 * the 12345 service standard are inserted by migration). Installation-wide: every community is held to the
 * same limits. A request copies its deadlines when received, so an edit never moves an old deadline.
 */
export const requestCategories = pgTable(
  'request_categories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contactLimit: integer('contact_limit').notNull(),
    contactUnit: text('contact_unit').notNull(),
    resolveLimit: integer('resolve_limit').notNull(),
    resolveUnit: text('resolve_unit').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
    retired: boolean('retired').notNull().default(false),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('request_categories_code_uq').on(t.code)],
);

/** One resident's request (诉求), from receipt to closing. The requester's phone is sealed like residents'. */
export const requests = pgTable(
  'requests',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    /** The compound, building or entrance the request is about (or the community itself). */
    placeId: integer('place_id'),
    householdId: integer('household_id'),
    residentId: integer('resident_id'),
    requesterName: text('requester_name').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    categoryId: integer('category_id').notNull(),
    text: text('text').notNull(),
    channel: text('channel').notNull(),
    orderNumber: text('order_number'),
    contactPreference: text('contact_preference'),
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    contactDeadline: timestamp('contact_deadline', { withTimezone: true }).notNull(),
    resolveDeadline: timestamp('resolve_deadline', { withTimezone: true }).notNull(),
    /**
     * The deadline that matters next: first contact until contacted, then resolution. Stored (generated) so
     * the due-soon and overdue lists read it from an index in order and stop after a page, instead of
     * computing it for every open row of the community and sorting them.
     */
    nextDeadline: timestamp('next_deadline', { withTimezone: true }).generatedAlwaysAs(
      sql`case when contacted_at is null then least(contact_deadline, resolve_deadline) else resolve_deadline end`,
    ),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    /** When the result (resolved or unresolved) was reported. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome'),
    explanation: text('explanation'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    assigneeId: integer('assignee_id'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalationReason: text('escalation_reason'),
    callbackAt: timestamp('callback_at', { withTimezone: true }),
    callbackResolved: boolean('callback_resolved'),
    satisfaction: text('satisfaction'),
    failedCallbacks: integer('failed_callbacks').notNull().default(0),
    exclusionReason: text('exclusion_reason'),
    exclusionState: text('exclusion_state'),
    exclusionNote: text('exclusion_note'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** SHA-256 of the resident's personal progress link token (the token itself is shown once). */
    linkHash: text('link_hash'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('requests_community_received_idx').on(t.communityId, t.receivedAt),
    // The working lists, each an ordered range of one community's index: a page is read in order and
    // the total counted from the index alone (no sort, no visit to a year of rows). Due soon and
    // overdue: open requests by their next deadline (the dashboards' open counts use it too).
    index('requests_community_open_due_idx')
      .on(t.communityId, t.nextDeadline, t.id)
      .where(sql`${t.status} in ('received', 'signed', 'contacted', 'in_progress')`),
    // Waiting for a callback: resolved or unresolved, no callback yet (the failed attempts are filtered).
    index('requests_community_callback_idx')
      .on(t.communityId, t.receivedAt)
      .where(sql`${t.status} in ('resolved', 'unresolved') and ${t.callbackAt} is null`),
    // Mine: the same condition as the list (status, not closed_at), or the planner cannot use it.
    index('requests_community_assignee_idx')
      .on(t.communityId, t.assigneeId, t.receivedAt)
      .where(sql`${t.status} <> 'closed'`),
    uniqueIndex('requests_order_number_uq').on(t.communityId, t.orderNumber),
    uniqueIndex('requests_link_hash_uq').on(t.linkHash),
  ],
);

/** The timeline: every step, timed and attributed (an account, or the resident through their link). */
export const requestEvents = pgTable(
  'request_events',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    requestId: integer('request_id').notNull(),
    communityId: integer('community_id').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    accountId: integer('account_id'),
    accountName: text('account_name'),
    note: text('note'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('request_events_request_idx').on(t.requestId, t.at),
  ],
);
