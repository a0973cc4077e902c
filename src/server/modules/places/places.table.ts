import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PlaceKind } from '../../../shared/places/place-kinds';

/**
 * One table for the whole place tree (district → … → entrance). A materialised `path` of ancestor ids
 * ('/1/7/42/') makes "everything under my scope" a single index range scan, which is what every scoped
 * query needs. `community_id` is set on the community itself and everything below it.
 */
export const places = pgTable(
  'places',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id'),
    kind: text('kind').$type<PlaceKind>().notNull(),
    name: text('name').notNull(),
    code: text('code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    communityId: integer('community_id'),
    sortKey: integer('sort_key').notNull().default(0),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('places_parent_idx').on(t.parentId, t.sortKey),
    index('places_path_idx').on(sql`${t.path} text_pattern_ops`),
    index('places_community_idx').on(t.communityId, t.kind),
    uniqueIndex('places_code_uq').on(t.code),
  ],
);

/** Gates of a compound (小区/院). The access module adds passes and checks on top of these. */
export const gates = pgTable(
  'gates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    compoundId: integer('compound_id').notNull(),
    name: text('name').notNull(),
    vehiclesAllowed: boolean('vehicles_allowed').notNull().default(false),
    openingHours: text('opening_hours'),
  },
  (t) => [index('gates_compound_idx').on(t.compoundId)],
);
