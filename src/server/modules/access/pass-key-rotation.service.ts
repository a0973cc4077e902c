// The signing keys seen from the passes: public keys, rotation, and reissuing passes signed with an old key.
import { beijingToday } from '../../../shared/declarations';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import type { PassStateCache } from './pass-state-cache';
import * as repo from './passes.repo';
import type { PassHelpers } from './passes.shared';
import type { PassKeyStore } from './signing-keys';

export function createPassKeyRotationService(
  db: Db,
  audit: AuditService,
  keys: PassKeyStore,
  states: PassStateCache,
  helpers: PassHelpers,
) {
  const { reissueRows } = helpers;
  return {
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
