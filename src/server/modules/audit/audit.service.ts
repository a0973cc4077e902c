import type { Readable } from 'node:stream';
import { maskName } from '../../../shared/access/mask-name';
import type { AuditAction } from '../../../shared/audit/audit-actions';
import type { AuditPart } from '../../../shared/audit/audit-parts';
import { auditSentence } from '../../../shared/audit/audit-sentence';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { type AuditFilter, insertAudit, listAudit } from './audit.repo';
import type { auditLog } from './audit.table';
import { auditNames } from './audit-names.repo';
import { writeAuditWorkbook } from './audit-workbook';
import { recordExport, rowsPerCommunity } from './export-audit';

type AuditRow = typeof auditLog.$inferSelect;
/** A row as the log shows it: its sentence, and its detail with any person's name masked. */
export type ShownAuditRow = AuditRow & { sentence: AuditPart[] };

export { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit/audit-actions';

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: number | null;
  communityId?: number | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditService {
  /** Written in the caller's transaction when given one: a change and its audit row land together. */
  record(
    actor: Pick<Actor, 'accountId' | 'displayName' | 'ip'> | null,
    event: AuditEvent,
    tx?: DbOrTx,
  ): Promise<void>;
  /** Many rows in one statement (a batch of submits); same rules as `record`. */
  recordMany(
    entries: Array<{ actor: Pick<Actor, 'accountId' | 'displayName' | 'ip'> | null; event: AuditEvent }>,
    tx?: DbOrTx,
  ): Promise<void>;
  /** A page of the rows in the actor's scope, each with its sentence (names masked, codes named). */
  list(actor: Actor, filter: AuditFilter): Promise<{ items: ShownAuditRow[]; total: number }>;
  /** The filtered log (at most `EXPORT_LIMIT` rows, newest first) as Excel; audited before it is made. */
  exportWorkbook(actor: Actor, filter: Omit<AuditFilter, 'page' | 'pageSize'>): Promise<Readable>;
}

type AuditActor = Pick<Actor, 'accountId' | 'displayName' | 'ip'> | null;

/** The row an event becomes: for writers that fold audit rows into a larger statement. */
export const auditRow = (actor: AuditActor, event: AuditEvent) => ({
  accountId: actor?.accountId ?? null,
  accountName: actor?.displayName ?? null,
  ip: actor?.ip ?? null,
  action: event.action,
  entity: event.entity,
  entityId: event.entityId ?? null,
  communityId: event.communityId ?? null,
  reason: event.reason ?? null,
  detail: event.detail ?? {},
});

/** Rows in one export: a month of a busy community's log; a longer span is narrowed by the filters. */
export const EXPORT_LIMIT = 10_000;

export function createAuditService(db: Db): AuditService {
  const service: AuditService = {
    async record(actor, event, tx) {
      await insertAudit(tx ?? db, auditRow(actor, event));
    },
    async recordMany(entries, tx) {
      await insertAudit(
        tx ?? db,
        entries.map((e) => auditRow(e.actor, e.event)),
      );
    },
    async list(actor, filter) {
      const { items, total } = await listAudit(db, actor.scope, actor.accountId, filter);
      const names = await auditNames(db, actor.scope, items);
      return {
        total,
        items: items.map((row, i) => ({
          ...row,
          detail: shownDetail(row),
          sentence: auditSentence(row as AuditRow & { detail: Record<string, unknown> }, names[i] ?? EMPTY),
        })),
      };
    },
    async exportWorkbook(actor, filter) {
      const { items } = await service.list(actor, { ...filter, page: 1, pageSize: EXPORT_LIMIT });
      const communities = rowsPerCommunity(
        items.flatMap((r) => (r.communityId === null ? [] : [{ communityId: r.communityId }])),
      );
      // Nothing of a community in a one-community scope: the export is still that community's.
      const [only] = actor.scope.communityIds;
      if (communities.length === 0 && actor.scope.communityIds.length === 1 && only !== undefined)
        communities.push({ communityId: only, rows: 0 });
      await recordExport(service, actor, {
        kind: 'audit_log',
        entity: 'audit',
        communities,
        detail: { filter },
      });
      return writeAuditWorkbook(items);
    },
  };
  return service;
}

const EMPTY = { places: {}, households: {}, accounts: {}, gates: {} };

/** A registered person's name was kept in the detail of older rows: shown masked, like everywhere else. */
function shownDetail(row: AuditRow): Record<string, unknown> {
  const detail = (row.detail ?? {}) as Record<string, unknown>;
  if (row.entity !== 'resident' || typeof detail.name !== 'string') return detail;
  return { ...detail, name: maskName(detail.name) };
}
