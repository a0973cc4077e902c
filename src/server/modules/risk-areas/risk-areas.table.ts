import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Risk areas as officers set them. An edit never overwrites: the old row is retired and a new one
 * written, so "what was high-risk on the day she came back" can always be answered.
 * Each area belongs to a place (`place_id`: the city, a district, a sub-district or a community); a
 * community reads the areas of every place on its way up to the root, hence no community_id.
 * `place_id` is NOT NULL in the database (migration 0011 gave the older rows the root place); it is
 * declared nullable here only so the generated migration can add it to a table that has rows.
 */
export const riskAreas = pgTable(
  'risk_areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    placeId: integer('place_id'),
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
  (t) => [index('risk_areas_place_current_idx').on(t.placeId, t.retiredAt, t.regionCode)],
);
