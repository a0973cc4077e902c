// Migration 0011 rewrites masks stored under the old rule; run here on rows written the old way.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/identity';
import { createFixture, type Fixture, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertResident } from './people.repo';
import { sealIdentity } from './people.service';

let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
});
afterAll(() => t.close());

const migration = readFileSync(
  new URL('../../db/migrations/0013_remask_documents.sql', import.meta.url),
  'utf8',
);

it('rewrites the masks of existing rows to what the mask rule gives now', async () => {
  const people = [
    {
      docType: 'resident_id',
      number: syntheticId('19491231', true),
      old: (n: string) => `${n.slice(0, 6)}********${n.slice(-4)}`,
    },
    { docType: 'foreign_permanent_residence', number: 'USA110079031501', old: () => 'US**********501' },
    // Already masked by the new rule, and a passport (whose mask did not change): left alone.
    { docType: 'resident_id', number: syntheticId('19800101'), old: maskIdNumber },
    { docType: 'passport_cn', number: 'E12345678', old: maskIdNumber },
  ];
  const ids: number[] = [];
  for (const [i, p] of people.entries()) {
    const row = await insertResident(t.services.database.db, {
      communityId: f.a.community.id,
      householdId: f.a.householdIds[0] as number,
      name: `旧掩码${i}`,
      docType: p.docType,
      ...sealIdentity(t.services.vault, p.number, null),
      docMasked: p.old(p.number),
    });
    ids.push(row.id);
  }
  for (const statement of migration.split('--> statement-breakpoint')) {
    await t.services.database.pool.query(statement);
  }
  const { rows } = await t.services.database.pool.query(
    'select id, doc_masked from residents where id = any($1) order by id',
    [ids],
  );
  expect(rows.map((r) => r.doc_masked)).toEqual(people.map((p) => maskIdNumber(p.number)));
});
