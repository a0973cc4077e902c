import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-app';
import type { Database } from './database';

let database: Database;
beforeAll(() => {
  database = testDatabase(12);
});
afterAll(() => database.close());

describe('the database under concurrent connections', () => {
  it('answers each parameterised query with its own result when many run at once', async () => {
    // Different statement texts, so an exchange that ran another connection's Parse would show it.
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) =>
        database.pool.query(
          `select $1::int + ${i % 7} as n, $2::text as s from generate_series(1, ${1 + (i % 3)})`,
          [i, `v${i}`],
        ),
      ),
    );
    results.forEach((result, i) => {
      expect(result.rows).toHaveLength(1 + (i % 3));
      expect(result.rows[0]).toEqual({ n: i + (i % 7), s: `v${i}` });
    });
  });

  it('keeps queries and transactions of different connections apart when they overlap', async () => {
    await database.pool.query('create table if not exists overlap_probe (id serial primary key, v int)');
    const transactions = Array.from({ length: 40 }, async (_, i) => {
      const client = await database.pool.connect();
      try {
        await client.query('begin');
        const inserted = await client.query('insert into overlap_probe (v) values ($1) returning v', [i]);
        await client.query('commit');
        return inserted.rows;
      } finally {
        client.release();
      }
    });
    const queries = Array.from({ length: 200 }, (_, i) =>
      database.pool.query(`select $1::int * ${1 + (i % 5)} as n`, [i]),
    );
    const [inserted, selected] = await Promise.all([Promise.all(transactions), Promise.all(queries)]);
    inserted.forEach((rows, i) => {
      expect(rows).toEqual([{ v: i }]);
    });
    selected.forEach((result, i) => {
      expect(result.rows).toEqual([{ n: i * (1 + (i % 5)) }]);
    });
  });

  it('keeps a transaction invisible to other connections until it commits', async () => {
    await database.pool.query('create table if not exists concurrency_probe (id int)');
    const writer = await database.pool.connect();
    try {
      await writer.query('begin');
      await writer.query('insert into concurrency_probe values ($1)', [42]);
      const inside = await writer.query(
        'select count(*)::int as n from concurrency_probe where id = $1',
        [42],
      );
      expect(inside.rows[0].n).toBe(1);
      await writer.query('rollback');
      const outside = await database.pool.query(
        'select count(*)::int as n from concurrency_probe where id = $1',
        [42],
      );
      expect(outside.rows[0].n).toBe(0);
    } finally {
      writer.release();
    }
  });
});
