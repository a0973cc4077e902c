import type { Db } from '../../db/database';
import { type PassForCheck, passesForCheck } from './passes.repo';

/**
 * What online gate checks need about a community's passes (status, validity, holder under observation),
 * held in memory for a second. A check then costs the signature check and one INSERT, not a lookup too.
 * Changes made on this instance (revoke, reissue, issue) clear the community at once; another instance
 * sees them within STATE_TTL_MS, and a person's observation status within the same second.
 */
export const STATE_TTL_MS = 1_000;

export interface PassStateCache {
  get(communityId: number): Promise<Map<number, PassForCheck>>;
  invalidate(communityId: number): void;
}

export function createPassStateCache(db: Db): PassStateCache {
  const entries = new Map<number, { until: number; value: Promise<Map<number, PassForCheck>> }>();
  return {
    get(communityId) {
      const hit = entries.get(communityId);
      if (hit && hit.until > Date.now()) return hit.value;
      const value = passesForCheck(db, communityId, 'all');
      entries.set(communityId, { until: Date.now() + STATE_TTL_MS, value });
      value.catch(() => entries.delete(communityId));
      return value;
    },
    invalidate(communityId) {
      entries.delete(communityId);
    },
  };
}
