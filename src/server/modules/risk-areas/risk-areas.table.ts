import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Risk areas as district officers set them. An edit never overwrites: the old row is retired and a
 * new one written, so "what was high-risk on the day she came back" can always be answered.
 * Risk areas are city-wide (every community reads the same list), hence no community_id.
 */
export const riskAreas = pgTable(
  'risk_areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    level: text('level').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredBy: integer('retired_by'),
    replacedBy: integer('replaced_by'),
  },
  (t) => [index('risk_areas_current_idx').on(t.retiredAt, t.regionCode)],
);
