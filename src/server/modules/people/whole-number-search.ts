import { parseIdNumber, parsePhone } from '../../../shared/identity';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import type { RateLimits } from '../rate-limits/rate-limits.service';

/** What kind of whole number was searched: the audit row says this, never the number. */
export type WholeNumberKind = 'id_number' | 'phone' | 'document';

const WINDOW_SECONDS = 10 * 60;

export function wholeNumberKind(compact: string): WholeNumberKind {
  if (parsePhone(compact).ok) return 'phone';
  if (parseIdNumber('resident_id', compact).ok) return 'id_number';
  return 'document';
}

/**
 * A search by a whole ID or phone number answers "is this the number?", so with a mask it is a way to
 * finish the number by trying. Each account may make `limit` of them in 10 minutes — counted in the
 * database, so all instances share the count — and each one leaves an audit row (who, when, which kind,
 * where it matched; never the number). Name and last-four searches show nothing the masks do not, and
 * stay free.
 */
export function createWholeNumberSearchGuard(limits: RateLimits, audit: AuditService, limit: number) {
  const ownCommunity = (actor: Actor) =>
    actor.scope.communityIds.length === 1 ? (actor.scope.communityIds[0] ?? null) : null;

  return {
    /** Counts the search before it runs; past the limit it is refused (429), the first refusal audited. */
    async admit(actor: Actor, kind: WholeNumberKind): Promise<void> {
      const answer = await limits.take(
        `whole_number_search:account:${actor.accountId}`,
        limit,
        WINDOW_SECONDS,
      );
      if (answer.allowed) return;
      if (answer.hits === limit + 1) {
        await audit.record(actor, {
          action: 'search',
          entity: 'resident',
          communityId: ownCommunity(actor),
          detail: { kind, refused: 'rate_limited', limit },
        });
      }
      throw new AppError('search_rate_limited', {
        limit,
        minutes: Math.ceil(answer.retryAfterSeconds / 60),
        seconds: answer.retryAfterSeconds,
      });
    },

    /** One audit row per community where the search found someone, or one in the account's community. */
    async record(actor: Actor, kind: WholeNumberKind, found: Array<{ id: number; communityId: number }>) {
      const byCommunity = new Map<number | null, number[]>();
      for (const person of found) {
        byCommunity.set(person.communityId, [...(byCommunity.get(person.communityId) ?? []), person.id]);
      }
      if (byCommunity.size === 0) byCommunity.set(ownCommunity(actor), []);
      await audit.recordMany(
        [...byCommunity].map(([communityId, ids]) => ({
          actor,
          event: {
            action: 'search' as const,
            entity: 'resident',
            entityId: ids.length === 1 ? ids[0] : null,
            communityId,
            detail: { kind, matches: ids.length },
          },
        })),
      );
    },
  };
}
export type WholeNumberSearchGuard = ReturnType<typeof createWholeNumberSearchGuard>;
