import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingInstant, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { phoneJpeg, uploadPhoto } from '../photos/test-jpegs';
import { gates } from '../places/places.table';

let t: TestApp;
let f: Fixture;
let secretary: string;
let worker: string;
let guard: string;
let guardB: string;
let secretaryB: string;
let gateId: number;
let guardId: number;
let volunteerId: number;
const day = addDays(beijingToday(), 3);

async function call(cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

async function accountId(username: string) {
  const res = await t.services.database.pool.query<{ id: number }>(
    'select id from accounts where username = $1',
    [username],
  );
  return res.rows[0]?.id as number;
}

const iso = (d: string, time: string) => beijingInstant(d, time).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  worker = await login(t, f.a.usernames.social_worker);
  guard = await login(t, f.a.usernames.gate_guard);
  guardB = await login(t, f.b.usernames.gate_guard);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  const [gate] = await t.services.database.db
    .insert(gates)
    .values({
      communityId: f.a.community.id,
      compoundId: f.a.compound.id,
      name: '北门',
      openingHours: '06:00-22:00',
    })
    .returning();
  gateId = gate?.id as number;
  guardId = await accountId(f.a.usernames.gate_guard);
  volunteerId = await accountId(f.a.usernames.volunteer);
});
afterAll(() => t.close());

