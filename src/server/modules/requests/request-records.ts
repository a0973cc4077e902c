import { createHash, randomBytes } from 'node:crypto';
import { checkPhoneField } from '../../../shared/people/resident-input';
import type { LimitUnit } from '../../../shared/requests';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { deadlineFrom } from './deadlines';
import * as repo from './requests.repo';
import { requestView, timelineView } from './requests.views';

/** Only the hash of a resident's progress link token is stored; the token itself is shown once. */
export const hashLink = (token: string) => createHash('sha256').update(token).digest('hex');
export const newLinkToken = () => randomBytes(18).toString('base64url');

/** A required text, trimmed; a blank one is refused with the Chinese `what` on `field`. */
export const need = (value: string | null | undefined, field: string, what: string) => {
  const text = value?.trim();
  if (!text) throw new AppError('validation_failed', { detail: what }, field);
  return text;
};

/**
 * What the staff side, the working steps and the resident's side share: loading a request in scope, a
 * request's page, and the one write path — every change of a request goes through `change` (optimistic
 * version, a timeline event and an audit row in one transaction), every new one through `insertWithEvent`.
 */
export function createRequestRecords(db: Db, audit: AuditService) {
  async function loadOwn(actor: Actor, id: number) {
    const row = await repo.findInScope(db, actor.scope, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  async function detail(row: repo.RequestRow) {
    const [names, events] = await Promise.all([repo.namesFor(db, row), repo.listEvents(db, row.id)]);
    return { ...requestView(row, names), timeline: events.map(timelineView) };
  }

  async function liveCategory(id: number) {
    const category = await repo.findCategory(db, id);
    if (!category || category.retired)
      throw new AppError('validation_failed', { detail: '请选择诉求类别' }, 'categoryId');
    return category;
  }

  function phoneOf(raw: string | null | undefined) {
    const checked = checkPhoneField(raw);
    if (!checked.ok) throw new AppError('invalid_phone', {}, 'phone');
    return checked.value;
  }

  /** The deadlines are copied onto the request when it is received: a later edit of the limits never moves them. */
  function deadlines(category: repo.CategoryRow, at: Date) {
    return {
      contactDeadline: deadlineFrom(at, category.contactLimit, category.contactUnit as LimitUnit),
      resolveDeadline: deadlineFrom(at, category.resolveLimit, category.resolveUnit as LimitUnit),
    };
  }

  async function insertWithEvent(
    values: Parameters<typeof repo.insertRequest>[1],
    actor: Actor | null,
    note: string,
  ) {
    return db.transaction(async (tx) => {
      const row = await repo.insertRequest(tx, values);
      await repo.insertEvent(tx, {
        requestId: row.id,
        communityId: row.communityId,
        kind: 'receive',
        at: row.receivedAt,
        accountId: actor?.accountId ?? null,
        accountName: actor?.displayName ?? null,
        note,
      });
      await audit.record(
        actor,
        { action: 'create', entity: 'request', entityId: row.id, communityId: row.communityId },
        tx,
      );
      return row;
    });
  }

  async function record(
    tx: DbOrTx,
    actor: Actor | null,
    row: repo.RequestRow,
    kind: string,
    note: string | null,
    detailOf: Record<string, unknown> = {},
  ) {
    await repo.insertEvent(tx, {
      requestId: row.id,
      communityId: row.communityId,
      kind,
      accountId: actor?.accountId ?? null,
      accountName: actor?.displayName ?? '居民本人',
      note,
      detail: detailOf,
    });
  }

  /** One step of a request: `actor` null is the resident through their link. */
  async function change(
    actor: Actor | null,
    row: repo.RequestRow,
    kind: string,
    values: Parameters<typeof repo.updateRequest>[2],
    note: string | null,
    detailOf: Record<string, unknown> = {},
  ) {
    return db.transaction(async (tx) => {
      const updated = await repo.updateRequest(tx, row, values);
      if (!updated) throw new AppError('conflict_version');
      await record(tx, actor, row, kind, note, detailOf);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'request',
          entityId: row.id,
          communityId: row.communityId,
          detail: { step: kind },
        },
        tx,
      );
      return updated;
    });
  }

  return { loadOwn, detail, liveCategory, phoneOf, deadlines, insertWithEvent, change };
}

export type RequestRecords = ReturnType<typeof createRequestRecords>;
