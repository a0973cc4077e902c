import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sealIdentity } from './people.service';
import { findOrRegister, type SelfDeclared } from './self-registration.repo';

let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
});
afterAll(() => t.close());

function person(docNumber: string, room: string | null, name = '周晓梅'): SelfDeclared {
  const building = f.a.buildings[0];
  if (!building) throw new Error('fixture has no building');
  return {
    door: room
      ? { communityId: f.a.community.id, buildingId: building.id, entranceId: null, room, notes: '自行填报' }
      : null,
    resident: {
      communityId: f.a.community.id,
      name,
      gender: 'female',
      birthDate: null,
      docType: 'resident_id',
      ...sealIdentity(t.services.vault, docNumber, null),
      relationToHead: 'other',
      residenceType: room ? 'registered' : 'floating',
      notes: null,
    },
  };
}

describe('finding or registering people from the public form in one statement', () => {
  it('registers someone new once per batch, at a new door, unverified, with their moves history', async () => {
    const id = syntheticId('19900505', true);
    const { pool, db } = t.services.database;
    const people = await findOrRegister(
      db,
      [person(id, '9901'), person(id, '9901'), person(syntheticId(), null)],
      {
        reason: '居民自行登记',
      },
    );
    expect(people).toHaveLength(2);
    expect(people.every((p) => p.registered)).toBe(true);
    const rows = await pool.query(
      `select r.verified, h.room, (select count(*)::int from resident_moves m where m.resident_id = r.id) as moves
       from residents r left join households h on h.id = r.household_id where r.id = any($1) order by h.room nulls last`,
      [people.map((p) => p.id)],
    );
    expect(rows.rows).toEqual([
      { verified: false, room: '9901', moves: 1 },
      { verified: false, room: null, moves: 1 },
    ]);
  });

  it('finds someone already registered, by ID, whatever name or door they typed this time', async () => {
    const id = syntheticId('19700707');
    const { db } = t.services.database;
    const [first] = await findOrRegister(db, [person(id, '9902')], { reason: '居民自行登记' });
    const [again] = await findOrRegister(db, [person(id, '9903', '周小梅')], { reason: '居民自行登记' });
    expect(again).toMatchObject({ id: first?.id, registered: false });
    const doors = await t.services.database.pool.query(
      "select count(*)::int as n from households where room = '9903'",
    );
    expect(doors.rows[0].n).toBe(0);
  });
});
