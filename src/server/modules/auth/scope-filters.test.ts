import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { gates } from '../places/places.table';

// "Also" of issue 11: a filter naming another community's place (?communityId=, a building, a gate, a
// compound) must answer exactly as a filter naming nothing: the same status and the same body, so no
// one can tell "exists elsewhere" from "does not exist". Community B's secretary probes A.
let t: TestApp;
let f: Fixture;
let b: string;
let ownCampaign: number;
let gateA: number;
const MISSING = 2_000_000_000;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  b = await login(t, f.b.usernames.community_secretary);
  const [gate] = await t.services.database.db
    .insert(gates)
    .values({ communityId: f.a.community.id, compoundId: f.a.compound.id, name: '甲西门' })
    .returning();
  gateA = gate?.id as number;
  const campaign = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie: b },
    payload: {
      communityId: f.b.community.id,
      name: '乙社区楼道检查',
      kind: 'corridor_clutter',
      checklist: ['楼道'],
    },
  });
  ownCampaign = campaign.json().campaign.id;
});
afterAll(() => t.close());

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Each filter with A's id in place of `{}`; the same URL with an id that exists nowhere must answer alike. */
const FILTERS: Array<[string, () => string, () => number]> = [
  ['residents by community', () => '/api/residents?communityId={}', () => f.a.community.id],
  ['residents by household', () => '/api/residents?householdId={}', () => f.a.householdIds[0] as number],
  ['declarations by community', () => '/api/declarations?communityId={}', () => f.a.community.id],
  ['declarations by building', () => '/api/declarations?buildingId={}', () => f.a.buildings[0]?.id as number],
  ['campaigns by community', () => '/api/campaigns?communityId={}', () => f.a.community.id],
  [
    'findings by building',
    () => `/api/campaigns/${ownCampaign}/findings?buildingId={}`,
    () => f.a.buildings[0]?.id as number,
  ],
  ['imports by community', () => '/api/imports?communityId={}', () => f.a.community.id],
  ['posters by community', () => '/api/posters?communityId={}', () => f.a.community.id],
  [
    'form in force for a community',
    () => '/api/form-versions/in-force?communityId={}',
    () => f.a.community.id,
  ],
  ['access settings of a community', () => '/api/access/settings?communityId={}', () => f.a.community.id],
  ['passes by community', () => '/api/access/passes?communityId={}', () => f.a.community.id],
  ['passes by compound', () => '/api/access/passes?compoundId={}', () => f.a.compound.id],
  ['pass print sheet of a compound', () => '/api/access/passes/print?compoundId={}', () => f.a.compound.id],
  ['gate checks by gate', () => '/api/access/checks?gateId={}', () => gateA],
  [
    'gate view of a community',
    () => `/api/access/gate-view?communityId={}&day=${today}`,
    () => f.a.community.id,
  ],
  ['shifts of a gate', () => `/api/access/shifts?gateId={}&from=${today}&to=${today}`, () => gateA],
  ['who may take a gate’s shifts', () => '/api/access/shifts/accounts?gateId={}', () => gateA],
  ['inspections by gate', () => '/api/access/inspections?gateId={}', () => gateA],
  ['building grid of a community', () => '/api/communities/{}/building-grid', () => f.a.community.id],
  ['profile of a building', () => '/api/buildings/{}/profile', () => f.a.buildings[0]?.id as number],
  ['a place', () => '/api/places/{}', () => f.a.compound.id],
  ['households of a place', () => '/api/places/{}/households', () => f.a.entrance.id],
];

describe('a filter naming another community answers as one naming nothing', () => {
  it.each(FILTERS)('%s', async (_name, url, id) => {
    const ask = (value: number) =>
      t.app.inject({ method: 'GET', url: url().replace('{}', String(value)), headers: { cookie: b } });
    const [elsewhere, nowhere] = [await ask(id()), await ask(MISSING)];
    expect({ status: elsewhere.statusCode, body: elsewhere.json() }).toEqual({
      status: nowhere.statusCode,
      body: nowhere.json(),
    });
    expect(elsewhere.body).not.toContain(f.a.community.name);
  });
});

describe('a volunteer’s filter naming a building of her community that is not hers', () => {
  let volunteer: string;
  let secretaryA: string;
  beforeAll(async () => {
    volunteer = await login(t, f.a.usernames.volunteer);
    secretaryA = await login(t, f.a.usernames.community_secretary);
  });
  // The volunteer of community A has building 1; building 2 (and its household) is A's, not hers.
  const notHers: Array<[string, () => string, () => number]> = [
    ['residents by household', () => '/api/residents?householdId={}', () => f.a.householdIds[2] as number],
    [
      'declarations by building',
      () => '/api/declarations?buildingId={}',
      () => f.a.buildings[1]?.id as number,
    ],
    ['a household', () => '/api/households/{}', () => f.a.householdIds[2] as number],
    ['profile of a building', () => '/api/buildings/{}/profile', () => f.a.buildings[1]?.id as number],
    ['households of a place', () => '/api/places/{}/households', () => f.a.buildings[1]?.id as number],
  ];
  it.each(notHers)('%s', async (_name, url, id) => {
    const ask = (cookie: string, value: number) =>
      t.app.inject({ method: 'GET', url: url().replace('{}', String(value)), headers: { cookie } });
    // The secretary sees it (so it exists); the volunteer is answered as if it did not.
    expect((await ask(secretaryA, id())).statusCode).toBe(200);
    const [elsewhere, nowhere] = [await ask(volunteer, id()), await ask(volunteer, MISSING)];
    expect({ status: elsewhere.statusCode, body: elsewhere.json() }).toEqual({
      status: nowhere.statusCode,
      body: nowhere.json(),
    });
  });
});

describe('another district’s officer', () => {
  let officer: string;
  beforeAll(async () => {
    officer = await login(t, (await createFixture(t.services)).officer);
  });
  it.each(FILTERS)('%s', async (_name, url, id) => {
    const ask = (value: number) =>
      t.app.inject({ method: 'GET', url: url().replace('{}', String(value)), headers: { cookie: officer } });
    const [elsewhere, nowhere] = [await ask(id()), await ask(MISSING)];
    expect({ status: elsewhere.statusCode, body: elsewhere.json() }).toEqual({
      status: nowhere.statusCode,
      body: nowhere.json(),
    });
  });
});
