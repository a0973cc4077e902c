// Issue 13 item 6: the menu's badges — what waits for an account, counted within its scope only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretaryA: string;
let secretaryB: string;
let volunteerA: string;
let officer: string;
let token: string;

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const waiting = async (cookie: string) => {
  const res = await call(cookie, 'GET', '/api/waiting');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A resident's own declaration on community A's poster (a new person registers themselves). */
const declare = (person: { name: string; doc: string }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/declarations',
    payload: {
      token,
      person: { name: person.name, docType: 'resident_id', docNumber: person.doc, phone: '13700002222' },
      address: { buildingId: f.a.buildings[1]?.id, room: '302' },
      leftCity: false,
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: [],
      consent: true,
      clientId: randomUUID(),
    },
  });

beforeAll(async () => {
  t = await createTestApp({ DASHU_PUBLIC_RATE_LIMIT: '1000' });
  f = await createFixture(t.services);
  secretaryA = await login(t, f.a.usernames.community_secretary);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  volunteerA = await login(t, f.a.usernames.volunteer);
  officer = await login(t, f.officer);
  token = (await call(secretaryA, 'POST', '/api/posters', { placeId: f.a.compound.id })).json().poster
    .token as string;
});
afterAll(() => t.close());

describe('what waits (GET /api/waiting)', () => {
  it('counts self-registrations, reviews and overdue requests for community A, and none of them for B', async () => {
    const before = { a: await waiting(secretaryA), b: await waiting(secretaryB) };
    expect(before.a).toEqual({ selfRegistrations: 0, declarationReviews: 0, requestsOverdue: 0 });

    // Two strangers register themselves on A's poster: two people to verify.
    for (const name of ['赵自登', '钱自登']) {
      const res = await declare({ name, doc: syntheticId('19750505') });
      expect(res.statusCode, res.body).toBe(201);
    }
    // A registered person declares under another name: one declaration to review.
    const doc = syntheticId('19660101');
    const created = await call(secretaryA, 'POST', '/api/residents', {
      householdId: f.a.householdIds[2],
      name: '孙登记',
      docType: 'resident_id',
      docNumber: doc,
      relationToHead: 'other',
      residenceType: 'registered',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await declare({ name: '孙等级', doc })).statusCode).toBe(201);
    // A request whose time ran out.
    const categories = (await call(secretaryA, 'GET', '/api/request-categories')).json().items;
    const filed = await call(secretaryA, 'POST', '/api/requests', {
      communityId: f.a.community.id,
      requesterName: '王大妈',
      categoryId: categories[0].id,
      text: '楼道灯坏了',
      channel: 'walk_in',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    await t.services.database.pool.query(
      `update requests set contact_deadline = now() - interval '1 hour', resolve_deadline = now() - interval '1 hour'
       where community_id = $1 and id = $2`,
      [f.a.community.id, filed.json().request.id],
    );

    expect(await waiting(secretaryA)).toEqual({
      selfRegistrations: 2,
      declarationReviews: 1,
      requestsOverdue: 1,
    });
    // Community B sees nothing of A's; the officer above both sees the overdue request (requests.read)
    // but no registry or review counts (he neither verifies nor reviews).
    expect(await waiting(secretaryB)).toEqual(before.b);
    expect(await waiting(officer)).toEqual({ requestsOverdue: before.b.requestsOverdue + 1 });
    // A volunteer acts on none of these: no counts at all.
    expect(await waiting(volunteerA)).toEqual({});

    // Verifying one takes it off the badge.
    const list = (await call(secretaryA, 'GET', '/api/residents?unverified=true')).json().items;
    const one = list[0] as { id: number; version: number };
    const verified = await call(secretaryA, 'POST', `/api/residents/${one.id}/verify`, {
      version: one.version,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await waiting(secretaryA)).selfRegistrations).toBe(1);
  });

  it('needs a signed-in account', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/waiting' })).statusCode).toBe(401);
  });
});
