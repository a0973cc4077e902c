import { randomBytes } from 'node:crypto';
import {
  encodePayload,
  type HolderKind,
  joinToken,
  maskName,
  type PassPayload,
} from '../../../shared/access';
import { beijingToday } from '../../../shared/declarations';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { findPlace } from '../places/places.repo';
import type { PassStateCache } from './pass-state-cache';
import * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';

export type PassHolderSetting = 'resident' | 'household';
export type PassStatusFilter = NonNullable<repo.PassFilter['status']>;

/** The most passes one request may issue or print: a large compound, with room to spare. */
export const MAX_BULK = 5000;

export function createPassesService(db: Db, audit: AuditService, keys: PassKeyStore, states: PassStateCache) {
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
    return row.status === 'active' && row.validUntil < today ? 'expired' : row.status;
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
    for (const [i, old] of olds.entries()) {
      await repo.updatePass(tx, old.id, {
        status: 'reissued',
        replacedBy: created[i]?.id,
        revokedAt: new Date(),
        revokedReason: '补发 · reissued',
        linkToken: null,
      });
    }
    return created;
  }

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

    async list(
      actor: Actor,
      filter: {
        communityId?: number;
        compoundId?: number;
        status?: PassStatusFilter;
        number?: number;
        page: number;
        pageSize: number;
      },
    ) {
      const today = beijingToday();
      const { rows, total } = await repo.listPasses(db, actor.scope, {
        ...filter,
        today,
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.pass.id,
          communityId: r.pass.communityId,
          compoundId: r.pass.compoundId,
          number: r.pass.number,
          holderKind: r.pass.holderKind as PassHolderSetting,
          householdId: r.pass.householdId,
          buildingName: r.buildingName,
          room: r.room,
          holderName: r.holderName ? maskName(r.holderName) : null,
          validUntil: r.pass.validUntil,
          status: shownStatus(r.pass, today),
          kid: r.pass.kid,
          issuedAt: r.pass.issuedAt.toISOString(),
          revokedReason: r.pass.revokedReason,
          hasLink: r.pass.linkToken !== null,
        })),
      };
    },

    /**
     * What the print page lays out: tokens with number, building/room and masked name. Printing is
     * recorded (who printed how many passes of which compound), like an export.
     */
    async printSheet(actor: Actor, input: { compoundId: number; status?: PassStatusFilter; limit: number }) {
      const compound = await compoundInScope(actor, input.compoundId);
      const today = beijingToday();
      const { rows, total } = await repo.listPasses(db, actor.scope, {
        compoundId: compound.id,
        status: input.status ?? 'active',
        today,
        limit: input.limit,
        offset: 0,
      });
      await audit.record(actor, {
        action: 'export',
        entity: 'pass',
        communityId: compound.communityId,
        detail: { print: true, compoundId: compound.id, count: rows.length },
      });
      return {
        compoundName: compound.name,
        total,
        items: rows.map((r) => ({
          number: r.pass.number,
          token: r.pass.token,
          buildingName: r.buildingName,
          room: r.room,
          holderName: r.holderName ? maskName(r.holderName) : null,
          validUntil: r.pass.validUntil,
        })),
      };
    },

    async revoke(actor: Actor, id: number, reason: string) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      if (pass.status !== 'active') throw new AppError('pass_not_active');
      await db.transaction(async (tx) => {
        await repo.updatePass(tx, id, {
          status: 'revoked',
          revokedAt: new Date(),
          revokedReason: reason,
          linkToken: null,
        });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'pass',
            entityId: id,
            communityId: pass.communityId,
            reason,
            detail: { change: 'revoke', number: pass.number },
          },
          tx,
        );
      });
      states.invalidate(pass.communityId);
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
      states.invalidate(pass.communityId);
      return { id: created?.id, number: created?.number };
    },

    /** After a key rotation: every active pass of the community still signed with an older key. */
    async reissueOldKeys(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      const { rows } = await repo.listPasses(db, actor.scope, {
        communityId,
        status: 'active',
        today: beijingToday(),
        limit: 100_000,
        offset: 0,
      });
      const olds = rows.map((r) => r.pass).filter((p) => p.kid !== keys.activeKid);
      const created = await db.transaction(async (tx) => {
        const made = await reissueRows(tx, actor, olds);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'pass',
            communityId,
            detail: { change: 'reissue_old_keys', count: made.length, kid: keys.activeKid },
          },
          tx,
        );
        return made;
      });
      states.invalidate(communityId);
      return { reissued: created.length };
    },

    /** A random personal link for the holder's phone; making a new one replaces the old. */
    async createLink(actor: Actor, id: number) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      if (pass.status !== 'active') throw new AppError('pass_not_active');
      const linkToken = randomBytes(18).toString('base64url');
      await db.transaction(async (tx) => {
        await repo.updatePass(tx, id, { linkToken });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'pass',
            entityId: id,
            communityId: pass.communityId,
            detail: { change: 'link' },
          },
          tx,
        );
      });
      return { path: `/gate/p/${linkToken}` };
    },

    async revokeLink(actor: Actor, id: number) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await repo.updatePass(tx, id, { linkToken: null });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'pass',
            entityId: id,
            communityId: pass.communityId,
            detail: { change: 'unlink' },
          },
          tx,
        );
      });
    },

    /** The holder's own pass behind a personal link: what is printed on the paper pass, nothing more. */
    async byLink(linkToken: string) {
      const pass = await repo.findPassByLink(db, linkToken);
      if (!pass) throw new AppError('pass_link_unknown');
      const scope = { placeId: 0, placePath: '/', communityIds: [pass.communityId], buildingIds: null };
      const { rows } = await repo.listPasses(db, scope, {
        ids: [pass.id],
        today: beijingToday(),
        limit: 1,
        offset: 0,
      });
      const row = rows[0];
      const compound = await findPlace(db, pass.compoundId);
      return {
        number: pass.number,
        token: pass.token,
        compoundName: compound?.name ?? '',
        buildingName: row?.buildingName ?? '',
        room: row?.room ?? '',
        holderName: row?.holderName ? maskName(row.holderName) : null,
        validUntil: pass.validUntil,
        status: shownStatus(pass, beijingToday()),
      };
    },

    publicKeys: () => keys.publicKeys(),

    async rotateKey(actor: Actor) {
      const previous = keys.activeKid;
      const kid = keys.rotate();
      await audit.record(actor, {
        action: 'update',
        entity: 'pass_signing_key',
        entityId: kid,
        detail: { change: 'rotate', previous, kid },
      });
      return { kid, previous };
    },
  };
}

export type PassesService = ReturnType<typeof createPassesService>;
