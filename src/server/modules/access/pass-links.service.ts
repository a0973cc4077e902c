// The holder's personal pass link: made, withdrawn, and the pass shown behind it.

import { randomBytes } from 'node:crypto';
import { maskName } from '../../../shared/access';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { findPlace } from '../places/places.repo';
import * as repo from './passes.repo';
import { type PassHelpers, updatePassAudited } from './passes.shared';

export function createPassLinksService(db: Db, audit: AuditService, helpers: PassHelpers) {
  const { shownStatus } = helpers;
  return {
    /** A random personal link for the holder's phone; making a new one replaces the old. */
    async createLink(actor: Actor, id: number) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      if (pass.status !== 'active') throw new AppError('pass_not_active');
      const linkToken = randomBytes(18).toString('base64url');
      await updatePassAudited(db, audit, actor, pass, { linkToken }, { detail: { change: 'link' } });
      return { path: `/gate/p/${linkToken}` };
    },

    async revokeLink(actor: Actor, id: number) {
      const pass = await repo.findPassInScope(db, actor.scope, id);
      if (!pass) throw new AppError('not_found');
      await updatePassAudited(db, audit, actor, pass, { linkToken: null }, { detail: { change: 'unlink' } });
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
  };
}
