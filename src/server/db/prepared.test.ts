import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-app';
import type { Database } from './database';
import { executePrepared } from './prepared';

let first: Database;
let second: Database;
beforeAll(() => {
  // Two pools onto the same database: on the embedded one they share a single session. Small pools:
  // the test database serves every test file running at the same time.
  first = testDatabase(2);
  second = testDatabase(2);
});
afterAll(async () => {
  await first.close();
  await second.close();
});

const doubled = (n: number) => sql`select ${n}::int * 2 as n`;

describe('named statements', () => {
  it('answers each call with its own parameters, inside transactions of many connections and two pools', async () => {
    const runs = Array.from({ length: 24 }, (_, i) =>
      (i % 2 === 0 ? first : second).db.transaction(async (tx) => {
        const once = await executePrepared<{ n: number }>(tx, 'prepared_probe', doubled(i));
        const again = await executePrepared<{ n: number }>(tx, 'prepared_probe', doubled(i + 100));
        return [once[0]?.n, again[0]?.n];
      }),
    );
    const answers = await Promise.all(runs);
    answers.forEach((pair, i) => {
      expect(pair).toEqual([i * 2, (i + 100) * 2]);
    });
  });

  it('borrows a connection when given the pool rather than a transaction', async () => {
    const rows = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        executePrepared<{ n: number }>(first.db, 'prepared_probe', doubled(i)),
      ),
    );
    expect(rows).toEqual(Array.from({ length: 12 }, (_, i) => [{ n: i * 2 }]));
  });

  it('plans each run afresh, so a plan made while a table was small is not kept', async () => {
    const rows = await first.db.transaction((tx) =>
      executePrepared<{ mode: string }>(
        tx,
        'plan_mode_probe',
        sql`select current_setting('plan_cache_mode') as mode`,
      ),
    );
    expect(rows).toEqual([{ mode: 'force_custom_plan' }]);
  });
});
