import type { AuditAction } from '../../../shared/audit/audit-actions';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { type AuditFilter, insertAudit, listAudit } from './audit.repo';

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
  list(actor: Actor, filter: AuditFilter): ReturnType<typeof listAudit>;
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

export function createAuditService(db: Db): AuditService {
  return {
    async record(actor, event, tx) {
      await insertAudit(tx ?? db, auditRow(actor, event));
    },
    async recordMany(entries, tx) {
      await insertAudit(
        tx ?? db,
        entries.map((e) => auditRow(e.actor, e.event)),
      );
    },
    list(actor, filter) {
      return listAudit(db, actor.scope, actor.accountId, filter);
    },
  };
}
