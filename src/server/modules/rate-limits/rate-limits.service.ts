import type { Db } from '../../db/database';
import { hitRateLimit } from './rate-limits.repo';

export interface RateLimitAnswer {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  hits: number;
  /** Whole seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimits {
  /** Counts a hit of `key` against `limit` per `windowSeconds`, in the database (shared by instances). */
  take(key: string, limit: number, windowSeconds: number): Promise<RateLimitAnswer>;
}

export function createRateLimits(db: Db): RateLimits {
  return {
    async take(key, limit, windowSeconds) {
      const { hits, secondsLeft } = await hitRateLimit(db, key, windowSeconds);
      return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Math.ceil(secondsLeft)) };
    },
  };
}
