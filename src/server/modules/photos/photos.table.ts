import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Photos taken in a community (campaign findings, gate inspections…): the file lives under the photo
 * directory (DASHU_PHOTO_DIR, by default <data dir>/photos); the row says whose it is and what it is.
 */
export const photos = pgTable(
  'photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('photos_community_idx').on(t.communityId, t.createdAt)],
);
