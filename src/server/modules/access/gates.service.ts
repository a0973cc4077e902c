// Gate management: creating and editing gates, listing them, and the bundle a gate phone keeps offline.
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { findPlace } from '../places/places.repo';
import type { GateCache } from './gate-cache';
import * as holdersRepo from './gate-holders.repo';
import * as gatesRepo from './gates.repo';
import { assertOnDutyAt } from './on-duty';
import * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';

export function createGatesService(db: Db, audit: AuditService, keys: PassKeyStore, gateCache: GateCache) {
  return {
    /** A gate for a compound (Gongyun fitted one where there was none): name, hours, vehicles. */
    async createGate(
      actor: Actor,
      input: { compoundId: number; name: string; vehiclesAllowed: boolean; openingHours: string | null },
    ) {
      const compound = await findPlace(db, input.compoundId);
      if (compound?.kind !== 'compound') throw new AppError('not_found');
      assertCommunity(actor.scope, compound.communityId);
      const communityId = compound.communityId;
      return db.transaction(async (tx) => {
        const gate = await gatesRepo.insertGate(tx, { ...input, communityId });
        await audit.record(
          actor,
          { action: 'create', entity: 'gate', entityId: gate.id, communityId, detail: input },
          tx,
        );
        return gate;
      });
    },

    async updateGate(
      actor: Actor,
      id: number,
      input: { name?: string; vehiclesAllowed?: boolean; openingHours?: string | null },
    ) {
      const gate = await repo.findGateInScope(db, actor.scope, id);
      if (!gate) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await gatesRepo.updateGate(tx, id, input);
        await audit.record(
          actor,
          { action: 'update', entity: 'gate', entityId: id, communityId: gate.communityId, detail: input },
          tx,
        );
      });
      gateCache.forget(id);
      return { ...gate, ...input };
    },

    compounds: (actor: Actor) => gatesRepo.compoundsInScope(db, actor.scope),

    async gates(actor: Actor) {
      const rows = await repo.listGatesInScope(db, actor.scope);
      return rows.map((r) => ({
        id: r.gate.id,
        name: r.gate.name,
        communityId: r.gate.communityId,
        compoundId: r.gate.compoundId,
        compoundName: r.compoundName,
        vehiclesAllowed: r.gate.vehiclesAllowed,
        openingHours: r.gate.openingHours,
      }));
    },

    /**
     * What the gate phone keeps for working offline: public keys, the numbers to refuse and the numbers
     * that must not go out; the compound's doors (a visitor's destination is picked from them) and, per
     * active pass, its door and the holder's masked name — so a guard offline still sees whose pass it is.
     * Never a full name, an ID number or a phone.
     */
    async offlineBundle(actor: Actor, gateId: number) {
      const gate = await gateCache.gateFor(actor, gateId);
      // The whole community's numbers (revoked, under observation): a volunteer gets them only on duty.
      await assertOnDutyAt(db, actor, gate.id);
      const [revoked, stayIn, active, compound, doors, passHolders] = await Promise.all([
        repo.revokedNumbers(db, gate.communityId),
        repo.stayInNumbers(db, gate.communityId),
        repo.activePassNumbers(db, gate.communityId, gate.compoundId),
        findPlace(db, gate.compoundId),
        holdersRepo.compoundDoors(db, gate.communityId, gate.compoundId),
        holdersRepo.activePassHolders(db, gate.communityId, gate.compoundId),
      ]);
      return {
        gateId: gate.id,
        compoundId: gate.compoundId,
        compoundName: compound?.name ?? '',
        today: beijingToday(),
        generatedAt: new Date().toISOString(),
        keys: keys.publicKeys(),
        revoked,
        mustNotGoOut: stayIn,
        activePasses: active,
        doors,
        passHolders,
      };
    },
  };
}
