import type { Readable } from 'node:stream';
import { type ErrorCode, formatMessage, type Lang } from '../../../shared/i18n/error-messages';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import type { PlacesService } from '../places/places.service';
import * as repo from './imports.repo';
import { RosterDuplicateMerger } from './roster/merge-duplicates';
import type { RosterFormat } from './roster/read-roster';
import { TEMPLATE_EXAMPLE_NOTE } from './roster/roster-template-text';
import { hasRosterData, mapHeader, validateRosterRow } from './roster/validate-roster-row';
import { writeRoster } from './roster-writer';

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done';
  processedRows: number;
  totalRows: number | null;
}

type Rejected = { rowNumber: number; cells: string[]; reasons: string[] };

export function formatOf(fileName: string): RosterFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** Failures are stored as a code and its params so each reader sees them in their own language. */
function errorText(stored: string | null, lang: Lang): string | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as { code: ErrorCode; params?: Record<string, string | number> };
    return formatMessage(parsed.code, lang, parsed.params);
  } catch {
    return formatMessage('internal', lang);
  }
}

export function jobView(job: repo.ImportJobRow, live?: ImportProgress, lang: Lang = 'zh') {
  return {
    id: job.id,
    communityId: job.communityId,
    fileName: job.fileName,
    status: job.status as 'running' | 'done' | 'failed',
    phase: (live?.phase ?? job.phase) as ImportProgress['phase'],
    processedRows: live?.processedRows ?? job.processedRows,
    totalRows: live?.totalRows ?? job.totalRows,
    inserted: job.inserted,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    placesCreated: job.placesCreated,
    error: errorText(job.error, lang),
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

// exceljs takes ~0.5 s to load; the roster reader and workbooks are loaded on first use, not at start.
export function createImportsService(db: Db, vault: Vault, audit: AuditService, _places: PlacesService) {
  // Progress of imports running in this process; the job row holds the outcome once done.
  const live = new Map<number, ImportProgress>();

  async function readAndValidate(stream: Readable, format: RosterFormat, progress: ImportProgress) {
    const { RosterFileError, readRosterRows } = await import('./roster/read-roster');
    let columns: ReturnType<typeof mapHeader> | undefined;
    let header: string[] = [];
    const merger = new RosterDuplicateMerger();
    const rejected: Rejected[] = [];
    try {
      for await (const record of readRosterRows({ stream, format })) {
        if ('header' in record) {
          header = record.header;
          columns = mapHeader(header);
          if (!columns.ok) throw new AppError('import_bad_header', { missing: columns.missing.join('、') });
          continue;
        }
        if (!columns?.ok || !hasRosterData(record.cells, columns.columns)) continue;
        progress.processedRows += 1;
        const checked = validateRosterRow(record.cells, columns.columns);
        // The template's example people (fictional IDs) must not land in a real registry.
        if (checked.ok && checked.row.notes === TEMPLATE_EXAMPLE_NOTE) continue;
        if (!checked.ok) {
          rejected.push({ rowNumber: record.rowNumber, cells: record.cells, reasons: checked.reasons });
          continue;
        }
        const merged = merger.add({ rowNumber: record.rowNumber, cells: record.cells, row: checked.row });
        if (!merged.ok)
          rejected.push({ rowNumber: record.rowNumber, cells: record.cells, reasons: [merged.reason] });
      }
    } catch (error) {
      if (error instanceof RosterFileError) {
        if (error.code === 'header_not_found')
          throw new AppError('import_bad_header', { missing: '姓名、证件号码' });
        throw new AppError('import_unreadable', { detail: error.message });
      }
      throw error;
    }
    if (!columns) throw new AppError('import_bad_header', { missing: '姓名、证件号码' });
    return { header, entries: merger.results(), rejected };
  }

  /**
   * Reads the whole file first (validation needs no database), then writes every accepted row in one
   * transaction: an import either lands whole or not at all, and running it twice changes nothing.
   */
  async function run(
    job: repo.ImportJobRow,
    actor: Actor | null,
    stream: Readable,
    format: RosterFormat,
    onProgress?: (p: ImportProgress) => void,
  ) {
    const progress: ImportProgress = { phase: 'reading', processedRows: 0, totalRows: null };
    live.set(job.id, progress);
    const ticker = onProgress ? setInterval(() => onProgress(progress), 200) : undefined;
    try {
      const { header, entries, rejected } = await readAndValidate(stream, format, progress);
      Object.assign(progress, { phase: 'writing', totalRows: entries.length, processedRows: 0 });
      const counts = await db.transaction(async (tx) => {
        const written = await writeRoster(
          tx,
          vault,
          job.communityId,
          entries,
          actor?.accountId ?? null,
          (n) => {
            progress.processedRows = n;
          },
        );
        await audit.record(
          actor,
          {
            action: 'import',
            entity: 'import_job',
            entityId: job.id,
            communityId: job.communityId,
            detail: { fileName: job.fileName, ...written, rejected: rejected.length },
          },
          tx,
        );
        return written;
      });
      await repo.insertRejections(
        db,
        rejected.map((r) => ({
          jobId: job.id,
          rowNumber: r.rowNumber,
          valuesCipher: vault.encrypt(JSON.stringify(r.cells)),
          reasons: r.reasons.join('；'),
        })),
      );
      await repo.updateJob(db, job.id, {
        status: 'done',
        phase: 'done',
        header,
        totalRows: entries.length,
        processedRows: entries.length,
        ...counts,
        rejected: rejected.length,
        finishedAt: new Date(),
      });
    } catch (error) {
      const stored =
        error instanceof AppError ? { code: error.code, params: error.params } : { code: 'internal' };
      await repo.updateJob(db, job.id, {
        status: 'failed',
        phase: 'done',
        error: JSON.stringify(stored),
        finishedAt: new Date(),
      });
      throw error;
    } finally {
      clearInterval(ticker);
      live.delete(job.id);
    }
    return (await repo.findJobById(db, job.id)) ?? job;
  }

  return {
    async template(format: 'xlsx' | 'csv') {
      const { writeRosterTemplate } = await import('./roster/roster-workbook');
      return writeRosterTemplate(format);
    },

    /** Starts an import and returns its job at once; the work goes on after the response. */
    async start(
      actor: Actor | null,
      input: {
        communityId: number;
        fileName: string;
        stream: Readable;
        wait?: boolean;
        onProgress?: (p: ImportProgress) => void;
      },
    ) {
      if (actor) assertCommunity(actor.scope, input.communityId);
      const format = formatOf(input.fileName);
      if (!format) throw new AppError('unsupported_file', {}, 'file');
      const job = await repo.insertJob(db, {
        communityId: input.communityId,
        accountId: actor?.accountId ?? null,
        fileName: input.fileName.slice(0, 200),
        status: 'running',
      });
      const running = run(job, actor, input.stream, format, input.onProgress);
      if (input.wait) return jobView(await running, undefined, actor?.lang);
      // The caller polls the job; a failure is recorded on it, so nothing is left to handle here.
      running.catch(() => {});
      return jobView(job, live.get(job.id), actor?.lang);
    },

    progressOf(jobId: number): ImportProgress | undefined {
      return live.get(jobId);
    },

    async get(actor: Actor, id: number) {
      const job = await repo.findJob(db, actor.scope, id);
      if (!job) throw new AppError('not_found');
      return jobView(job, live.get(job.id), actor.lang);
    },

    async list(actor: Actor, communityId?: number) {
      const jobs = await repo.listJobs(db, actor.scope, communityId);
      return jobs.map((job) => jobView(job, live.get(job.id), actor.lang));
    },

    /** The rejected rows as the uploader typed them, with reasons: an export of personal data, so audited. */
    async rejectedWorkbook(actor: Actor | null, id: number) {
      // No actor: the operator at the machine, through the CLI.
      const job = actor ? await repo.findJob(db, actor.scope, id) : await repo.findJobById(db, id);
      if (!job) throw new AppError('not_found');
      const rows = await repo.listRejections(db, id);
      await audit.record(actor, {
        action: 'export',
        entity: 'import_job',
        entityId: id,
        communityId: job.communityId,
        detail: { kind: 'rejected_rows', rows: rows.length },
      });
      const { writeRejectedRowsWorkbook } = await import('./roster/roster-workbook');
      return writeRejectedRowsWorkbook(
        job.header,
        rows.map((r) => ({
          rowNumber: r.rowNumber,
          cells: JSON.parse(vault.decrypt(r.valuesCipher)) as string[],
          reasons: r.reasons.split('；'),
        })),
      );
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
