import type { Db } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import { type GateCheckInsert, insertChecks } from './gate-checks.repo';

/**
 * Group commit for gate checks (the shared write batcher): requests arriving together share one INSERT
 * instead of one round trip each. Every caller's promise resolves only after its rows are committed (or
 * were already there), so an answer still means "stored" — nothing is acknowledged from memory.
 */
export interface CheckWriter {
  /** Resolves with the uuids among `rows` that were new (a resend's uuid is not). */
  write(rows: GateCheckInsert[]): Promise<Set<string>>;
}

const MAX_ROWS = 500;

export function createCheckWriter(db: Db): CheckWriter {
  const batcher = createWriteBatcher<GateCheckInsert[], Set<string>>({
    // A request carries 1–200 checks: a few requests make a full statement.
    maxBatch: 50,
    maxInFlight: 1,
    async run(requests) {
      // Two copies of one uuid in a single INSERT … ON CONFLICT would fail the statement: the first wins,
      // and only the request that sent it is told its copy was new (two phones resending the same check
      // at once get one "stored" and one "duplicate", never two "stored").
      const seen = new Set<string>();
      const owned = requests.map((rows) => rows.filter((r) => !seen.has(r.uuid) && seen.add(r.uuid)));
      const rows = owned.flat();
      const fresh = new Set<string>();
      for (let i = 0; i < rows.length; i += MAX_ROWS)
        for (const uuid of await insertChecks(db, rows.slice(i, i + MAX_ROWS))) fresh.add(uuid);
      return owned.map((own) => new Set(own.map((r) => r.uuid).filter((uuid) => fresh.has(uuid))));
    },
  });
  return { write: (rows) => batcher.add(rows) };
}
