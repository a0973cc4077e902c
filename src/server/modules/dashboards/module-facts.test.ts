import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDictionary, PlaceDashboard } from '../../../shared/dashboards/dashboards-responses';
import { beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

// Issue 17: observation, requests and care register their numbers in the one dictionary; the facts job
// counts them per community and the dashboards show them like every other tile.
let t: TestApp;
let f: Fixture;
let secretaryA: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretaryA = await login(t, f.a.usernames.community_secretary);
});
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: secretaryA } });
  expect(res.statusCode, `${url} ${res.body}`).toBe(200);
  return res.json() as T;
};

describe('the new modules’ indicators', () => {
  it('are in the dictionary, each owned by its module', async () => {
    const { items } = await get<IndicatorDictionary>('/api/dashboards/indicators');
    const owners = new Map(items.map((i) => [i.id, i.owner]));
    expect(owners.get('observation.active')).toBe('observation');
    expect(owners.get('requests.open')).toBe('requests');
    expect(owners.get('care.tasks_open')).toBe('helpers');
  });

  it('count a request received today, open, on the community’s dashboard after the facts job', async () => {
    const tile = (d: PlaceDashboard, id: string) => d.tiles.find((x) => x.indicator === id)?.value ?? 0;
    await t.services.dashboards.refresh(beijingToday(), [f.a.community.id]);
    const before = await get<PlaceDashboard>(`/api/dashboards/places/${f.a.community.id}`);
    const categories = (await get<{ items: { id: number; code: string }[] }>('/api/request-categories'))
      .items;
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { cookie: secretaryA },
      payload: {
        communityId: f.a.community.id,
        placeId: f.a.buildings[0]?.id,
        requesterName: '王大妈',
        phone: '13812345678',
        categoryId: categories.find((c) => c.code === 'general')?.id,
        text: '楼道灯坏了',
        channel: 'walk_in',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    await t.services.dashboards.refresh(beijingToday(), [f.a.community.id]);
    const after = await get<PlaceDashboard>(`/api/dashboards/places/${f.a.community.id}`);
    expect(tile(after, 'requests.received') - tile(before, 'requests.received')).toBe(1);
    expect(tile(after, 'requests.open') - tile(before, 'requests.open')).toBe(1);
    expect(tile(after, 'observation.active')).toBe(0);
    expect(tile(after, 'care.tasks_open')).toBe(0);
  });
});
