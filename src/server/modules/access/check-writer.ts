import type { Db } from '../../db/database';
import { type GateCheckInsert, insertChecks } from './gate-checks.repo';

/**
 * Group commit for gate checks: requests arriving together share one multi-row INSERT instead of one
 * round trip each. Every caller's promise resolves only after its row is committed (or was already
 * there), so an answer still means "stored" — nothing is acknowledged from memory.
 */
export interface CheckWriter {
  /** Resolves with the uuids among `rows` that were new (a resend's uuid is not). */
  write(rows: GateCheckInsert[]): Promise<Set<string>>;
}

const MAX_ROWS = 500;

export function createCheckWriter(db: Db): CheckWriter {
  let queue: Array<{
    rows: GateCheckInsert[];
    resolve: (s: Set<string>) => void;
    reject: (e: unknown) => void;
  }> = [];
  let running = false;

  async function flush() {
    running = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      // Two copies of one uuid in a single INSERT … ON CONFLICT would fail the statement: the first wins.
      const seen = new Set<string>();
      const rows = batch.flatMap((b) => b.rows).filter((r) => !seen.has(r.uuid) && seen.add(r.uuid));
      try {
        const fresh = new Set<string>();
        for (let i = 0; i < rows.length; i += MAX_ROWS)
          for (const uuid of await insertChecks(db, rows.slice(i, i + MAX_ROWS))) fresh.add(uuid);
        for (const b of batch) b.resolve(fresh);
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    running = false;
  }

  return {
    write(rows) {
      return new Promise((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        // While one INSERT is in flight, newcomers wait and go together in the next one.
        if (!running) void flush();
      });
    },
  };
}
