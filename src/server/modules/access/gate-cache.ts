// The gate a check names, read once a minute: shared by the gate services so an edit can clear it.

import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { canSeeCommunity } from '../auth/scope';
import * as repo from './passes.repo';

// Gates change rarely and every check names one: kept in memory for a minute, and dropped on every
// instance as soon as a gate is edited anywhere (a change notice, db/change-bus.ts).
const GATE_CACHE_MS = 60_000;

export function createGateCache(db: Db, bus?: ChangeBus) {
  const gateCache = new Map<number, { until: number; gate: repo.GateRow | undefined }>();
  bus?.on('gate', (change) => gateCache.delete(change.g));
  bus?.onResync(() => gateCache.clear());
  return {
    /** The gate, if the actor's scope reaches its community; otherwise not_found. */
    async gateFor(actor: Actor, gateId: number) {
      let hit = gateCache.get(gateId);
      if (!hit || hit.until < Date.now()) {
        const rows = await repo.findGateInScope(
          db,
          { placeId: 0, placePath: '/', communityIds: actor.scope.communityIds, buildingIds: null },
          gateId,
        );
        hit = { until: Date.now() + GATE_CACHE_MS, gate: rows };
        if (rows) gateCache.set(gateId, hit);
      }
      const gate = hit.gate;
      if (!gate || !canSeeCommunity(actor.scope, gate.communityId)) throw new AppError('not_found');
      return gate;
    },

    /** After an edit, so the next check reads the gate as it now is. */
    forget(gateId: number) {
      gateCache.delete(gateId);
    },
  };
}

export type GateCache = ReturnType<typeof createGateCache>;
