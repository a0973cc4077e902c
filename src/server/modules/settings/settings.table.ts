import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Installation-wide settings officers change from the console (today: the public address). In the
 * database, not in a process, so every instance prints the same QR codes.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by'),
});