describe('shifts', () => {
  it('creates the same shift every day of a week, lists them and the uncovered hours', async () => {
    const days = Array.from({ length: 7 }, (_, i) => addDays(day, i));
    const res = await call(secretary, 'POST', '/api/access/shifts', {
      gateId,
      accountId: guardId,
      note: '早班',
      shifts: days.map((d) => ({ startsAt: iso(d, '06:00'), endsAt: iso(d, '14:00') })),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().ids).toHaveLength(7);
    const list = await call(
      secretary,
      'GET',
      `/api/access/shifts?gateId=${gateId}&from=${day}&to=${days[6]}`,
    );
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.days).toEqual(days);
    expect(body.items).toHaveLength(7);
    expect(body.items[0]).toMatchObject({
      accountId: guardId,
      note: '早班',
      checkedInAt: null,
      state: 'upcoming',
      startsAt: iso(day, '06:00'),
    });
    expect(body.uncovered).toHaveLength(7);
    expect(body.uncovered[0]).toEqual({ day, from: '14:00', to: '22:00', minutes: 480 });
    const audit = await t.services.database.pool.query(
      `select count(*)::int n from audit_log where entity = 'gate_shift' and action = 'create' and community_id = $1`,
      [f.a.community.id],
    );
    expect(audit.rows[0].n).toBe(7);
  });

  it('refuses a shift ending before it starts, overlapping shifts of one person and outsiders', async () => {
    const backwards = await call(secretary, 'POST', '/api/access/shifts', {
      gateId,
      accountId: volunteerId,
      shifts: [{ startsAt: iso(day, '14:00'), endsAt: iso(day, '10:00') }],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'shift_invalid', field: 'endsAt' });
    expect(backwards.json().error.message).toContain('结束时间须晚于开始时间');

    const overlap = await call(secretary, 'POST', '/api/access/shifts', {
      gateId,
      accountId: guardId,
      shifts: [{ startsAt: iso(day, '13:00'), endsAt: iso(day, '18:00') }],
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('shift_overlap');

    const inBatch = await call(secretary, 'POST', '/api/access/shifts', {
      gateId,
      accountId: volunteerId,
      shifts: [
        { startsAt: iso(day, '14:00'), endsAt: iso(day, '18:00') },
        { startsAt: iso(day, '17:00'), endsAt: iso(day, '22:00') },
      ],
    });
    expect(inBatch.statusCode).toBe(409);

    const outsider = await call(secretary, 'POST', '/api/access/shifts', {
      gateId,
      accountId: await accountId(f.b.usernames.gate_guard),
      shifts: [{ startsAt: iso(day, '14:00'), endsAt: iso(day, '22:00') }],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.field).toBe('accountId');

    const tooLong = await call(
      secretary,
      'GET',
      `/api/access/shifts?gateId=${gateId}&from=${day}&to=${addDays(day, 40)}`,
    );
    expect(tooLong.statusCode).toBe(400);
  });

  it('lets only one of two overlapping shifts sent at once through', async () => {
    const d = addDays(day, 20);
    const body = {
      gateId,
      accountId: volunteerId,
      shifts: [{ startsAt: iso(d, '08:00'), endsAt: iso(d, '12:00') }],
    };
    const results = await Promise.all([
      call(secretary, 'POST', '/api/access/shifts', body),
      call(worker, 'POST', '/api/access/shifts', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('lets only managers create; a guard may not', async () => {
    const res = await call(guard, 'POST', '/api/access/shifts', {
      gateId,
      accountId: guardId,
      shifts: [{ startsAt: iso(day, '15:00'), endsAt: iso(day, '16:00') }],
    });
    expect(res.statusCode).toBe(403);
  });

  it('lists the accounts that can stand at the gate', async () => {
    const res = await call(worker, 'GET', `/api/access/shifts/accounts?gateId=${gateId}`);
    const ids = res.json().items.map((a: { id: number }) => a.id);
    expect(ids).toContain(guardId);
    expect(ids).toContain(volunteerId);
    expect(ids).not.toContain(await accountId(f.b.usernames.gate_guard));
  });

  it('deletes a shift with an audit row, and the hour becomes uncovered', async () => {
    const list = (
      await call(secretary, 'GET', `/api/access/shifts?gateId=${gateId}&from=${day}&to=${day}`)
    ).json();
    const id = list.items[0].id;
    expect((await call(secretaryB, 'DELETE', `/api/access/shifts/${id}`)).statusCode).toBe(404);
    expect((await call(worker, 'DELETE', `/api/access/shifts/${id}`)).statusCode).toBe(204);
    const after = (
      await call(secretary, 'GET', `/api/access/shifts?gateId=${gateId}&from=${day}&to=${day}`)
    ).json();
    expect(after.items).toHaveLength(0);
    expect(after.uncovered).toEqual([{ day, from: '06:00', to: '22:00', minutes: 960 }]);
    const audit = await t.services.database.pool.query(
      `select count(*)::int n from audit_log where entity = 'gate_shift' and action = 'delete' and entity_id = $1`,
      [id],
    );
    expect(audit.rows[0].n).toBe(1);
  });
});

describe('check-in', () => {
  it('refuses a guard with no shift now, then stamps the current shift once', async () => {
    const none = await call(guard, 'POST', '/api/gate/check-in', { gateId });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('no_shift_now');
    expect(none.json().error.message).toContain('没有排班');

    // A shift starting in 20 minutes: inside the 30-minute grace.
    const start = new Date(Date.now() + 20 * 60_000);
    const created = await call(secretary, 'POST', '/api/access/shifts', {
      gateId,
      accountId: guardId,
      shifts: [
        { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString() },
      ],
    });
    expect(created.statusCode).toBe(201);
    const first = await call(guard, 'POST', '/api/gate/check-in', { gateId });
    expect(first.statusCode).toBe(200);
    expect(first.json().shift).toMatchObject({ id: created.json().ids[0], state: 'on_time' });
    const again = await call(guard, 'POST', '/api/gate/check-in', { gateId });
    expect(again.json().shift.checkedInAt).toBe(first.json().shift.checkedInAt);

    const today = beijingToday();
    const list = (
      await call(
        secretary,
        'GET',
        `/api/access/shifts?gateId=${gateId}&from=${today}&to=${addDays(today, 1)}`,
      )
    ).json();
    expect(list.items.find((s: { id: number }) => s.id === created.json().ids[0])).toMatchObject({
      state: 'on_time',
      accountName: expect.any(String),
    });
  });

  it('does not let another community’s guard check in at this gate', async () => {
    expect((await call(guardB, 'POST', '/api/gate/check-in', { gateId })).statusCode).toBe(404);
  });
});

describe('inspections', () => {
  it('records an inspection with a photo, lists it newest first, and only the secretary may', async () => {
    const uploaded = await uploadPhoto(
      t,
      secretary,
      { communityId: f.a.community.id, purpose: 'inspection' },
      phoneJpeg(),
    );
    const photo = uploaded.json().photo as { id: string };
    const body = {
      gateId,
      staffed: true,
      thermometerOk: false,
      logComplete: true,
      visitorsRegistered: true,
      notes: '体温计没电',
      photoId: photo?.id,
    };
    expect((await call(worker, 'POST', '/api/access/inspections', body)).statusCode).toBe(403);
    const older = await call(secretary, 'POST', '/api/access/inspections', {
      ...body,
      photoId: null,
      inspectedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(older.statusCode).toBe(201);
    const res = await call(secretary, 'POST', '/api/access/inspections', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().inspection).toMatchObject({
      thermometerOk: false,
      photoId: photo?.id,
      notes: '体温计没电',
    });

    const list = (await call(worker, 'GET', `/api/access/inspections?gateId=${gateId}`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([
      res.json().inspection.id,
      older.json().inspection.id,
    ]);

    const badPhoto = await call(secretary, 'POST', '/api/access/inspections', {
      ...body,
      photoId: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(badPhoto.statusCode).toBe(400);
    expect(badPhoto.json().error.field).toBe('photoId');
    const future = await call(secretary, 'POST', '/api/access/inspections', {
      ...body,
      inspectedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);

    expect((await call(secretaryB, 'GET', `/api/access/inspections?gateId=${gateId}`)).statusCode).toBe(404);
    const id = older.json().inspection.id;
    expect((await call(secretaryB, 'DELETE', `/api/access/inspections/${id}`)).statusCode).toBe(404);
    expect((await call(secretary, 'DELETE', `/api/access/inspections/${id}`)).statusCode).toBe(204);
    const audit = await t.services.database.pool.query(
      `select action from audit_log where entity = 'duty_inspection' and community_id = $1 order by id`,
      [f.a.community.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'create', 'delete']);
  });
});
