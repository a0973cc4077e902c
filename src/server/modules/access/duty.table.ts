import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A duty shift at a gate: who stands there from when to when (instants; the console shows Beijing time).
 * `checked_in_at` is set when the guard taps 到岗签到 in the gate app.
 */
export const gateShifts = pgTable(
  'gate_shifts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    gateId: integer('gate_id').notNull(),
    accountId: integer('account_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    note: text('note'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('gate_shifts_gate_idx').on(t.gateId, t.startsAt),
    index('gate_shifts_account_idx').on(t.accountId, t.startsAt),
  ],
);

/** A duty inspection (R8): the secretary's visit to a gate, a four-item checklist, notes, a photo. */
export const dutyInspections = pgTable(
  'duty_inspections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    gateId: integer('gate_id').notNull(),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    staffed: boolean('staffed').notNull(),
    thermometerOk: boolean('thermometer_ok').notNull(),
    logComplete: boolean('log_complete').notNull(),
    visitorsRegistered: boolean('visitors_registered').notNull(),
    notes: text('notes'),
    photoId: integer('photo_id'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('duty_inspections_gate_idx').on(t.gateId, t.inspectedAt)],
);
