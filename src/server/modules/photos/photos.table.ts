import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Photos taken in a community (campaign findings, gate inspections…): the file lives under the photo
 * directory (DASHU_PHOTO_DIR, by default <data dir>/photos); the row says whose it is and what it is.
 * Outside the server a photo is known only by `public_id` (128 random bits, base64url; the app makes it,
 * the default covers rows that were there before); `id` stays the key other tables refer to.
 */
export const photos = pgTable(
  'photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id')
      .notNull()
      .default(
        sql`translate(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_')`,
      ),
    communityId: integer('community_id').notNull(),
    purpose: text('purpose').notNull(),
    /**
     * The record the photo belongs to once attached — a campaign finding's id for `campaign_finding`, a duty
     * inspection's for `inspection` — and who may see it follows from that record. Null: only its uploader.
     */
    attachedTo: integer('attached_to'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('photos_public_id_idx').on(t.publicId),
    index('photos_community_idx').on(t.communityId, t.createdAt),
    // The per-account daily quota counts an account's photos of the day.
    index('photos_created_by_idx').on(t.createdBy, t.createdAt),
  ],
);
