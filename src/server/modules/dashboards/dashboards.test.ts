import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillRows, PlaceDashboard } from '../../../shared/dashboards/dashboards-responses';
import { CORE_INDICATORS } from '../../../shared/dashboards/indicators';
import type { BigScreen } from '../../../shared/dashboards/screens-responses';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createIndicatorRegistry } from './indicator-registry';

let t: TestApp;
let f: Fixture;
let secretaryA: string;
let secretaryB: string;
let officer: string;
let feverish: number;
let feverDoc: string;
let feverStatus: string;

async function addResident(
  cookie: string,
  householdId: number | undefined,
  extra: Record<string, unknown> = {},
) {
  const docNumber = syntheticId('19600101');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie },
    payload: {
      householdId,
      name: '看板人',
      docType: 'resident_id',
      docNumber,
      relationToHead: 'self',
      residenceType: 'registered',
      ...extra,
    },
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().resident.id as number, docNumber };
}

async function get<T>(cookie: string, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.json() as T };
}

const tile = (d: PlaceDashboard, id: string) => d.tiles.find((x) => x.indicator === id);

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretaryA = await login(t, f.a.usernames.community_secretary);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  officer = await login(t, f.officer);
  await addResident(secretaryA, f.a.householdIds[0]);
  await addResident(secretaryA, f.a.householdIds[1], { residenceType: 'floating' });
  const person = await addResident(secretaryA, f.a.householdIds[2], { relationToHead: 'spouse' });
  feverish = person.id;
  feverDoc = person.docNumber;
  await addResident(secretaryB, f.b.householdIds[0]);
  const declared = await t.app.inject({
    method: 'POST',
    url: '/api/declarations',
    headers: { cookie: secretaryA },
    payload: {
      residentId: feverish,
      channel: 'door_to_door',
      leftCity: false,
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: ['fever', 'cough'],
    },
  });
  expect(declared.statusCode).toBe(201);
  feverStatus = declared.json().declaration.status;
  await t.services.dashboards.refresh(beijingToday(), [f.a.community.id, f.b.community.id]);
});

afterAll(async () => {
  await t?.close();
});

describe('the indicator dictionary', () => {
  it('defines every number once, with names, 口径, formula, unit and owner', async () => {
    const { status, body } = await get<{ items: typeof CORE_INDICATORS }>(
      officer,
      '/api/dashboards/indicators',
    );
    expect(status).toBe(200);
    const ids = body.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of body.items) {
      expect(i.name.zh && i.name.en && i.definition.zh && i.formula && i.unit.zh && i.owner).toBeTruthy();
    }
    expect(ids).toEqual(
      expect.arrayContaining(['status.referred_to_clinic', 'declarations.today', 'gate.fevers']),
    );
  });

  it('refuses a second definition of one number and a ratio without its parts', () => {
    const one = CORE_INDICATORS.find((i) => i.id === 'people.households');
    if (!one) throw new Error('no households indicator');
    const source = { owner: 'people', indicators: [one], compute: async () => [] };
    expect(() => createIndicatorRegistry([source, { ...source }])).toThrow(/twice/);
    const ratio = { ...one, id: 'x.ratio', kind: 'ratio' as const, numerator: 'nope', denominator: one.id };
    expect(() => createIndicatorRegistry([{ ...source, indicators: [one, ratio] }])).toThrow(/ratio/);
  });
});

describe('dashboards', () => {
  it('shows a community today, by building, with the time its data is from', async () => {
    const { status, body } = await get<PlaceDashboard>(
      secretaryA,
      `/api/dashboards/places/${f.a.community.id}`,
    );
    expect(status).toBe(200);
    expect(tile(body, 'people.residents')?.value).toBe(3);
    expect(tile(body, 'people.residents.floating')?.value).toBe(1);
    expect(tile(body, 'people.households')?.value).toBe(3);
    expect(tile(body, 'declarations.today')?.value).toBe(1);
    expect(tile(body, `status.${feverStatus}`)?.value).toBe(1);
    expect(body.asOf).not.toBeNull();
    expect(body.stale).toBe(false);
    expect(body.children.map((c) => c.place.name)).toEqual(['1号楼', '2号楼']);
    expect(body.children[0]?.values['people.residents']).toBe(2);
    expect(body.children[1]?.values['people.residents']).toBe(1);
    expect(body.trend.days).toHaveLength(30);
    expect(body.trend.series['people.residents']?.at(-1)).toBe(3);
    expect(body.trail.map((p) => p.id)).toEqual([f.a.community.id]);
  });

  it('sets the communities of a sub-district side by side, from the facts only', async () => {
    const { status, body } = await get<PlaceDashboard>(officer, `/api/dashboards/places/${f.subdistrict.id}`);
    expect(status).toBe(200);
    expect(tile(body, 'people.residents')?.value).toBe(4);
    const byName = Object.fromEntries(body.children.map((c) => [c.place.name, c.values]));
    expect(byName.甲社区?.['people.residents']).toBe(3);
    expect(byName.乙社区?.['people.residents']).toBe(1);
    // A new resident is not seen above the community until the facts are computed again.
    await addResident(secretaryB, f.b.householdIds[1]);
    const before = await get<PlaceDashboard>(officer, `/api/dashboards/places/${f.subdistrict.id}`);
    expect(tile(before.body, 'people.residents')?.value).toBe(4);
    await t.services.dashboards.refresh(beijingToday(), [f.b.community.id]);
    const after = await get<PlaceDashboard>(officer, `/api/dashboards/places/${f.subdistrict.id}`);
    expect(tile(after.body, 'people.residents')?.value).toBe(5);
    // The district above sums the same.
    const district = await get<PlaceDashboard>(officer, `/api/dashboards/places/${f.district.id}`);
    expect(district.status).toBe(404); // above the officer's own place
  });

  it('marks data older than five minutes stale', async () => {
    const actor = {
      scope: {
        placeId: f.subdistrict.id,
        placePath: f.subdistrict.path,
        communityIds: [f.a.community.id, f.b.community.id],
        buildingIds: null,
      },
    };
    const later = new Date(Date.now() + 6 * 60_000);
    const answer = await t.services.dashboards.place(actor as never, f.subdistrict.id, later);
    expect(answer.stale).toBe(true);
  });

  it('says the change since the day before', async () => {
    const today = beijingToday();
    await t.services.dashboards.refresh(addDays(today, -1), [f.a.community.id]);
    await addResident(secretaryA, f.a.householdIds[0], { residenceType: 'long_term_renter' });
    await t.services.dashboards.refresh(today, [f.a.community.id]);
    const { body } = await get<PlaceDashboard>(secretaryA, `/api/dashboards/places/${f.a.community.id}`);
    expect(tile(body, 'people.residents')).toMatchObject({ value: 4, yesterday: 3, change: 1 });
  });

  it('answers another community, or a place above the caller, as not found', async () => {
    expect((await get(secretaryB, `/api/dashboards/places/${f.a.community.id}`)).status).toBe(404);
    expect((await get(secretaryA, `/api/dashboards/places/${f.subdistrict.id}`)).status).toBe(404);
    expect((await get(secretaryA, `/api/dashboards/places/${f.a.buildings[0]?.id}`)).status).toBe(200);
    expect((await get(secretaryB, `/api/dashboards/places/2000000000`)).status).toBe(404);
  });
});

