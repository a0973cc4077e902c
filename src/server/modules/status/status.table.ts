import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The status module's tables. Only src/server/modules/status/* may write them (status.service.ts is the
// one way in; `status-ownership.test.ts` scans the sources); other modules read through status.repo.ts.

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
    /**
     * Who set the status (`StatusSource` in src/shared/status): self, staff, gate or observation. A
     * resident's own declaration never lowers a status whose source is not `self`.
     */
    source: text('source').notNull().default('staff'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_status_community_idx').on(t.communityId, t.status)],
);

/**
 * Why a status changed, and when: a declaration, staff confirming a resident's own, a fever at the gate,
 * a risk-area or rule change (`cause`), from what to what.
 */
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
