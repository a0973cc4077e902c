import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One roster import, run by the `roster-import` job (jobs module): its progress and outcome are written
 * here as it goes, so any instance answers the progress route; rejected rows are kept for the Excel report.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    accountId: integer('account_id'),
    fileName: text('file_name').notNull(),
    /** running · previewed (waiting for the user's confirmation) · done · failed. */
    status: text('status').notNull(),
    /** 'preview': the run decides and writes nothing; 'import': the run writes (after a confirm, if any). */
    mode: text('mode').notNull().default('import'),
    /** The preview (names, masked numbers), encrypted: the confirm page reads it back. */
    previewCipher: text('preview_cipher'),
    /** The hash of the previewed decisions: the confirmed run refuses when its own differs. */
    planHash: text('plan_hash'),
    /** Row numbers of conflicts the user chose to import. */
    accepted: integer('accepted').array().notNull().default(sql`'{}'::int[]`),
    conflicts: integer('conflicts').notNull().default(0),
    phase: text('phase').notNull().default('reading'),
    /** Column titles as uploaded (no personal data): the rejected-rows workbook repeats them. */
    header: text('header').array().notNull().default(sql`'{}'::text[]`),
    totalRows: integer('total_rows'),
    placesCreated: integer('places_created').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    error: text('error'),
    /** The uploader's address, for the audit row the import job writes after the request is gone. */
    ip: text('ip'),
    /** Runs of the import job so far: more than one when a run failed or its instance died. */
    attempts: integer('attempts').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_community_idx').on(t.communityId, t.startedAt)],
);

export const importRejections = pgTable(
  'import_rejections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobId: integer('job_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    // The rejected row as typed, encrypted: it holds ID and phone numbers like any other row.
    valuesCipher: text('values_cipher').notNull(),
    reasons: text('reasons').notNull(),
  },
  (t) => [index('import_rejections_job_idx').on(t.jobId, t.rowNumber)],
);
