import type { Db } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import { type Completion, type CompletionResult, completeTasks } from './care-completions.repo';

/**
 * Splits a batch into rounds in which no task, client id or photo appears twice, keeping the order: one
 * statement must not update a row twice, and the later copy must see the earlier one written (a replay
 * in the same batch answers as a duplicate, a second phone's completion too, exactly as if one by one).
 * Almost always a single round.
 */
export function rounds(items: Completion[]): number[][] {
  const out: Array<{ idx: number[]; keys: Set<string> }> = [];
  const lastRound = new Map<string, number>();
  for (const [i, c] of items.entries()) {
    const keys = [`t${c.taskId}`, `c${c.clientId}`];
    if (c.photoPublicId) keys.push(`p${c.photoPublicId}`);
    // After the last round that holds any of its keys, so the copies stay in order.
    const at = Math.max(-1, ...keys.map((k) => lastRound.get(k) ?? -1)) + 1;
    if (!out[at]) out[at] = { idx: [], keys: new Set() };
    out[at].idx.push(i);
    for (const k of keys) lastRound.set(k, at);
  }
  return out.map((r) => r.idx);
}

/**
 * Group commit for care task completions. When a whole volunteer team finishes the weekly grocery round
 * at once, each completion on its own took four statements (task, helper, building, then the write); on
 * the embedded database, which runs one statement at a time, that was the limit. Completions that
 * arrive together are now checked and written in one statement; each caller still gets its own answer
 * (a bad one refused alone; a statement that fails is retried one completion at a time by the batcher).
 *
 * One batch at a time, on PostgreSQL too: two batches at once could lock the same tasks (a replay) or
 * the same person's care need in different orders and deadlock.
 */
export function createCareCompletionWriter(db: Db) {
  return createWriteBatcher<Completion, CompletionResult>({
    maxBatch: 200,
    maxInFlight: 1,
    run: async (items) => {
      const split = rounds(items);
      if (split.length === 1) return completeTasks(db, items);
      // Several rounds: one transaction, so a failure retries them all one by one from a clean state.
      return db.transaction(async (tx) => {
        const out: CompletionResult[] = new Array(items.length);
        for (const idx of split) {
          const answers = await completeTasks(
            tx,
            idx.map((i) => items[i] as Completion),
          );
          for (const [k, i] of idx.entries()) out[i] = answers[k] as CompletionResult;
        }
        return out;
      });
    },
  });
}
