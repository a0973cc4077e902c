import type { Db } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import { type QuickVisit, type QuickVisitOutcome, recordQuickVisits } from './quick-visits.repo';

/**
 * Group commit for quick visits (nobody home, vacant, refused). On the night of a sweep a hundred
 * volunteers tap "nobody home" at once; each tap waiting for its own statement is what limited the
 * embedded database (one statement at a time), so visits that arrive together are written in one
 * statement. Each caller still gets its own answer, after its row is committed.
 *
 * One batch at a time, on PostgreSQL too: two batches at once would update the same doors' rows in
 * different orders and deadlock, and one statement of 200 visits is already a few milliseconds.
 */
export function createQuickVisitWriter(db: Db) {
  return createWriteBatcher<QuickVisit, QuickVisitOutcome>({
    maxBatch: 200,
    maxInFlight: 1,
    run: async (visits) => {
      const outcomes = await recordQuickVisits(db, visits);
      // The same phone id twice in one batch: the first is the visit, the later ones are its resends.
      const first = new Set<string>();
      return outcomes.map((o, i) => {
        const clientId = visits[i]?.clientId ?? '';
        if (!o.inserted) return o;
        if (!first.has(clientId)) {
          first.add(clientId);
          return o;
        }
        return { ...o, inserted: null, existing: o.inserted };
      });
    },
  });
}
