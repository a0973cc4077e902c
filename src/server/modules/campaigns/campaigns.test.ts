import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadWorkbook } from '../imports/roster/test-fixtures';

let t: TestApp;
let f: Fixture;
let secretary: string;
let volunteer: string;
let otherSecretary: string;
let campaignId: number;
let residentId: number;
let volunteerId: number;
let workerId: number;

const healthy = { leftCity: false, contactConfirmedCase: false, contactRiskAreaPeople: false, symptoms: [] };

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: secretary },
    payload: {
      householdId: f.a.householdIds[0],
      name: '孙建华',
      docType: 'resident_id',
      docNumber: syntheticId('19600303'),
      phone: '13700001111',
      relationToHead: 'self',
      residenceType: 'registered',
    },
  });
  residentId = created.json().resident.id;
  const ids = await t.services.database.pool.query<{ id: number; username: string }>(
    'select id, username from accounts where username = any($1)',
    [[f.a.usernames.volunteer, f.a.usernames.social_worker]],
  );
  volunteerId = ids.rows.find((r) => r.username === f.a.usernames.volunteer)?.id as number;
  workerId = ids.rows.find((r) => r.username === f.a.usernames.social_worker)?.id as number;
});
afterAll(() => t.close());

const api = (cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function myHouseholds(cookie = volunteer) {
  return (await api(cookie, 'GET', `/api/campaigns/${campaignId}/my-households`)).json();
}

describe('screening campaigns', () => {
  it('starts a campaign over every household of the community', async () => {
    const res = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '1月23日夜间入户排查',
      kind: 'screening',
    });
    expect(res.statusCode).toBe(201);
    campaignId = res.json().campaign.id;
    expect(res.json().campaign).toMatchObject({ targetCount: 3, status: 'active' });
  });

  it('can be narrowed to one building, and refuses places of another community', async () => {
    const one = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '2号楼复查',
      kind: 'screening',
      placeIds: [f.a.buildings[1]?.id],
    });
    expect(one.json().campaign.targetCount).toBe(1);
    const foreign = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '越界',
      kind: 'screening',
      placeIds: [f.b.buildings[0]?.id],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('placeIds');
    const volunteerStart = await api(volunteer, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '志愿者不能发起',
      kind: 'screening',
    });
    expect(volunteerStart.statusCode).toBe(403);
  });

  it('assigns buildings in bulk, within each volunteer’s own buildings', async () => {
    const before = await myHouseholds();
    expect(before.total).toBe(0);
    const wrong = await api(secretary, 'POST', `/api/campaigns/${campaignId}/assignments`, {
      items: [{ buildingId: f.a.buildings[1]?.id, accountId: volunteerId }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('不负责');
    const ok = await api(secretary, 'POST', `/api/campaigns/${campaignId}/assignments`, {
      items: [
        { buildingId: f.a.buildings[0]?.id, accountId: volunteerId, team: '一组' },
        { buildingId: f.a.buildings[1]?.id, accountId: workerId, team: '二组' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const mine = await myHouseholds();
    expect(mine.total).toBe(2);
    expect(mine.items.map((i: { room: string }) => i.room)).toEqual(['101', '102']);
    const withPerson = mine.items[0];
    expect(withPerson.residents).toEqual([
      expect.objectContaining({
        id: residentId,
        nameMasked: '孙*华',
        phoneMasked: expect.stringContaining('*'),
      }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('孙建华');
  });

  it('suggests a balanced split that respects volunteers’ buildings', async () => {
    const res = await api(
      secretary,
      'GET',
      `/api/campaigns/${campaignId}/assignment-suggestion?accountIds=${volunteerId}&accountIds=${workerId}`,
    );
    expect(res.statusCode).toBe(200);
    const { items, load } = res.json();
    // Building 1 (two households) may go to either; building 2 only to the social worker.
    expect(items).toHaveLength(2);
    const b2 = items.find((i: { buildingId: number }) => i.buildingId === f.a.buildings[1]?.id);
    expect(b2.accountId).toBe(workerId);
    expect(load.reduce((n: number, l: { households: number }) => n + l.households, 0)).toBe(3);
  });

  it('records nobody-home once, however often the phone sends it, and queues it for a call', async () => {
    const [target] = (await myHouseholds()).items.filter((i: { room: string }) => i.room === '102');
    const visit = { id: randomUUID(), targetId: target.id, outcome: 'nobody_home' };
    const first = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, visit);
    expect(first.statusCode).toBe(201);
    const again = await Promise.all([
      api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, visit),
      api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, visit),
    ]);
    expect(again.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(again[0]?.json().visit.id).toBe(first.json().visit.id);
    const rows = await t.services.database.pool.query(
      'select count(*)::int n from campaign_visits where client_id = $1',
      [visit.id],
    );
    expect(rows.rows[0].n).toBe(1);
    const queue = (await api(secretary, 'GET', `/api/campaigns/${campaignId}/queue`)).json();
    expect(queue.items).toEqual([expect.objectContaining({ id: target.id, attempts: 1, room: '102' })]);
  });

  it('a simultaneous first send is also stored once', async () => {
    const [target] = (await myHouseholds()).items.filter((i: { room: string }) => i.room === '102');
    const visit = { id: randomUUID(), targetId: target.id, outcome: 'nobody_home' };
    const both = await Promise.all([
      api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, visit),
      api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, visit),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const rows = await t.services.database.pool.query(
      'select count(*)::int n from campaign_visits where client_id = $1',
      [visit.id],
    );
    expect(rows.rows[0].n).toBe(1);
    const target2 = (await myHouseholds()).items.find((i: { id: number }) => i.id === target.id);
    expect(target2.attempts).toBe(2);
  });

  it('screening at the door goes through the registration form', async () => {
    const [target] = (await myHouseholds()).items.filter((i: { room: string }) => i.room === '101');
    const noForm = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, {
      id: randomUUID(),
      targetId: target.id,
      outcome: 'door',
    });
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().error.message).toContain('登记表');
    const stranger = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, {
      id: randomUUID(),
      targetId: target.id,
      outcome: 'door',
      declarations: [{ residentId: residentId + 100000, ...healthy }],
    });
    expect(stranger.statusCode).toBe(400);
    const ok = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, {
      id: randomUUID(),
      targetId: target.id,
      outcome: 'door',
      notes: '家中两人，均无异常',
      declarations: [{ residentId, ...healthy, temperature: 36.5 }],
    });
    expect(ok.statusCode).toBe(201);
    const [declarationId] = ok.json().visit.declarationIds;
    const declared = await t.services.database.pool.query(
      'select channel, recorded_by from declarations where id = $1',
      [declarationId],
    );
    expect(declared.rows[0]).toEqual({ channel: 'door_to_door', recorded_by: volunteerId });
  });

  it('keeps a volunteer to their buildings and another community out', async () => {
    const all = (await api(secretary, 'GET', `/api/campaigns/${campaignId}/queue?minAttempts=1`)).json();
    expect(all.items).toHaveLength(1);
    const units = (await api(secretary, 'GET', `/api/campaigns/${campaignId}/assignments`)).json();
    expect(units.units).toHaveLength(2);
    const rows = await t.services.database.pool.query<{ id: number }>(
      'select id from campaign_targets where campaign_id = $1 and building_id = $2',
      [campaignId, f.a.buildings[1]?.id],
    );
    const outside = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, {
      id: randomUUID(),
      targetId: rows.rows[0]?.id,
      outcome: 'vacant',
    });
    expect(outside.statusCode).toBe(404);
    expect((await api(otherSecretary, 'GET', `/api/campaigns/${campaignId}/progress`)).statusCode).toBe(404);
    const list = (await api(otherSecretary, 'GET', '/api/campaigns')).json();
    expect(list.items.some((c: { id: number }) => c.id === campaignId)).toBe(false);
  });

  it('lists each campaign with done of total, percent and due date, from one grouped count', async () => {
    const res = await api(secretary, 'GET', `/api/campaigns?communityId=${f.a.community.id}`);
    expect(res.statusCode).toBe(200);
    const sweep = res.json().items.find((c: { id: number }) => c.id === campaignId);
    expect(sweep).toMatchObject({ targetCount: 3, done: 1, percent: 33.3, endsOn: null });
    const untouched = res.json().items.find((c: { name: string }) => c.name === '2号楼复查');
    expect(untouched).toMatchObject({ targetCount: 1, done: 0, percent: 0 });
    const due = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '限期排查',
      kind: 'screening',
      startsOn: '2026-01-01',
      endsOn: '2026-01-10',
    });
    expect(due.statusCode).toBe(201);
    const again = (await api(secretary, 'GET', '/api/campaigns')).json();
    expect(again.items.find((c: { id: number }) => c.id === due.json().campaign.id)).toMatchObject({
      endsOn: '2026-01-10',
      done: 0,
    });
  });

  it('shows progress by building, person, team and hour, and who is behind', async () => {
    const res = await api(secretary, 'GET', `/api/campaigns/${campaignId}/progress?minAttempts=2`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ total: 3, done: 1, percent: 33.3, neverReached: 1 });
    expect(p.byOutcome).toMatchObject({ door: 1, nobody_home: 1, not_visited: 1 });
    expect(p.byBuilding).toEqual([
      expect.objectContaining({ name: '1号楼', total: 2, done: 1, nobodyHome: 1, percent: 50 }),
      expect.objectContaining({ name: '2号楼', total: 1, done: 0, percent: 0 }),
    ]);
    expect(p.byTeam).toEqual(
      expect.arrayContaining([expect.objectContaining({ team: '一组', total: 2, done: 1 })]),
    );
    expect(p.byHour.reduce((n: number, h: { visits: number }) => n + h.visits, 0)).toBe(3);
    expect(p.behind).toEqual([expect.objectContaining({ accountId: workerId, percent: 0 })]);
  });

  it('closes with a masked, audited Excel summary, and takes no more visits', async () => {
    const closed = await api(secretary, 'POST', `/api/campaigns/${campaignId}/close`);
    expect(closed.json().campaign.status).toBe('closed');
    const res = await api(secretary, 'GET', `/api/campaigns/${campaignId}/summary`);
    expect(res.statusCode).toBe(200);
    const workbook = await loadWorkbook(res.rawPayload);
    const sheet = workbook.getWorksheet('各户结果');
    const heads = sheet?.getColumn(5).values.filter(Boolean);
    expect(heads).toContain('孙*华');
    const text = JSON.stringify(sheet?.getSheetValues());
    expect(text).not.toContain('孙建华');
    expect(text).not.toContain('13700001111');
    const audit = await t.services.database.pool.query(
      "select count(*)::int n from audit_log where action = 'export' and entity = 'campaign' and entity_id = $1",
      [campaignId],
    );
    expect(audit.rows[0].n).toBe(1);
    const late = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/visits`, {
      id: randomUUID(),
      targetId: (await myHouseholds()).items[0].id,
      outcome: 'vacant',
    });
    expect(late.statusCode).toBe(400);
  });

  it('visits sent together share one statement, each checked against its own sender and door', async () => {
    const res = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '复查',
      kind: 'screening',
    });
    const second = res.json().campaign.id;
    const targets = await t.services.database.pool.query<{ id: number }>(
      'select id from campaign_targets where campaign_id = $1 order by id',
      [second],
    );
    const [door, other] = targets.rows.map((r) => r.id);
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const send = (cookie: string, targetId: number | undefined, outcome: string, visitedAt: string) =>
      api(cookie, 'POST', `/api/campaigns/${second}/visits`, {
        id: randomUUID(),
        targetId,
        outcome,
        visitedAt,
      });
    const answers = await Promise.all([
      send(secretary, door, 'vacant', at(30)),
      send(secretary, door, 'refused', at(10)), // the later visit decides the door's outcome
      send(otherSecretary, other, 'vacant', at(5)), // another community's secretary: not found
      send(secretary, other, 'nobody_home', at(20)),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 404, 201]);
    const rows = await t.services.database.pool.query<{ id: number; attempts: number; outcome: string }>(
      'select id, attempts, outcome from campaign_targets where campaign_id = $1 order by id',
      [second],
    );
    expect(rows.rows.find((r) => r.id === door)).toMatchObject({ attempts: 2, outcome: 'refused' });
    expect(rows.rows.find((r) => r.id === other)).toMatchObject({ attempts: 1, outcome: 'nobody_home' });
  });
});
