// What the pass services share: the holder setting and status types, the bulk limit, token signing, the
// compound-in-scope check, the status a person reads, writing reissued rows, and an audited change.
import { encodePayload, type HolderKind, joinToken, type PassPayload } from '../../../shared/access';
import type { PassStatus } from '../../../shared/access/access-responses';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { findPlace } from '../places/places.repo';
import * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';

export type PassHolderSetting = 'resident' | 'household';
export type PassStatusFilter = NonNullable<repo.PassFilter['status']>;

/** The most passes one request may issue or print: a large compound, with room to spare. */
export const MAX_BULK = 5000;

export function createPassHelpers(db: Db, keys: PassKeyStore) {
  function signToken(payload: Omit<PassPayload, 'kid'>): { kid: number; token: string } {
    const kid = keys.activeKid;
    const bytes = encodePayload({ ...payload, kid });
    return { kid, token: joinToken(bytes, keys.signPayload(bytes)) };
  }

  async function compoundInScope(actor: Actor, compoundId: number) {
    const compound = await findPlace(db, compoundId);
    if (compound?.kind !== 'compound') throw new AppError('not_found');
    assertCommunity(actor.scope, compound.communityId);
    return { ...compound, communityId: compound.communityId };
  }

  /** The status a person reads: `expired` is derived from the date, never stored. */
  function shownStatus(row: repo.PassRow, today: string) {
    return (row.status === 'active' && row.validUntil < today ? 'expired' : row.status) as PassStatus;
  }

  /** A new pass for the same holder with the next number; the old one is marked reissued. */
  async function reissueRows(tx: DbOrTx, actor: Actor, olds: repo.PassRow[], validUntil?: string) {
    if (olds.length === 0) return [];
    const communityId = olds[0]?.communityId as number;
    const first = await repo.reserveNumbers(tx, communityId, olds.length);
    const created = await repo.insertPasses(
      tx,
      olds.map((old, i) => {
        const number = first + i;
        const until = validUntil ?? old.validUntil;
        return {
          communityId,
          compoundId: old.compoundId,
          number,
          holderKind: old.holderKind,
          householdId: old.householdId,
          residentId: old.residentId,
          validUntil: until,
          issuedBy: actor.accountId,
          ...signToken({
            passNumber: number,
            holderKind: old.holderKind as HolderKind,
            holderId: old.residentId ?? old.householdId,
            compoundId: old.compoundId,
            validUntil: until,
          }),
        };
      }),
    );
    await repo.markReissued(
      tx,
      olds.map((old, i) => {
        const by = created[i]?.id;
        if (by === undefined) throw new Error('fewer new passes than old ones');
        return { id: old.id, by };
      }),
    );
    return created;
  }

  return { signToken, compoundInScope, shownStatus, reissueRows };
}

export type PassHelpers = ReturnType<typeof createPassHelpers>;

/** Changes one pass and records the change in the audit log, together or not at all. */
export async function updatePassAudited(
  db: Db,
  audit: AuditService,
  actor: Actor,
  pass: { id: number; communityId: number },
  values: Parameters<typeof repo.updatePass>[2],
  event: { detail: Record<string, unknown>; reason?: string },
) {
  await db.transaction(async (tx) => {
    await repo.updatePass(tx, pass.id, values);
    await audit.record(
      actor,
      { action: 'update', entity: 'pass', entityId: pass.id, communityId: pass.communityId, ...event },
      tx,
    );
  });
}
