import type { Db } from '../../db/database';
import { findByLink } from './observation.repo';

/** Which observation a personal link belongs to. */
export interface LinkTarget {
  observationId: number;
  communityId: number;
}

/** Links remembered at most: a few days of every observation in a district, a few MB. */
export const LINK_CACHE_MAX = 200_000;

export interface LinkCache {
  get(token: string): Promise<LinkTarget | undefined>;
  /** The link was refused (withdrawn, the observation ended): looked up again next time. */
  forget(token: string): void;
  /** Database reads made so far (tests and the bench count them). */
  readonly loads: number;
}

/**
 * The personal link → its observation, held in memory so a check-in from the link costs one batched
 * write and no lookup. Why no change notices are needed to keep it right on every instance: a link is a
 * random token that never moves to another observation, so the only thing that can go stale is whether
 * it still works, and that is not taken from here — the write statement itself takes a link reading only
 * while the observation still carries the link and has not ended (observation-readings.repo.ts). A link
 * withdrawn or ended on any instance is refused by the very next write, everywhere; the refusal drops
 * the entry. Unknown tokens are not remembered (a guess costs a read, as before, under the link's limit).
 */
export function createLinkCache(db: Db, max = LINK_CACHE_MAX): LinkCache {
  const entries = new Map<string, Promise<LinkTarget | undefined>>();
  let loads = 0;

  return {
    get(token) {
      const hit = entries.get(token);
      if (hit) return hit;
      loads++;
      const value = findByLink(db, token).then((o) =>
        o && !o.endedAt ? { observationId: o.id, communityId: o.communityId } : undefined,
      );
      entries.set(token, value);
      // The oldest go first when full (a Map keeps insertion order).
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      value.then(
        (target) => {
          if (!target && entries.get(token) === value) entries.delete(token);
        },
        () => {
          if (entries.get(token) === value) entries.delete(token);
        },
      );
      return value;
    },
    forget(token) {
      entries.delete(token);
    },
    get loads() {
      return loads;
    },
  };
}
