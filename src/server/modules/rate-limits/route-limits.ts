import type { CreateRateLimitOptions } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error';
import type { AppInstance } from '../../http/types';

/** One limit of a public route: its counters' name (one per limiter), its key, and how many a minute. */
export interface RouteLimit {
  name: string;
  max: number;
  /** The window in milliseconds (default: a minute). */
  timeWindow?: number;
  /** What is counted; default the client's address. */
  key?: (request: FastifyRequest) => string;
}

/**
 * A preHandler that counts a request against every limit of a route at once and refuses it (429
 * `rate_limited`, with Retry-After) when any of them is over.
 *
 * Why not one `app.rateLimit()` handler per limit: the plugin marks a request as counted with one symbol
 * shared by every handler it makes, so on a route with two the second returned at once and never counted
 * — the public form's per-poster limit held nothing. Counting them together also puts both hits in one
 * event-loop turn, so on PostgreSQL they share one upsert (rate-limit-store.ts).
 */
export function routeLimits(app: AppInstance, limits: readonly RouteLimit[]) {
  const checks = limits.map((limit) =>
    app.createRateLimit({
      max: limit.max,
      timeWindow: limit.timeWindow ?? 60_000,
      ...(limit.key ? { keyGenerator: limit.key } : {}),
      nameSpace: limit.name,
    } as CreateRateLimitOptions),
  );
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const answers = await Promise.all(checks.map((check) => check(request)));
    let retryAfter = 0;
    for (const answer of answers) {
      if (!answer.isAllowed && answer.isExceeded) retryAfter = Math.max(retryAfter, answer.ttlInSeconds);
    }
    if (retryAfter > 0) {
      reply.header('retry-after', Math.max(1, retryAfter));
      throw new AppError('rate_limited');
    }
  };
}
