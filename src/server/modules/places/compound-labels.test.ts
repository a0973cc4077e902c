import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildingLabel } from '../../../shared/places/address-label';
import { groupByCompound } from '../../../shared/places/compound-groups';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertHousehold } from '../people/people.repo';
import { insertChildPlace, type PlaceRow } from './places.repo';

// A community with two compounds, each with its own "1号楼": every list must say which one.
let t: TestApp;
let f: Fixture;
let secretary: string;
let east: PlaceRow;
let eastOne: PlaceRow;
let householdId: number;
let campaignId: number;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  const { db } = t.services.database;
  east = await insertChildPlace(db, f.a.community, {
    kind: 'compound',
    name: '东风苑',
    code: `t-${f.tag}-east`,
  });
  eastOne = await insertChildPlace(db, east, { kind: 'building', name: '1号楼', code: `t-${f.tag}-east1` });
  householdId = (
    await insertHousehold(db, {
      communityId: f.a.community.id,
      buildingId: eastOne.id,
      room: '301',
      floor: 3,
    })
  ).id;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: secretary },
    payload: {
      householdId,
      name: '东风人',
      docType: 'resident_id',
      docNumber: syntheticId('19700101'),
      relationToHead: 'self',
      residenceType: 'registered',
    },
  });
  expect(res.statusCode).toBe(201);
  const campaign = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie: secretary },
    payload: { communityId: f.a.community.id, name: '两个小区的排查', kind: 'screening' },
  });
  campaignId = campaign.json().campaign.id;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: secretary } });

describe('compounds named everywhere', () => {
  it('names the compound in a household label and a resident address', async () => {
    const household = await get(`/api/households/${householdId}`);
    expect(household.json().household).toMatchObject({ compoundName: '东风苑', label: '东风苑 1号楼 301' });
    const residents = await get(`/api/residents?householdId=${householdId}`);
    expect(residents.json().items[0].address).toBe('东风苑 1号楼 301');
  });

  it('names the compound in assignment units, the suggested split, door lists and progress', async () => {
    const units = (await get(`/api/campaigns/${campaignId}/assignments`)).json().units as Array<{
      buildingId: number;
      compoundName: string | null;
    }>;
    expect(units.find((u) => u.buildingId === eastOne.id)?.compoundName).toBe('东风苑');
    expect(units.find((u) => u.buildingId === f.a.buildings[0]?.id)?.compoundName).toBe('甲小区');
    const accountId = (await get(`/api/campaigns/${campaignId}/assignments`)).json().people[0].id;
    const suggestion = (
      await get(`/api/campaigns/${campaignId}/assignment-suggestion?accountIds=${accountId}`)
    ).json();
    expect(suggestion.items.find((i: { buildingId: number }) => i.buildingId === eastOne.id)).toMatchObject({
      compoundName: '东风苑',
      buildingName: '1号楼',
    });
    const progress = (await get(`/api/campaigns/${campaignId}/progress`)).json();
    expect(
      progress.byBuilding.map((b: { compoundName: string; name: string }) => `${b.compoundName} ${b.name}`),
    ).toEqual(expect.arrayContaining(['东风苑 1号楼', '甲小区 1号楼']));
  });

  it('groups the building grid and the sweep progress by compound', async () => {
    const grid = (await get(`/api/communities/${f.a.community.id}/building-grid`)).json().items as Array<{
      compoundId: number | null;
      compoundName: string | null;
      name: string;
    }>;
    const groups = groupByCompound(grid).map((g) => [g.compoundName, g.items.map((b) => b.name)]);
    expect(groups).toEqual([
      ['甲小区', ['1号楼', '2号楼']],
      ['东风苑', ['1号楼']],
    ]);
    expect(grid.find((b) => b.compoundName === '东风苑')?.compoundId).toBe(east.id);
    const progress = (await get(`/api/campaigns/${campaignId}/progress`)).json();
    expect(progress.byCompound).toEqual([
      expect.objectContaining({
        compoundId: f.a.compound.id,
        name: '甲小区',
        buildings: 2,
        total: 3,
        done: 0,
      }),
      expect.objectContaining({ compoundId: east.id, name: '东风苑', buildings: 1, total: 1, percent: 0 }),
    ]);
  });

  it('shows another community none of these compounds', async () => {
    const other = await login(t, f.b.usernames.community_secretary);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${f.a.community.id}/building-grid`,
      headers: { cookie: other },
    });
    expect([403, 404]).toContain(res.statusCode);
  });

  it('assigns a whole compound in one call from the suggested split, listed in walking order', async () => {
    const people = (await get(`/api/campaigns/${campaignId}/assignments`)).json().people as Array<{
      id: number;
      role: string;
    }>;
    const staff = people.find((p) => p.role === 'community_secretary')?.id;
    const suggestion = (
      await get(`/api/campaigns/${campaignId}/assignment-suggestion?accountIds=${staff}`)
    ).json();
    expect(
      suggestion.items.map((i: { compoundName: string; buildingName: string }) => buildingLabel(i)),
    ).toEqual(['甲小区 1号楼', '甲小区 2号楼', '东风苑 1号楼']);
    const eastRows = suggestion.items.filter((i: { compoundId: number }) => i.compoundId === east.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/assignments`,
      headers: { cookie: secretary },
      payload: {
        items: eastRows.map((i: { buildingId: number }) => ({ buildingId: i.buildingId, accountId: staff })),
      },
    });
    expect(res.json()).toEqual({ assigned: 1 });
    const after = (await get(`/api/campaigns/${campaignId}/assignments`)).json();
    expect(after.assignments.map((a: { buildingId: number }) => a.buildingId)).toEqual([eastOne.id]);
  });
});
