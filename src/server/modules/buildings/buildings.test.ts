import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretary: string;
let volunteer: string;

const healthy = { leftCity: false, contactConfirmedCase: false, contactRiskAreaPeople: false, symptoms: [] };

async function addResident(householdId: number | undefined, extra: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: secretary },
    payload: {
      householdId,
      name: '楼里人',
      docType: 'resident_id',
      docNumber: syntheticId('19450101'),
      relationToHead: 'self',
      residenceType: 'registered',
      ...extra,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().resident.id as number;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  await addResident(f.a.householdIds[0], { tags: ['elderly_alone', 'party_member'] });
  await addResident(f.a.householdIds[1], { residenceType: 'floating' });
  const feverish = await addResident(f.a.householdIds[1], { relationToHead: 'spouse' });
  await t.app.inject({
    method: 'POST',
    url: '/api/declarations',
    headers: { cookie: secretary },
    payload: { residentId: feverish, channel: 'door_to_door', ...healthy, symptoms: ['fever', 'cough'] },
  });
  const campaign = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie: secretary },
    payload: { communityId: f.a.community.id, name: '楼宇排查', kind: 'screening' },
  });
  const campaignId = campaign.json().campaign.id;
  const target = await t.services.database.pool.query<{ id: number }>(
    'select id from campaign_targets where campaign_id = $1 and household_id = $2',
    [campaignId, f.a.householdIds[0]],
  );
  await t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/visits`,
    headers: { cookie: secretary },
    payload: { id: randomUUID(), targetId: target.rows[0]?.id, outcome: 'nobody_home' },
  });
});
afterAll(() => t.close());

describe('building profile and grid (动态楼宇)', () => {
  it('colours every building of the community by the same figures', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${f.a.community.id}/building-grid`,
      headers: { cookie: secretary },
    });
    expect(res.statusCode).toBe(200);
    const [b1, b2] = res.json().items;
    expect(b1).toMatchObject({
      name: '1号楼',
      households: 2,
      residents: 3,
      renters: 1,
      vulnerable: 1,
      partyMembers: 1,
      attention: 1,
      campaignTotal: 2,
      campaignDone: 0,
    });
    expect(b2).toMatchObject({ name: '2号楼', households: 1, residents: 0, campaignTotal: 1 });
  });

  it('shows one building: entrances, volunteers, statuses and the last campaigns', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/buildings/${f.a.buildings[0]?.id}/profile`,
      headers: { cookie: secretary },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.entrances).toEqual([expect.objectContaining({ name: '1单元', households: 2 })]);
    expect(p.volunteers).toEqual([
      expect.objectContaining({ displayName: expect.stringContaining('volunteer') }),
    ]);
    expect(Object.values(p.statuses as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1);
    expect(p.campaigns[0]).toMatchObject({ name: '楼宇排查', outcomes: { nobody_home: 1, not_visited: 1 } });
  });

  it('keeps a volunteer to their own buildings and another community out', async () => {
    const grid = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${f.a.community.id}/building-grid`,
      headers: { cookie: volunteer },
    });
    expect(grid.json().items.map((b: { name: string }) => b.name)).toEqual(['1号楼']);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/buildings/${f.a.buildings[1]?.id}/profile`,
      headers: { cookie: volunteer },
    });
    expect(other.statusCode).toBe(404);
    const b = await login(t, f.b.usernames.community_secretary);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/buildings/${f.a.buildings[0]?.id}/profile`,
      headers: { cookie: b },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
