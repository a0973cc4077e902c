import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only: who saw or changed what. `community_id` lets a secretary browse her own trail. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    accountId: integer('account_id'),
    accountName: text('account_name'),
    communityId: integer('community_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    reason: text('reason'),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
    ip: text('ip'),
  },
  (t) => [
    index('audit_community_at_idx').on(t.communityId, t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
  ],
);
