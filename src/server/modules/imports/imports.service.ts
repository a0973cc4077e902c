import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { RosterPreview } from '../../../shared/imports/import-preview';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { recordExport } from '../audit/export-audit';
import { accounts } from '../auth/auth.table';
import { assertCommunity } from '../auth/scope';
import type { JobRun } from '../jobs/job-definition';
import type { PlacesService } from '../places/places.service';
import { jobView } from './import-job-view';
import { PreviewCollector } from './import-preview';
import { progressWriter } from './import-progress-writer';
import { readAndValidate } from './import-reading';
import * as repo from './imports.repo';
import { maskRejectedCells } from './rejected-rows';
import type { RosterFormat } from './roster/read-roster';
import { writeRoster } from './roster-writer';

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done';
  processedRows: number;
  totalRows: number | null;
}

export function formatOf(fileName: string): RosterFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

export { jobView } from './import-job-view';

/** The job that runs an import: its payload is the import's id and community, nothing else. */
export const ROSTER_IMPORT_JOB = 'roster-import';
export interface RosterImportPayload {
  importJobId: number;
  communityId: number;
}

/** Sends a job to the runner (jobs module); the imports service knows nothing else of it. */
export type SendJob = (name: string, data: object) => Promise<unknown>;

// exceljs takes ~0.5 s to load; the roster reader and workbooks are loaded on first use, not at start.
export function createImportsService(
  db: Db,
  vault: Vault,
  audit: AuditService,
  _places: PlacesService,
  options: { uploadDir: string; sendJob: SendJob },
) {
  const uploadPath = (job: Pick<repo.ImportJobRow, 'id' | 'fileName'>) =>
    path.join(options.uploadDir, `import-${job.id}${formatOf(job.fileName) === 'csv' ? '.csv' : '.xlsx'}`);

  /** Who started it, for the audit row: the account (by id) and the address it uploaded from. */
  async function uploader(job: repo.ImportJobRow) {
    if (job.accountId === null) return null;
    const rows = await db
      .select({ displayName: accounts.displayName })
      .from(accounts)
      .where(eq(accounts.id, job.accountId))
      .limit(1);
    return { accountId: job.accountId, displayName: rows[0]?.displayName ?? '', ip: job.ip ?? '' };
  }

  async function fail(job: Pick<repo.ImportJobRow, 'id' | 'fileName'>, stored: object) {
    await repo.finishRunningJob(db, job.id, {
      status: 'failed',
      phase: 'done',
      error: JSON.stringify(stored),
      finishedAt: new Date(),
    });
    await rm(uploadPath(job), { force: true });
  }

  /**
   * One run of an import (the roster-import job). Reads the whole file first (validation needs no
   * database), then writes every accepted row in one transaction: an import either lands whole or not at
   * all, and running it twice changes nothing — which is what makes a retry after a crash safe. A file
   * that cannot be imported (bad header, unreadable) fails the import at once; anything else is thrown
   * so the runner retries, and on the last try the import is marked failed.
   */
  async function runImport(run: JobRun<RosterImportPayload>, onProgress?: (p: ImportProgress) => void) {
    const claimed = await repo.claimJob(db, run.data.importJobId);
    // Done or failed already (a run that finished just before its instance died): nothing to do.
    if (!claimed) return;
    const job = claimed;
    const format = formatOf(job.fileName) ?? 'xlsx';
    const progress: ImportProgress = { phase: 'reading', processedRows: 0, totalRows: null };
    const writer = progressWriter(db, job.id, progress, onProgress);
    try {
      const stream = createReadStream(uploadPath(job));
      const opened = await new Promise<boolean>((resolve) => {
        stream.once('open', () => resolve(true));
        stream.once('error', () => resolve(false));
      });
      if (!opened) throw new AppError('import_file_gone');
      const actor = await uploader(job);
      const read = await readAndValidate(stream, format, progress);
      const { header, entries } = read;
      const collector = new PreviewCollector(read.unrecognisedColumns);
      collector.rejected(read.rejected);
      collector.fileConflicts(read.fileConflicts);
      Object.assign(progress, { phase: 'writing', totalRows: entries.length, processedRows: 0 });
      const onWritten = (n: number) => {
        progress.processedRows = n;
      };
      if (job.mode === 'preview') {
        // The same run as the import, writing nothing; the file stays for the confirmed run.
        const planned = await writeRoster(db, vault, job.communityId, entries, job.accountId, onWritten, {
          dryRun: true,
          collector,
        });
        await writer.stop();
        await repo.finishRunningJob(db, job.id, {
          status: 'previewed',
          phase: 'done',
          header,
          totalRows: entries.length,
          processedRows: entries.length,
          inserted: planned.inserted,
          updated: planned.updated,
          unchanged: planned.unchanged,
          placesCreated: planned.placesCreated,
          conflicts: planned.conflicts + read.fileConflicts.length,
          rejected: read.rejected.length,
          previewCipher: vault.encrypt(JSON.stringify(collector.preview())),
          planHash: collector.hash(),
        });
        onProgress?.({ phase: 'done', processedRows: entries.length, totalRows: entries.length });
        return;
      }
      const counts = await db.transaction(async (tx) => {
        const { held, ...written } = await writeRoster(
          tx,
          vault,
          job.communityId,
          entries,
          job.accountId,
          onWritten,
          {
            accepted: new Set(job.accepted),
            collector,
          },
        );
        // The registry changed since the preview (or the file did): what was confirmed is not what
        // would happen, so nothing is written (the transaction rolls back) and the user previews again.
        if (job.planHash !== null && collector.hash() !== job.planHash)
          throw new AppError('import_changed_since_preview');
        const rejected = [...read.rejected, ...read.fileConflicts, ...held].sort(
          (a, b) => a.rowNumber - b.rowNumber,
        );
        await repo.deleteRejections(tx, job.id);
        await repo.insertRejections(
          tx,
          rejected.map((r) => ({
            jobId: job.id,
            rowNumber: r.rowNumber,
            valuesCipher: vault.encrypt(JSON.stringify(r.cells)),
            reasons: r.reasons.join('；'),
          })),
        );
        const conflicts = written.conflicts + read.fileConflicts.length;
        await audit.record(
          actor,
          {
            action: 'import',
            entity: 'import_job',
            entityId: job.id,
            communityId: job.communityId,
            detail: { fileName: job.fileName, ...written, conflicts, rejected: rejected.length },
          },
          tx,
        );
        await repo.updateJob(tx, job.id, {
          status: 'done',
          phase: 'done',
          header,
          totalRows: entries.length,
          processedRows: entries.length,
          ...written,
          conflicts,
          rejected: read.rejected.length,
          finishedAt: new Date(),
        });
        return written;
      });
      await writer.stop();
      onProgress?.({ phase: 'done', processedRows: entries.length, totalRows: entries.length });
      await rm(uploadPath(job), { force: true });
      return counts;
    } catch (error) {
      await writer.stop();
      // The file's own fault: the same file fails the same way every time, so no retry.
      if (error instanceof AppError) {
        await fail(job, { code: error.code, params: error.params });
        return;
      }
      if (run.lastTry) await fail(job, { code: 'internal' });
      throw error;
    }
  }

  /** Waits for an import to end, reading its row (whichever instance runs it). */
  async function awaitImport(id: number, onProgress?: (p: ImportProgress) => void) {
    for (;;) {
      const job = await repo.findJobById(db, id);
      if (!job) throw new AppError('not_found');
      if (job.status !== 'running') return job;
      onProgress?.({
        phase: job.phase as ImportProgress['phase'],
        processedRows: job.processedRows,
        totalRows: job.totalRows,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  return {
    async template(format: 'xlsx' | 'csv') {
      const { writeRosterTemplate } = await import('./roster/roster-workbook');
      return writeRosterTemplate(format);
    },

    /**
     * Starts an import and returns its job at once: the file is kept in the upload directory (shared by
     * every instance, like the data directory) and the import is a job any instance may run.
     * `wait` (the CLI, the bench) waits for it to end; the runner must be started in this process or another.
     */
    async start(
      actor: Actor | null,
      input: {
        communityId: number;
        fileName: string;
        /** The upload, as a stream … */
        stream?: Readable;
        /** … or already spooled to this file (moved into the upload directory). */
        spooledPath?: string;
        /** Decide everything and write nothing: the user reads the preview and confirms it. */
        preview?: boolean;
        wait?: boolean;
        onProgress?: (p: ImportProgress) => void;
      },
    ) {
      if (actor) assertCommunity(actor.scope, input.communityId);
      const format = formatOf(input.fileName);
      if (!format) throw new AppError('unsupported_file', {}, 'file');
      await mkdir(options.uploadDir, { recursive: true });
      // The file goes in place before the job exists: a job never names a file that is not there yet.
      const staging = path.join(options.uploadDir, `incoming-${randomUUID()}.${format}`);
      try {
        if (input.spooledPath) await rename(input.spooledPath, staging);
        else if (input.stream) await pipeline(input.stream, createWriteStream(staging, { mode: 0o600 }));
        else throw new AppError('file_missing', {}, 'file');
        const job = await repo.insertJob(db, {
          communityId: input.communityId,
          accountId: actor?.accountId ?? null,
          ip: actor?.ip ?? null,
          fileName: input.fileName.slice(0, 200),
          status: 'running',
          mode: input.preview ? 'preview' : 'import',
        });
        await rename(staging, uploadPath(job));
        try {
          await options.sendJob(ROSTER_IMPORT_JOB, {
            importJobId: job.id,
            communityId: job.communityId,
          } satisfies RosterImportPayload);
        } catch (error) {
          await fail(job, { code: 'internal' });
          throw error;
        }
        if (input.wait) return jobView(await awaitImport(job.id, input.onProgress), actor?.lang);
        return jobView(job, actor?.lang);
      } finally {
        await rm(staging, { force: true });
      }
    },

    /** The roster-import job's handler (jobs.registry.ts). */
    runImport,

    /** The roster-import job failed for good (retries used up, or lost with its instance). */
    async importFailedForGood(data: RosterImportPayload) {
      const job = await repo.findJobById(db, data.importJobId);
      if (job?.status === 'running') await fail(job, { code: 'import_interrupted' });
    },

    /** What a previewed import will do, as the preview run stored it. */
    async preview(actor: Actor, id: number): Promise<RosterPreview> {
      const job = await repo.findJob(db, actor.scope, id);
      if (!job?.previewCipher) throw new AppError('not_found');
      return JSON.parse(vault.decrypt(job.previewCipher)) as RosterPreview;
    },

    /**
     * The user's go-ahead for a previewed import, with the conflicts they chose to import (any other
     * conflict stays unimported). The import runs as a job from the same file and refuses if its
     * decisions differ from the preview's.
     */
    async confirm(actor: Actor, id: number, accept: number[]) {
      const job = await repo.findJob(db, actor.scope, id);
      if (!job) throw new AppError('not_found');
      const preview = job.previewCipher
        ? (JSON.parse(vault.decrypt(job.previewCipher)) as RosterPreview)
        : null;
      const acceptable = new Set(
        (preview?.rows.conflict ?? []).filter((r) => r.acceptable).map((r) => r.rowNumber),
      );
      const claimed = await repo.confirmPreview(
        db,
        job.id,
        [...new Set(accept)].filter((n) => acceptable.has(n)),
      );
      if (!claimed) throw new AppError('import_not_previewed');
      try {
        await options.sendJob(ROSTER_IMPORT_JOB, {
          importJobId: job.id,
          communityId: job.communityId,
        } satisfies RosterImportPayload);
      } catch (error) {
        await fail(job, { code: 'internal' });
        throw error;
      }
      return jobView(claimed, actor.lang);
    },

    /** A previewed import the user will not confirm: nothing written, the kept file deleted. */
    async discard(actor: Actor, id: number) {
      const job = await repo.findJob(db, actor.scope, id);
      if (!job) throw new AppError('not_found');
      const discarded = await repo.discardPreview(db, job.id);
      if (!discarded) throw new AppError('import_not_previewed');
      await rm(uploadPath(job), { force: true });
      return jobView(discarded, actor.lang);
    },

    async get(actor: Actor, id: number) {
      const job = await repo.findJob(db, actor.scope, id);
      if (!job) throw new AppError('not_found');
      return jobView(job, actor.lang);
    },

    async list(actor: Actor, communityId?: number) {
      const jobs = await repo.listJobs(db, actor.scope, communityId);
      return jobs.map((job) => jobView(job, actor.lang));
    },

    /**
     * The rejected rows with their reasons: an export of personal data, so audited. Numbers come masked
     * (and birth dates hidden) unless a reason is given: then the rows as the uploader typed them, the
     * reason recorded before the file is made, like a reveal. The operator at the machine (CLI, no
     * actor) gets them as typed.
     */
    async rejectedWorkbook(actor: Actor | null, id: number, reason?: string) {
      const full = actor === null || reason !== undefined;
      if (actor && reason !== undefined && reason.trim().length < 4)
        throw new AppError('reason_required', {}, 'reason');
      const job = actor ? await repo.findJob(db, actor.scope, id) : await repo.findJobById(db, id);
      if (!job) throw new AppError('not_found');
      const rows = await repo.listRejections(db, id);
      await recordExport(audit, actor, {
        kind: 'rejected_rows',
        entity: 'import_job',
        entityId: id,
        communities: [{ communityId: job.communityId, rows: rows.length }],
        revealed: full && actor && reason !== undefined ? { reason: reason.trim() } : null,
        detail: { masked: !full },
      });
      const { writeRejectedRowsWorkbook } = await import('./roster/roster-workbook');
      return writeRejectedRowsWorkbook(
        job.header,
        rows.map((r) => {
          const cells = JSON.parse(vault.decrypt(r.valuesCipher)) as string[];
          return {
            rowNumber: r.rowNumber,
            cells: full ? cells : maskRejectedCells(job.header, cells),
            reasons: r.reasons.split('；'),
          };
        }),
      );
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
