import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertChildPlace } from '../places/places.repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // At least two roots side by side, whatever else the run has made.
  for (const n of [1, 2])
    await insertChildPlace(t.services.database.db, null, {
      kind: 'city',
      name: `迁移测试${n}`,
      code: `t-mig-${randomUUID().slice(0, 8)}`,
    });
});
afterAll(() => t.close());

const MIGRATION = fileURLToPath(new URL('../../db/migrations/0016_rules_areas_to_root.sql', import.meta.url));

describe('migration 0011: rule sets and risk areas made before places owned them', () => {
  it('gives them to the root place, and a copy of what is in force to every other root', async () => {
    const marker = randomUUID();
    const client = await t.services.database.pool.connect();
    try {
      await client.query('begin');
      // The tables as they were before 0011: place_id added by 0010, still empty.
      await client.query('alter table status_rule_sets alter column place_id drop not null');
      await client.query('alter table risk_areas alter column place_id drop not null');
      await client.query(`insert into status_rule_sets (rules) values ($1::jsonb), ($2::jsonb)`, [
        JSON.stringify([{ marker, n: 1 }]),
        JSON.stringify([{ marker, n: 2 }]),
      ]);
      await client.query(
        `insert into risk_areas (region_code, region_name, level, valid_from, note, retired_at)
         values ('659099', '旧', 'high', '2020-01-23', $1, now()), ('659099', '新', 'medium', '2020-02-01', $1, null)`,
        [marker],
      );
      for (const statement of readFileSync(MIGRATION, 'utf8').split('--> statement-breakpoint'))
        await client.query(statement);

      const roots = (
        await client.query<{ id: number }>('select id from places where parent_id is null order by id')
      ).rows.map((r) => r.id);
      const [first, ...others] = roots;
      const sets = await client.query<{ place_id: number; n: number }>(
        `select place_id, (rules->0->>'n')::int as n from status_rule_sets where rules->0->>'marker' = $1`,
        [marker],
      );
      const areas = await client.query<{ place_id: number; name: string; retired: boolean }>(
        `select place_id, region_name as name, retired_at is not null as retired from risk_areas where note = $1`,
        [marker],
      );
      // The first root keeps the history; every other root gets the newest set and the current area.
      expect(
        sets.rows
          .filter((r) => r.place_id === first)
          .map((r) => r.n)
          .sort(),
      ).toEqual([1, 2]);
      expect(areas.rows.filter((r) => r.place_id === first)).toHaveLength(2);
      expect(others.length).toBeGreaterThanOrEqual(1);
      for (const root of others) {
        expect(sets.rows.filter((r) => r.place_id === root).map((r) => r.n)).toEqual([2]);
        expect(areas.rows.filter((r) => r.place_id === root)).toEqual([
          { place_id: root, name: '新', retired: false },
        ]);
      }
      const nulls = await client.query(
        `select (select count(*) from status_rule_sets where place_id is null)::int +
                (select count(*) from risk_areas where place_id is null)::int as n`,
      );
      expect(nulls.rows[0].n).toBe(0);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
