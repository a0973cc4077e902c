// Issue 13, item 4: the gate verdict a guard can act on — whose pass it is (masked name, door, people
// there) online and in the offline list, "not found" for a number no pass has versus "forged" only for a
// bad signature, and the visited household picked from the compound's doors.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { login, syntheticId } from '../../test/fixture';
import { gates } from '../places/places.table';
import { passes, visitors } from './access.table';
import { type AccessSetup, setUpAccess } from './access.test-setup';

let s: AccessSetup;
const headDoc = syntheticId('19800808');
const phone = '13812345678';
let ownPass: { number: number; token: string };

beforeAll(async () => {
  s = await setUpAccess();
  const { f, secretary, call } = s;
  // A second person at the first door (1号楼 1单元 101), with a phone: neither the name, the ID nor the
  // phone may reach the gate whole.
  const added = await call(secretary, 'POST', '/api/residents', {
    householdId: f.a.householdIds[0],
    name: '王小明',
    docType: 'resident_id',
    docNumber: headDoc,
    phone,
    relationToHead: 'spouse',
    residenceType: 'registered',
  });
  if (added.statusCode !== 201) throw new Error(`resident: ${added.statusCode} ${added.body}`);
  await call(secretary, 'PUT', '/api/access/settings', {
    communityId: f.a.community.id,
    passHolder: 'resident',
  });
  const issued = await call(secretary, 'POST', '/api/access/passes/issue', {
    compoundId: f.a.compound.id,
    validUntil: addDays(beijingToday(), 30),
  });
  if (issued.statusCode !== 201) throw new Error(`issue: ${issued.statusCode} ${issued.body}`);
  const residentId: number = added.json().resident.id;
  const [row] = await s.t.services.database.db.select().from(passes).where(eq(passes.residentId, residentId));
  ownPass = { number: row?.number as number, token: row?.token as string };
});
afterAll(() => s.t.close());

const expectNothingWhole = (body: string) => {
  for (const whole of ['王小明', '门岗甲', headDoc, phone]) expect(body).not.toContain(whole);
};

describe('whose pass it is, at the gate', () => {
  it('answers a check with the masked holder, the door with its compound and the people living there', async () => {
    const res = await s.call(s.guard, 'POST', '/api/gate/checks', {
      checks: [s.check({ token: ownPass.token }), s.check({ passNumber: ownPass.number })],
    });
    const holder = {
      name: '王*明',
      compound: '甲小区',
      building: '1号楼',
      unit: '1单元',
      room: '101',
      holders: 2,
    };
    expect(res.json().results).toMatchObject([
      { verdict: 'valid', holder },
      { verdict: 'valid', holder },
    ]);
    expectNothingWhole(res.body);
  });

  it('says "not found" for a typed number no pass has, and "forged" only for a bad signature', async () => {
    const bytes = Buffer.from(ownPass.token, 'base64url');
    bytes[5] = (bytes[5] as number) ^ 1;
    const res = await s.call(s.guard, 'POST', '/api/gate/checks', {
      checks: [s.check({ passNumber: 99_999 }), s.check({ token: bytes.toString('base64url') })],
    });
    const [typo, forged] = res.json().results;
    expect(typo).toMatchObject({ verdict: 'not_found', outcome: 'stored', passNumber: 99_999 });
    expect(forged).toMatchObject({ verdict: 'unknown', outcome: 'stored' });
    expect(typo.holder).toBeUndefined();
    expect(forged.holder).toBeUndefined();
    // Both are kept in the log the console reads, each with its own verdict.
    const log = await s.call(s.secretary, 'GET', `/api/access/checks?gateId=${s.gateId}`);
    const verdicts = new Map(
      log.json().items.map((c: { uuid: string; verdict: string }) => [c.uuid, c.verdict]),
    );
    expect(verdicts.get(typo.uuid)).toBe('not_found');
    expect(verdicts.get(forged.uuid)).toBe('unknown');
  });

  it('keeps the holders and the doors in the offline list, masked', async () => {
    const res = await s.call(s.guard, 'GET', `/api/gate/gates/${s.gateId}/offline`);
    expect(res.statusCode).toBe(200);
    const bundle = res.json();
    expect(bundle.compoundName).toBe('甲小区');
    expect(bundle.doors).toEqual([
      { id: s.f.a.householdIds[0], building: '1号楼', unit: '1单元', room: '101', holders: 2 },
      { id: s.f.a.householdIds[1], building: '1号楼', unit: '1单元', room: '102', holders: 0 },
      { id: s.f.a.householdIds[2], building: '2号楼', unit: null, room: '201', holders: 0 },
    ]);
    expect(bundle.passHolders).toContainEqual([ownPass.number, s.f.a.householdIds[0], '王*明']);
    const numbers = bundle.activePasses.map(([n]: [number]) => n).sort();
    expect(bundle.passHolders.map(([n]: [number]) => n).sort()).toEqual(numbers);
    expectNothingWhole(res.body);
  });

  it("shows another community's guard nothing of this community's holders or doors", async () => {
    const { f, t, call } = s;
    const [gateB] = await t.services.database.db
      .insert(gates)
      .values({ communityId: f.b.community.id, compoundId: f.b.compound.id, name: '乙东门' })
      .returning();
    const secretaryB = await login(t, f.b.usernames.community_secretary);
    // B's own passes, so B's series has the same numbers as A's.
    await call(secretaryB, 'POST', '/api/access/passes/issue', {
      compoundId: f.b.compound.id,
      validUntil: addDays(beijingToday(), 30),
    });
    expect((await call(s.guardB, 'GET', `/api/gate/gates/${s.gateId}/offline`)).statusCode).toBe(404);
    const ownList = await call(s.guardB, 'GET', `/api/gate/gates/${gateB?.id}/offline`);
    expect(ownList.json().compoundName).toBe('乙小区');
    expect(ownList.json().doors.map((d: { id: number }) => d.id)).not.toContain(f.a.householdIds[0]);
    expectNothingWhole(ownList.body);
    // A's genuine pass at B's gate: another compound's pass, with no holder (not even B's pass that
    // happens to carry the same number).
    const res = await call(s.guardB, 'POST', '/api/gate/checks', {
      checks: [s.check({ gateId: gateB?.id, token: ownPass.token })],
    });
    expect(res.json().results[0]).toMatchObject({ verdict: 'other_compound', outcome: 'stored' });
    expect(res.json().results[0].holder).toBeUndefined();
    expectNothingWhole(res.body);
  });
});

describe('the household a visitor visits', () => {
  const visitor = (over: Record<string, unknown>) =>
    s.call(s.guard, 'POST', '/api/gate/visitors', {
      gateId: s.gateId,
      name: '李访客',
      phone: '13900001111',
      reason: '探亲',
      temperature: 36.4,
      ...over,
    });

  it('is picked from the compound doors and stored as its address', async () => {
    const res = await visitor({ householdId: s.f.a.householdIds[0] });
    expect(res.statusCode).toBe(201);
    const [row] = await s.t.services.database.db
      .select()
      .from(visitors)
      .where(eq(visitors.id, res.json().visitor.id));
    expect(row?.visiting).toBe('1号楼 1单元 101');
  });

  it("refuses another community's door, and a visit to no door at all", async () => {
    const other = await visitor({ householdId: s.f.b.householdIds[0] });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.field).toBe('householdId');
    expect((await visitor({})).statusCode).toBe(400);
    // A door not on the list may still be typed.
    expect((await visitor({ visiting: '底商 3号' })).statusCode).toBe(201);
  });
});