describe('drill-down', () => {
  it('lists the people behind a status number, masked', async () => {
    const url = `/api/dashboards/rows?indicator=status.${feverStatus}&placeId=${f.a.community.id}`;
    const { status, body } = await get<DrillRows>(officer, url);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.items[0]?.residentId).toBe(feverish);
    expect(body.items[0]?.docMasked).toContain('*');
    expect(JSON.stringify(body)).not.toContain(feverDoc);
    expect(body.trail.map((p) => p.id)).toEqual([f.subdistrict.id, f.a.community.id]);
  });

  it('narrows to a building and lists the day’s declarations', async () => {
    const b2 = f.a.buildings[1]?.id;
    const people = await get<DrillRows>(
      secretaryA,
      `/api/dashboards/rows?indicator=people.residents&placeId=${b2}`,
    );
    expect(people.body.total).toBe(1);
    const forms = await get<DrillRows>(
      secretaryA,
      `/api/dashboards/rows?indicator=declarations.today&placeId=${f.a.community.id}`,
    );
    expect(forms.body.items.map((r) => r.residentId)).toEqual([feverish]);
  });

  it('refuses a number without rows, an unknown indicator, and another community', async () => {
    const a = f.a.community.id;
    expect((await get(secretaryA, `/api/dashboards/rows?indicator=gate.in&placeId=${a}`)).status).toBe(400);
    expect((await get(secretaryA, `/api/dashboards/rows?indicator=nope.nope&placeId=${a}`)).status).toBe(400);
    expect(
      (await get(officer, `/api/dashboards/rows?indicator=people.residents&placeId=${f.subdistrict.id}`))
        .status,
    ).toBe(400);
    expect(
      (await get(secretaryB, `/api/dashboards/rows?indicator=people.residents&placeId=${a}`)).status,
    ).toBe(404);
  });
});

describe('the big screen', () => {
  it('opens by its link without signing in, aggregates only with small counts suppressed, until revoked', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/screens',
      headers: { cookie: officer },
      payload: { placeId: f.subdistrict.id, name: '指挥中心' },
    });
    expect(made.statusCode).toBe(201);
    const { token, screen } = made.json() as { token: string; screen: { id: number } };
    await t.services.dashboards.refresh(beijingToday(), [f.a.community.id, f.b.community.id]);
    const wall = await t.app.inject({ method: 'GET', url: `/api/public/screens/${token}` });
    expect(wall.statusCode).toBe(200);
    const body = wall.json() as BigScreen;
    const residents = body.tiles.find((x) => x.indicator === 'people.residents');
    expect(residents).toMatchObject({ value: 6, suppressed: false });
    // A's one person under that status: too few to show.
    const few = body.children.find((c) => c.name === '甲社区')?.values[`status.${feverStatus}`];
    expect(few).toEqual({ value: null, suppressed: true });
    expect(JSON.stringify(body)).not.toContain('看板人');
    // Another sub-district's officer cannot make one for this place; the link ends when revoked.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/screens',
          headers: { cookie: secretaryA },
          payload: { placeId: f.subdistrict.id, name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/screens/${screen.id}/revoke`,
      headers: { cookie: officer },
    });
    expect(revoked.json().screen.revokedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/screens/${token}` })).statusCode).toBe(404);
    const { rows } = await t.services.database.pool.query<{ action: string; detail: { revoked?: boolean } }>(
      `select action, detail from audit_log where entity = 'screen_link' and entity_id = $1 order by id`,
      [screen.id],
    );
    expect(rows.map((r) => [r.action, r.detail.revoked ?? false])).toEqual([
      ['create', false],
      ['update', true],
    ]);
  });
});
