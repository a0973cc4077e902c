// The signing keys seen from the passes: public keys, rotation, and reissuing passes signed with an old key.
import { beijingToday } from '../../../shared/time/beijing';
import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity, isRootScope } from '../auth/scope';
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
  bus?: ChangeBus,
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

    /**
     * One key signs every pass of the installation, so only an officer at the top of the tree (whose
     * place has no parent, e.g. 北京市) may replace it: a district must not re-key the other districts.
     */
    async rotateKey(actor: Actor) {
      if (!isRootScope(actor.scope)) throw new AppError('keys_root_only');
      const previous = keys.activeKid;
      const kid = keys.rotate();
      // The other instances read the shared key directory again: they sign with the new key from now on.
      await bus?.publish({ k: 'keys', kid });
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
