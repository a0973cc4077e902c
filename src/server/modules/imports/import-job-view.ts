import { type ErrorCode, formatMessage, type Lang } from '../../../shared/i18n/error-messages';
import type * as repo from './imports.repo';
import type { ImportProgress } from './imports.service';

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

export function jobView(job: repo.ImportJobRow, lang: Lang = 'zh') {
  return {
    id: job.id,
    communityId: job.communityId,
    fileName: job.fileName,
    status: job.status as 'running' | 'previewed' | 'discarded' | 'done' | 'failed',
    mode: job.mode as 'preview' | 'import',
    phase: job.phase as ImportProgress['phase'],
    processedRows: job.processedRows,
    totalRows: job.totalRows,
    inserted: job.inserted,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    conflicts: job.conflicts,
    placesCreated: job.placesCreated,
    error: errorText(job.error, lang),
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
