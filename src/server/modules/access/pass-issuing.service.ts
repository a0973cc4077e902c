// Issuing passes (per household or per resident, as the community set), revoking and reissuing them.
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import type { PassStateCache } from './pass-state-cache';
import * as repo from './passes.repo';
import { MAX_BULK, type PassHelpers, type PassHolderSetting, updatePassAudited } from './passes.shared';

export function createPassIssuingService(
  db: Db,
  audit: AuditService,
  states: PassStateCache,
  helpers: PassHelpers,
) {
  const { signToken, compoundInScope, reissueRows } = helpers;

  /**
   * Issues a pass to every holder of a compound who has none yet (per household or per resident, as
   * the community set). Running it again issues only to newcomers.
   */
  async function issueTo(
    actor: Actor | null,
    compound: { id: number; communityId: number },
    validUntil: string,
  ) {
    const communityId = compound.communityId;
    const setting = (await repo.findSettings(db, communityId))?.passHolder ?? 'household';
    const kind = setting === 'resident' ? 'resident' : 'household';
    const [holders, existing] = await Promise.all([
      repo.holdersOfCompound(db, communityId, compound.id, kind),
      repo.activeHolderKeys(db, compound.id),
    ]);
    const todo = holders.filter((h) => !existing.has(`${h.householdId}:${h.residentId ?? ''}`));
    if (todo.length > MAX_BULK)
      throw new AppError('validation_failed', { detail: `一次最多发放 ${MAX_BULK} 张` });
    const issued = await db.transaction(async (tx) => {
      if (todo.length === 0) return [];
      const first = await repo.reserveNumbers(tx, communityId, todo.length);
      const rows = await repo.insertPasses(
        tx,
        todo.map((h, i) => ({
          communityId,
          compoundId: compound.id,
          number: first + i,
          holderKind: kind,
          householdId: h.householdId,
          residentId: h.residentId,
          validUntil,
          issuedBy: actor?.accountId ?? null,
          ...signToken({
            passNumber: first + i,
            holderKind: kind,
            holderId: h.residentId ?? h.householdId,
            compoundId: compound.id,
            validUntil,
          }),
        })),
      );
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'pass',
          communityId,
          detail: { compoundId: compound.id, count: rows.length, first, holder: kind, validUntil },
        },
        tx,
      );
      return rows;
    });
    states.invalidate(communityId);
    return {
      issued: issued.length,
      skipped: holders.length - todo.length,
      firstNumber: issued[0]?.number ?? null,
      lastNumber: issued.at(-1)?.number ?? null,
    };
  }

  return {
    signToken,

    async settings(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      const row = await repo.findSettings(db, communityId);
      return {
        communityId,
        passHolder: (row?.passHolder ?? 'household') as PassHolderSetting,
        lastPassNumber: row?.lastPassNumber ?? 0,
      };
    },

    async setSettings(actor: Actor, communityId: number, passHolder: PassHolderSetting) {
      assertCommunity(actor.scope, communityId);
      await db.transaction(async (tx) => {
        await repo.setPassHolder(tx, communityId, passHolder);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'access_settings',
            entityId: communityId,
            communityId,
            detail: { passHolder },
          },
          tx,
        );
      });
      return this.settings(actor, communityId);
    },

    /**
     * Issues a pass to every holder of a compound who has none yet (per household or per resident, as
     * the community set). Running it again issues only to newcomers.
     */
    async issueForCompound(actor: Actor, input: { compoundId: number; validUntil: string }) {
      if (input.validUntil < beijingToday())
        throw new AppError('validation_failed', { detail: '有效期不能早于今天' }, 'validUntil');
      const compound = await compoundInScope(actor, input.compoundId);
      return issueTo(actor, compound, input.validUntil);
    },

    /** Demo data: the passes Gongyun printed, issued by nobody in particular (audit actor null). */
    async seedCompound(compound: { id: number; communityId: number }, validUntil: string) {
      return issueTo(null, compound, validUntil);
    },

    async revoke(actor: Actor, id: number, reason: string) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      if (pass.status !== 'active') throw new AppError('pass_not_active');
      await updatePassAudited(
        db,
        audit,
        actor,
        pass,
        { status: 'revoked', revokedAt: new Date(), revokedReason: reason, linkToken: null },
        { reason, detail: { change: 'revoke', number: pass.number } },
      );
      states.invalidate(pass.communityId, [pass.number]);
    },

    async reissue(actor: Actor, id: number, validUntil?: string) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      if (pass.status !== 'active') throw new AppError('pass_not_active');
      if ((validUntil ?? pass.validUntil) < beijingToday())
        throw new AppError(
          'validation_failed',
          { detail: '该出入证已过期，补发时请填写新的有效期' },
          'validUntil',
        );
      const created = await db.transaction(async (tx) => {
        const [row] = await reissueRows(tx, actor, [pass], validUntil);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'pass',
            entityId: id,
            communityId: pass.communityId,
            detail: { change: 'reissue', number: pass.number, newNumber: row?.number },
          },
          tx,
        );
        return row;
      });
      states.invalidate(pass.communityId, created ? [pass.number, created.number] : undefined);
      return { id: created?.id, number: created?.number };
    },
  };
}
