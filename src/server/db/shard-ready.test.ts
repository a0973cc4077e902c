// Issue 12, item 6: ready to shard by community. Reads the migrated schema and holds every table that
// keeps one community's rows (it has a community_id column) to the rule Citus needs for a table
// distributed by community_id:
//   - community_id is NOT NULL;
//   - the primary key includes community_id;
//   - every unique index includes community_id (what must be unique across the city goes through a
//     table keyed by that value);
//   - every foreign key to another community table includes community_id.
// The tables that broke the rule when it was written are listed below with what they break: the list may
// only shrink. A new table that breaks the rule fails here; a listed table that keeps it now fails too,
// so the list says the truth (take it off). See docs/SCALE.md, "Sharding by community".

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-app';
import type { Database } from './database';

type Breach = 'nullable' | 'primary key' | `unique ${string}` | `foreign key ${string}`;

/** Rows about the installation or the tree itself, where "no community" is a real value. */
const NULLABLE_BY_DESIGN: Record<string, string> = {
  audit_log: 'sign-ins and account events of district officers belong to no community',
  places: 'the city, districts and sub-districts are places above every community (a reference table)',
};

/** What each table broke when the rule was written (2026-12-06): debt, to be paid table by table. */
const KNOWN_DEBT: Record<string, Breach[]> = {
  audit_log: ['primary key'],
  campaign_assignments: ['primary key', 'unique campaign_assignments_uq'],
  campaign_findings: ['primary key'],
  campaign_targets: ['primary key'],
  campaign_visits: ['primary key', 'unique campaign_visits_client_uq'],
  campaigns: ['primary key'],
  declaration_reviews: ['primary key'],
  declarations: ['primary key'],
  duty_inspections: ['primary key'],
  gate_checks: ['primary key', 'unique gate_checks_uuid_uq'],
  gate_referrals: ['primary key', 'unique gate_referrals_check_uq'],
  gate_shifts: ['primary key'],
  gates: ['primary key'],
  // Personal links of this wave: a token is looked up across the city, so it belongs in the token index
  // of the plan (docs/SCALE.md), like posters' and passes' tokens.
  observations: ['unique observations_link_uq'],
  requests: ['unique requests_link_hash_uq'],
  households: ['primary key', 'unique households_door_uq'],
  import_jobs: ['primary key'],
  organisations: ['primary key'],
  party_branches: ['primary key'],
  passes: ['primary key', 'unique passes_link_uq'],
  person_status: ['primary key'],
  photos: ['primary key', 'unique photos_public_id_idx'],
  places: ['primary key', 'unique places_code_uq'],
  posters: ['primary key', 'unique posters_token_uq'],
  resident_moves: ['primary key'],
  residents: ['primary key'],
  status_history: ['primary key'],
  visitors: ['primary key'],
};

let database: Database;
beforeAll(() => {
  database = testDatabase(2);
});
afterAll(() => database.close());

/** The breaches of the tables in `schema` (another schema for the self-test, so no other test sees its table). */
async function breaches(schema = 'public'): Promise<Map<string, Breach[]>> {
  const q = async <T>(text: string) => (await database.pool.query<T & object>(text, [schema])).rows;
  const tables = await q<{ table: string; nullable: boolean }>(`
    select c.relname as table, not a.attnotnull as nullable
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = $1 and c.relkind in ('r', 'p') and a.attname = 'community_id' and not a.attisdropped`);
  const indexes = await q<{ table: string; index: string; primary: boolean; has: boolean }>(`
    select t.relname as table, i.relname as index, x.indisprimary as primary,
           exists (select 1 from pg_attribute a
                   where a.attrelid = t.oid and a.attname = 'community_id' and a.attnum = any(x.indkey)) as has
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = $1 and x.indisunique`);
  const foreignKeys = await q<{ table: string; name: string; target: string; has: boolean }>(`
    select t.relname as table, con.conname as name, r.relname as target,
           exists (select 1 from pg_attribute a
                   where a.attrelid = t.oid and a.attname = 'community_id' and a.attnum = any(con.conkey)) as has
    from pg_constraint con join pg_class t on t.oid = con.conrelid join pg_class r on r.oid = con.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = $1 and con.contype = 'f'`);
  const community = new Set(tables.map((t) => t.table));
  const found = new Map<string, Breach[]>();
  const add = (table: string, breach: Breach) => found.set(table, [...(found.get(table) ?? []), breach]);
  for (const t of tables) {
    if (t.nullable && !NULLABLE_BY_DESIGN[t.table]) add(t.table, 'nullable');
    const own = indexes.filter((i) => i.table === t.table);
    if (!own.some((i) => i.primary && i.has)) add(t.table, 'primary key');
    for (const i of own) if (!i.primary && !i.has) add(t.table, `unique ${i.index}`);
  }
  for (const fk of foreignKeys) {
    if (community.has(fk.table) && community.has(fk.target) && !fk.has)
      add(fk.table, `foreign key ${fk.name}`);
  }
  return found;
}

describe('the schema is ready to shard by community', () => {
  it('no community table breaks the rule beyond its listed debt, and the list holds no paid debt', async () => {
    const found = await breaches();
    const unlisted: string[] = [];
    for (const [table, list] of found) {
      for (const breach of list)
        if (!KNOWN_DEBT[table]?.includes(breach)) unlisted.push(`${table}: ${breach}`);
    }
    const paid: string[] = [];
    for (const [table, list] of Object.entries(KNOWN_DEBT)) {
      for (const breach of list) if (!found.get(table)?.includes(breach)) paid.push(`${table}: ${breach}`);
    }
    expect(unlisted, 'community tables that break the sharding rule (docs/SCALE.md)').toEqual([]);
    expect(paid, 'listed as debt but kept now: take them off KNOWN_DEBT').toEqual([]);
  });

  it('finds a breach when there is one (the check itself can fail)', async () => {
    await database.pool.query(`
      create schema if not exists shard_rule_probe;
      create table if not exists shard_rule_probe.probe (id serial primary key, community_id int, token text unique)`);
    try {
      expect((await breaches('shard_rule_probe')).get('probe')).toEqual([
        'nullable',
        'primary key',
        'unique probe_token_key',
      ]);
    } finally {
      await database.pool.query('drop schema shard_rule_probe cascade');
    }
  });
});
