import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A QR poster on a compound gate or a building door: its random token is the only credential the
 * public form has. Revoking a poster (torn down, photographed and spread) stops its link at once.
 */
export const posters = pgTable(
  'posters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    placeId: integer('place_id').notNull(),
    token: text('token').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('posters_token_uq').on(t.token), index('posters_community_idx').on(t.communityId)],
);
