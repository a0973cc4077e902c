// Issue 11, defect 11: a volunteer (scope: some buildings) may not use the gate's view of the whole
// community — the ID lookup and the offline lists — except while on a shift at that gate.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { login, syntheticId } from '../../test/fixture';
import { type AccessSetup, setUpAccess } from './access.test-setup';

let s: AccessSetup;
let volunteer: string;
let volunteerB: string;
let volunteerId: number;
/** A resident of 2号楼: outside the volunteer's building (1号楼). */
const otherBuildingDoc = syntheticId('19720303');
/** A resident of 1号楼: inside it. */
const ownBuildingDoc = syntheticId('19730404');

async function accountId(username: string) {
  const res = await s.t.services.database.pool.query<{ id: number }>(
    'select id from accounts where username = $1',
    [username],
  );
  return res.rows[0]?.id as number;
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

async function addShift(startsAt: string, endsAt: string) {
  const res = await s.call(s.secretary, 'POST', '/api/access/shifts', {
    gateId: s.gateId,
    accountId: volunteerId,
    shifts: [{ startsAt, endsAt }],
  });
  if (res.statusCode !== 201) throw new Error(`shift: ${res.statusCode} ${res.body}`);
  return res.json().ids[0] as number;
}

const lookup = (cookie: string, docNumber: string) =>
  s.call(cookie, 'POST', '/api/gate/lookup', { gateId: s.gateId, docNumber });
const bundle = (cookie: string) => s.call(cookie, 'GET', `/api/gate/gates/${s.gateId}/offline`);

beforeAll(async () => {
  s = await setUpAccess();
  const { f, call, secretary } = s;
  for (const [householdId, name, docNumber] of [
    [f.a.householdIds[2], '楼外人', otherBuildingDoc],
    [f.a.householdIds[1], '楼内人', ownBuildingDoc],
  ] as const) {
    await call(secretary, 'POST', '/api/residents', {
      householdId,
      name,
      docType: 'resident_id',
      docNumber,
      relationToHead: 'self',
      residenceType: 'registered',
    });
  }
  await call(secretary, 'PUT', '/api/access/settings', {
    communityId: f.a.community.id,
    passHolder: 'resident',
  });
  const issued = await call(secretary, 'POST', '/api/access/passes/issue', {
    compoundId: f.a.compound.id,
    validUntil: addDays(beijingToday(), 10),
  });
  if (issued.statusCode !== 201) throw new Error(`issue: ${issued.statusCode} ${issued.body}`);
  volunteer = await login(s.t, f.a.usernames.volunteer);
  volunteerB = await login(s.t, f.b.usernames.volunteer);
  volunteerId = await accountId(f.a.usernames.volunteer);
});
afterAll(() => s.t.close());

describe('the gate lookup and offline lists for a volunteer', () => {
  it('refuses a volunteer with no shift at this gate, whatever building the holder lives in', async () => {
    for (const doc of [otherBuildingDoc, ownBuildingDoc, syntheticId('19990101')]) {
      const res = await lookup(volunteer, doc);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('gate_shift_required');
      expect(res.json().error.message).toContain('值班');
      expect(res.body).not.toContain('found');
    }
    const lists = await bundle(volunteer);
    expect(lists.statusCode).toBe(403);
    expect(lists.body).not.toContain('mustNotGoOut');
  });

  it('refuses after the shift ended and long before the next one starts', async () => {
    await addShift(minutes(-300), minutes(-120));
    await addShift(minutes(120), minutes(300));
    expect((await lookup(volunteer, otherBuildingDoc)).statusCode).toBe(403);
    expect((await bundle(volunteer)).statusCode).toBe(403);
  });

  it('answers a volunteer on duty at this gate, from 30 minutes before the shift', async () => {
    await addShift(minutes(20), minutes(110));
    const res = await lookup(volunteer, otherBuildingDoc);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ found: true, name: '楼*人' });
    expect((await bundle(volunteer)).statusCode).toBe(200);
  });

  it("keeps another community's volunteer out (not found), and guards and staff need no shift", async () => {
    expect((await lookup(volunteerB, otherBuildingDoc)).statusCode).toBe(404);
    expect((await bundle(volunteerB)).statusCode).toBe(404);
    for (const cookie of [s.guard, s.secretary]) {
      const res = await lookup(cookie, otherBuildingDoc);
      expect(res.statusCode).toBe(200);
      expect(res.json().found).toBe(true);
      expect((await bundle(cookie)).statusCode).toBe(200);
    }
  });
});

describe('the checks a volunteer records', () => {
  const check = (cookie: string, checkedAt: string) =>
    s.call(cookie, 'POST', '/api/gate/checks', {
      checks: [{ uuid: crypto.randomUUID(), gateId: s.gateId, checkedAt, direction: 'out', passNumber: 1 }],
    });

  it('are taken only at times inside one of their shifts at this gate (a check is judged at its own time)', async () => {
    // Shifts so far: 300 to 120 minutes ago, from 20 minutes on, and in 120 minutes (see above).
    const inPastShift = await check(volunteer, minutes(-200));
    expect(inPastShift.json().results[0]).toMatchObject({ outcome: 'stored' });
    const between = await check(volunteer, minutes(-60));
    expect(between.statusCode).toBe(200);
    expect(between.json().results[0]).toMatchObject({
      outcome: 'refused',
      verdict: 'unknown',
      error: { code: 'gate_check_off_shift' },
    });
    expect(between.body).not.toContain('must_not_go_out');
    expect((await check(volunteer, minutes(0))).json().results[0].outcome).toBe('stored');
    // A guard's checks need no shift.
    expect((await check(s.guard, minutes(-60))).json().results[0].outcome).toBe('stored');
  });
});
