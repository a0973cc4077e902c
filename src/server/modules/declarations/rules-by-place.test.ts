import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type StatusRule } from '../../../shared/declarations';
import { addResident, type City, createCity, declareFor, statusOf } from '../../test/city-fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let c: City;

beforeAll(async () => {
  t = await createTestApp();
  c = await createCity(t);
});
afterAll(() => t.close());

/** The default rules with the clinic's fever threshold moved: an easy way to tell sets apart. */
const feverAt = (threshold: number): StatusRule[] =>
  DEFAULT_RULES.map((rule, i) => (i === 0 ? { ...rule, when: { temperatureAtLeast: threshold } } : rule));

const putRules = (cookie: string, rules: StatusRule[], placeId?: number) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/status-rules',
    headers: { cookie },
    payload: placeId === undefined ? { rules } : { placeId, rules },
  });
const getRules = (cookie: string, placeId?: number) =>
  t.app.inject({
    method: 'GET',
    url: `/api/status-rules${placeId === undefined ? '' : `?placeId=${placeId}`}`,
    headers: { cookie },
  });

describe('status rule sets belong to a place', () => {
  let hdResident: number;
  let cyResident: number;

  it('a Haidian officer cannot replace the rules Chaoyang uses, nor re-judge its residents', async () => {
    hdResident = await addResident(t, c.haidian.local);
    cyResident = await addResident(t, c.chaoyang.local);
    expect(await declareFor(t, c.haidian.local, hdResident, { temperature: 36.6 })).toBe('normal');
    expect(await declareFor(t, c.chaoyang.local, cyResident, { temperature: 36.6 })).toBe('normal');

    const own = await putRules(c.haidian.officer, feverAt(36.5));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ placeId: c.haidian.district.id, examined: 1, changed: 1 });
    expect((await statusOf(t, c.haidian.local, hdResident)).status?.status).toBe('referred_to_clinic');
    const chaoyang = await statusOf(t, c.chaoyang.local, cyResident);
    expect(chaoyang.status?.status).toBe('normal');
    expect(chaoyang.history.map((h) => h.cause)).toEqual(['declaration']);
    // Chaoyang's staff still read the built-in rules; Haidian's read their district's set.
    expect((await getRules(c.chaoyang.local.secretary)).json()).toMatchObject({
      isDefault: true,
      setAt: null,
    });
    expect((await getRules(c.haidian.local.secretary)).json()).toMatchObject({
      version: own.json().version,
      inherited: true,
      setAt: { id: c.haidian.district.id, name: '海淀区' },
    });
    // Chaoyang's district, its community and the city above both are outside Haidian: as if missing.
    for (const placeId of [c.chaoyang.district.id, c.chaoyang.local.community.id, c.city.id]) {
      expect((await putRules(c.haidian.officer, feverAt(36.5), placeId)).statusCode).toBe(404);
      expect((await getRules(c.haidian.officer, placeId)).statusCode).toBe(404);
    }
  });

  it('judges each community by the nearest set above it: sub-district, then district, then city', async () => {
    const city = await putRules(c.rootOfficer, feverAt(37.0));
    expect(city.statusCode).toBe(200);
    // The city's set governs Chaoyang (no set of its own); Haidian keeps its district's.
    expect((await getRules(c.chaoyang.local.secretary)).json()).toMatchObject({
      version: city.json().version,
      setAt: { id: c.city.id },
    });
    expect((await getRules(c.haidian.local.secretary)).json().setAt.id).toBe(c.haidian.district.id);
    const cyFever = await addResident(t, c.chaoyang.local);
    expect(await declareFor(t, c.chaoyang.local, cyFever, { temperature: 37.1 })).toBe('referred_to_clinic');
    const hdMild = await addResident(t, c.haidian.local);
    expect(await declareFor(t, c.haidian.local, hdMild, { temperature: 36.7 })).toBe('referred_to_clinic');

    // Haidian sets a laxer set for its sub-district: that sub-district's people are judged by it now.
    const sub = await putRules(c.haidian.officer, feverAt(38.0), c.haidian.subdistrict.id);
    expect(sub.json()).toMatchObject({ placeId: c.haidian.subdistrict.id, changed: 2 });
    expect((await statusOf(t, c.haidian.local, hdMild)).status?.status).toBe('normal');
    expect((await getRules(c.haidian.local.secretary)).json().setAt).toMatchObject({
      id: c.haidian.subdistrict.id,
      name: '海淀街道',
    });
    // The district officer reads their own place's set, and may pick the sub-district's.
    expect((await getRules(c.haidian.officer)).json()).toMatchObject({ inherited: false, editable: true });
    expect((await getRules(c.haidian.officer, c.haidian.subdistrict.id)).json().version).toBe(
      sub.json().version,
    );

    // A new city set reaches the communities it governs, not those with a nearer set of their own.
    const stricter = await putRules(c.rootOfficer, feverAt(36.0));
    expect(stricter.json().examined).toBe(2);
    expect((await statusOf(t, c.chaoyang.local, cyResident)).status?.status).toBe('referred_to_clinic');
    const untouched = await statusOf(t, c.haidian.local, hdMild);
    expect(untouched.status?.status).toBe('normal');
    expect(untouched.history.some((h) => h.reason.zh.includes('测试市'))).toBe(false);
  });

  it('leaves rules to district officers: a sub-district officer reads hers but cannot set them', async () => {
    expect((await putRules(c.haidian.subOfficer, feverAt(36.9))).statusCode).toBe(403);
    const read = await getRules(c.haidian.subOfficer);
    expect(read.json()).toMatchObject({ setAt: { id: c.haidian.subdistrict.id }, inherited: false });
  });

  it('sets rules only for a community or a place above communities', async () => {
    const res = await putRules(c.haidian.officer, feverAt(36.9), c.haidian.local.building.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不能按小区或楼栋设定');
  });
});

describe('the pass-signing key', () => {
  it('is rotated only by an officer at the top of the tree, never by a district', async () => {
    const rotate = (cookie: string) =>
      t.app.inject({ method: 'POST', url: '/api/access/keys/rotate', headers: { cookie } });
    const before = (await t.app.inject({ method: 'GET', url: '/api/access/keys' })).json().keys.length;
    const refused = await rotate(c.haidian.officer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('只有最上级');
    expect((await t.app.inject({ method: 'GET', url: '/api/access/keys' })).json().keys).toHaveLength(before);
    const done = await rotate(c.rootOfficer);
    expect(done.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/access/keys' })).json().keys).toHaveLength(
      before + 1,
    );
    // The console hides the button from everyone else.
    const me = async (cookie: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().account;
    expect((await me(c.haidian.officer)).scope.isRoot).toBe(false);
    expect((await me(c.rootOfficer)).scope.isRoot).toBe(true);
  });
});

describe('a rule set written elsewhere', () => {
  // Another instance (or the command line) writes the set: this instance hears the table's change notice
  // and judges the very next declaration by it, not after its cached basis runs out (5 s, or a minute
  // while listening).
  it('judges the next declaration here at once', async () => {
    const resident = await addResident(t, c.chaoyang.local);
    expect(await declareFor(t, c.chaoyang.local, resident, { temperature: 37.0 })).toBe('referred_to_clinic');
    await t.services.database.pool.query(
      'insert into status_rule_sets (place_id, rules) values ($1, $2::jsonb)',
      [c.chaoyang.district.id, JSON.stringify(feverAt(39.0))],
    );
    await expect
      .poll(() => declareFor(t, c.chaoyang.local, resident, { temperature: 37.0 }), { timeout: 1_500 })
      .toBe('normal');
  });
});
