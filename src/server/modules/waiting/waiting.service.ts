import { can } from '../../../shared/auth/roles';
import { WAITING_CAP } from '../../../shared/waiting/waiting.schema';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { listPending } from '../declarations/declaration-reviews.repo';
import { listRequests } from '../requests/requests.repo';
import * as repo from './waiting.repo';

export type WaitingService = ReturnType<typeof createWaitingService>;

/**
 * The side menu's badges: what waits for this account, each count only when the account may act on it
 * and always inside its scope. The review and overdue counts come from the very queries behind their
 * lists (one row fetched), so a badge and the page it leads to never disagree.
 */
export function createWaitingService(db: Db) {
  return {
    async counts(actor: Actor) {
      const { scope, role } = actor;
      const [selfRegistrations, declarationReviews, requestsOverdue] = await Promise.all([
        can(role, 'registry.write') ? repo.countUnverified(db, scope, WAITING_CAP) : undefined,
        can(role, 'declarations.review')
          ? listPending(db, scope, { page: 1, pageSize: 1 }).then((r) => r.total)
          : undefined,
        can(role, 'requests.read')
          ? listRequests(db, scope, {
              list: 'overdue',
              accountId: actor.accountId,
              now: new Date(),
              limit: 1,
              offset: 0,
            }).then((r) => r.total)
          : undefined,
      ]);
      return {
        ...(selfRegistrations === undefined ? {} : { selfRegistrations }),
        ...(declarationReviews === undefined ? {} : { declarationReviews }),
        ...(requestsOverdue === undefined ? {} : { requestsOverdue }),
      };
    },
  };
}
