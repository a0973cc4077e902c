import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-app';
import type { Database } from './database';
import { vacuumIfEmbedded } from './maintenance';

let database: Database;
beforeAll(() => {
  database = testDatabase(1);
});
afterAll(() => database.close());

describe('housekeeping of the embedded database', () => {
  it('vacuums and analyzes the embedded database, and leaves PostgreSQL to its autovacuum', async () => {
    const took = await vacuumIfEmbedded(database);
    if (database.kind === 'embedded') {
      expect(took).toEqual(expect.any(Number));
      // Statistics are fresh: the table the migrations created has been analyzed.
      const analyzed = await database.pool.query(
        "select last_analyze is not null as done from pg_stat_user_tables where relname = 'residents'",
      );
      expect(analyzed.rows[0].done).toBe(true);
    } else {
      expect(took).toBeNull();
    }
  });
});
