import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../../db/database';
import { hitRateLimits } from './rate-limits.repo';

/**
 * @fastify/rate-limit's store on the `rate_limits` table, so a public limit holds across every instance
 * (with N instances a limit in memory lets N times as many through). Each limiter names its counters
 * (`nameSpace`, see route-limits.ts) as each kept its own in memory; the key after it is what the limiter
 * always used (the address, `poster:<token>`). Hits of one event-loop turn share one upsert
 * (`coalescingCounter`), on the database's clock.
 */
export function databaseRateLimitStore(db: Db, installation = ''): FastifyRateLimitStoreCtor {
  const counter = coalescingCounter(db);
  class DatabaseStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(options: { nameSpace?: string }) {
      this.prefix = `public:${installation}${options.nameSpace ?? ''}`;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      counter.hit(this.prefix + key, Math.max(1, Math.ceil(timeWindow / 1000))).then(
        ({ hits, secondsLeft }) => callback(null, { current: hits, ttl: Math.ceil(secondsLeft * 1000) }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      return new DatabaseStore({ nameSpace: (routeOptions as { nameSpace?: string }).nameSpace });
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}

interface Waiting {
  key: string;
  resolve: (answer: { hits: number; secondsLeft: number }) => void;
  reject: (error: Error) => void;
}

/**
 * Hits that arrive in the same turn of the event loop are counted in one statement per window length:
 * under load every public request hits the same few rows (one poster's counter, one address behind a
 * NAT), and one upsert per request queued them on those rows' locks — a submit on PostgreSQL went from
 * 1,692/s to 1,088/s. Each caller still gets its own place in the count (the row's total after the
 * batch, minus the hits after its own), so a limit lets exactly as many through as one-by-one would.
 */
export function coalescingCounter(db: Db) {
  let pending = new Map<number, Waiting[]>();
  let scheduled = false;
  // At most one upsert in flight per instance: hits that arrive while one runs wait for it and go in the
  // next, so under load batches grow instead of several statements queuing on the same hot rows' locks.
  let running = false;

  async function flush(windowSeconds: number, waiting: Waiting[]) {
    const counts = new Map<string, number>();
    for (const w of waiting) counts.set(w.key, (counts.get(w.key) ?? 0) + 1);
    try {
      const totals = await hitRateLimits(db, windowSeconds, counts);
      const given = new Map<string, number>();
      for (const w of waiting) {
        const total = totals.get(w.key);
        if (!total) throw new Error('rate limit upsert returned nothing');
        const before = given.get(w.key) ?? 0;
        given.set(w.key, before + 1);
        const hitsAfterMine = (counts.get(w.key) ?? 1) - before - 1;
        w.resolve({ hits: total.hits - hitsAfterMine, secondsLeft: total.secondsLeft });
      }
    } catch (error) {
      for (const w of waiting) w.reject(error as Error);
    }
  }

  function schedule() {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => {
      const batches = pending;
      pending = new Map();
      scheduled = false;
      running = true;
      void Promise.all([...batches].map(([seconds, waiting]) => flush(seconds, waiting))).finally(() => {
        running = false;
        if (pending.size > 0) schedule();
      });
    });
  }

  return {
    hit(key: string, windowSeconds: number): Promise<{ hits: number; secondsLeft: number }> {
      return new Promise((resolve, reject) => {
        const list = pending.get(windowSeconds) ?? [];
        list.push({ key, resolve, reject });
        pending.set(windowSeconds, list);
        schedule();
      });
    },
  };
}
