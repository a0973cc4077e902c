import type { Actor } from '../../http/actor';
import type { AuditService } from './audit.service';

/** What was taken out of the system: every export, printout and download of personal data says so here. */
export interface ExportRecord {
  /** What the file is: 'declarations', 'campaign_summary', 'rejected_rows', 'pass_print'. */
  kind: string;
  /** The audit log's entity: 'declaration', 'campaign', 'import_job', 'pass'. */
  entity: string;
  entityId?: number | null;
  /**
   * The rows taken, per community: one audit row each, so every secretary sees who took her residents'
   * list. A file of no community (nothing matched a filter across several) is one row without one.
   */
  communities: ReadonlyArray<{ communityId: number | null; rows: number }>;
  /** Values as typed rather than masked: recorded as a reveal, with its reason. */
  revealed?: { reason: string } | null;
  /** What else identifies the file (the filter, the compound, whether masked); never a number or a name. */
  detail?: Record<string, unknown>;
}

/**
 * Records an export before the file is made (who, what, how many rows, which community), in one shape
 * for every export: detail `{ kind, rows, totalRows, ... }`. An operator at the command line (no actor)
 * is recorded without an account.
 */
export async function recordExport(
  audit: AuditService,
  actor: Actor | null,
  record: ExportRecord,
): Promise<void> {
  const totalRows = record.communities.reduce((sum, c) => sum + c.rows, 0);
  const communities = record.communities.length > 0 ? record.communities : [{ communityId: null, rows: 0 }];
  await audit.recordMany(
    communities.map(({ communityId, rows }) => ({
      actor,
      event: {
        action: record.revealed ? ('reveal' as const) : ('export' as const),
        entity: record.entity,
        entityId: record.entityId ?? null,
        communityId,
        reason: record.revealed?.reason ?? null,
        detail: { kind: record.kind, rows, totalRows, ...record.detail },
      },
    })),
  );
}

/** Rows per community of a list, for `ExportRecord.communities`. */
export function rowsPerCommunity(rows: ReadonlyArray<{ communityId: number }>) {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.communityId, (counts.get(row.communityId) ?? 0) + 1);
  return [...counts].map(([communityId, n]) => ({ communityId, rows: n }));
}
