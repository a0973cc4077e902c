import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountItemResponse,
  AccountListSchema,
  OneTimePasswordSchema,
} from '../../../shared/auth/accounts.schema';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretaryA: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretaryA = await login(t, f.a.usernames.community_secretary);
  officer = await login(t, f.officer);
});
afterAll(() => t.close());

const b1 = () => f.a.buildings[0]?.id as number;
const b2 = () => f.a.buildings[1]?.id as number;

/**
 * The shapes these routes answer (an account, a list, a one-time password, an error), as one type: each
 * test reads the fields of the answer it expects, and a missing one fails its assertion.
 */
type Answer = Static<typeof AccountItemResponse> &
  Static<typeof AccountListSchema> &
  Static<typeof OneTimePasswordSchema> & { error: { code: string } };

async function call(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Answer };
}

let serial = 0;
/** A volunteer of A made by A's secretary, with the password the server made for the slip. */
async function newVolunteer(extra: object = {}) {
  serial += 1;
  const res = await call(secretaryA, 'POST', '/api/accounts', {
    username: `${f.tag}-v${serial}`,
    displayName: `志愿者${serial}`,
    role: 'volunteer',
    scopePlaceId: f.a.community.id,
    scopeBuildingIds: [b1()],
    ...extra,
  });
  expect(res.status).toBe(201);
  return {
    id: res.body.account.id as number,
    username: res.body.account.username as string,
    password: res.body.password as string,
  };
}

async function auditOf(accountId: number) {
  const { rows } = await t.services.database.pool.query<{ action: string; detail: Record<string, unknown> }>(
    "select action, detail from audit_log where entity = 'account' and entity_id = $1 order by id",
    [accountId],
  );
  return rows;
}

describe('creating accounts', () => {
  it('makes a one-time password when none is given; it signs in, and is audited but never recorded', async () => {
    const v = await newVolunteer();
    expect(v.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await login(t, v.username, v.password);
    const audit = await auditOf(v.id);
    expect(audit[0]?.action).toBe('account_create');
    expect(JSON.stringify(audit)).not.toContain(v.password);
  });

  it('refuses roles at or above the creator’s, places outside her community and the wrong kind of place', async () => {
    const base = { displayName: '某人', role: 'gate_guard', scopePlaceId: f.a.community.id };
    const secretary = await call(secretaryA, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-sec2`,
      role: 'community_secretary',
    });
    expect(secretary.status).toBe(403);
    expect(secretary.body.error.code).toBe('role_not_grantable');
    const officerRole = await call(secretaryA, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-do`,
      role: 'district_officer',
    });
    expect(officerRole.status).toBe(403);
    const otherCommunity = await call(secretaryA, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-g2`,
      scopePlaceId: f.b.community.id,
    });
    expect(otherCommunity.status).toBe(404);
    const compound = await call(secretaryA, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-g3`,
      scopePlaceId: f.a.compound.id,
    });
    expect(compound.status).toBe(400);
    expect(compound.body.error).toMatchObject({ code: 'scope_kind_mismatch', field: 'scopePlaceId' });
    const guardBuildings = await call(secretaryA, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-g4`,
      scopeBuildingIds: [b1()],
    });
    expect(guardBuildings.body.error.code).toBe('buildings_volunteer_only');
    const foreignBuildings = await call(secretaryA, 'POST', '/api/accounts', {
      ...base,
      role: 'volunteer',
      username: `${f.tag}-g5`,
      scopeBuildingIds: [f.b.buildings[0]?.id],
    });
    expect(foreignBuildings.status).toBe(403);
    expect(foreignBuildings.body.error.code).toBe('out_of_scope');
    // A sub-district officer may make a secretary of any community below, but not a district officer.
    const bySubdistrict = await call(officer, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-secb`,
      role: 'community_secretary',
      scopePlaceId: f.b.community.id,
    });
    expect(bySubdistrict.status).toBe(201);
    const districtBySub = await call(officer, 'POST', '/api/accounts', {
      ...base,
      username: `${f.tag}-dist`,
      role: 'district_officer',
      scopePlaceId: f.district.id,
    });
    expect(districtBySub.status).toBe(403);
  });

  it('is refused to roles without accounts.manage', async () => {
    const social = await login(t, f.a.usernames.social_worker);
    expect((await call(social, 'GET', '/api/accounts')).status).toBe(403);
  });
});

describe('listing accounts', () => {
  it('shows the accounts of the caller’s area only, with buildings named by compound, and filters', async () => {
    const list = await call(secretaryA, 'GET', '/api/accounts?pageSize=200');
    expect(list.status).toBe(200);
    const names = list.body.items.map((i: { username: string }) => i.username);
    expect(names).toContain(f.a.usernames.volunteer);
    expect(names).not.toContain(f.b.usernames.volunteer);
    expect(names).not.toContain(f.officer);
    const volunteer = list.body.items.find(
      (i: { username: string }) => i.username === f.a.usernames.volunteer,
    );
    expect(volunteer).toMatchObject({
      role: 'volunteer',
      scopePlaceKind: 'community',
      buildings: [{ id: b1(), name: '1号楼', compoundName: '甲小区' }],
      manageable: true,
      disabled: false,
    });
    const self = list.body.items.find(
      (i: { username: string }) => i.username === f.a.usernames.community_secretary,
    );
    expect(self?.manageable).toBe(false);
    const guards = await call(secretaryA, 'GET', '/api/accounts?role=gate_guard');
    expect(guards.body.items.every((i: { role: string }) => i.role === 'gate_guard')).toBe(true);
    expect(guards.body.total).toBeGreaterThan(0);
    const searched = await call(secretaryA, 'GET', `/api/accounts?q=${encodeURIComponent('甲 gate')}`);
    expect(searched.body.items.map((i: { username: string }) => i.username)).toEqual([
      f.a.usernames.gate_guard,
    ]);
    // A place elsewhere filters to nothing: the same as a place that does not exist.
    const elsewhere = await call(secretaryA, 'GET', `/api/accounts?placeId=${f.b.community.id}`);
    expect(elsewhere.body).toEqual({ items: [], total: 0 });
    const byOfficer = await call(officer, 'GET', `/api/accounts?placeId=${f.b.community.id}&pageSize=200`);
    expect(byOfficer.body.items.map((i: { username: string }) => i.username)).toContain(
      f.b.usernames.volunteer,
    );
    expect(byOfficer.body.items.map((i: { username: string }) => i.username)).not.toContain(
      f.a.usernames.volunteer,
    );
  });
});

describe('changing accounts', () => {
  it('disables an account: its sessions end at once and it cannot sign in; enabling lets it back', async () => {
    const v = await newVolunteer();
    const cookie = await login(t, v.username, v.password);
    expect((await call(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    const disabled = await call(secretaryA, 'POST', `/api/accounts/${v.id}/disable`);
    expect(disabled.body.account.disabled).toBe(true);
    expect((await call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    await expect(login(t, v.username, v.password)).rejects.toThrow(/403/);
    const listed = await call(secretaryA, 'GET', '/api/accounts?status=disabled&pageSize=200');
    expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(v.id);
    const enabled = await call(secretaryA, 'POST', `/api/accounts/${v.id}/enable`);
    expect(enabled.body.account.disabled).toBe(false);
    await login(t, v.username, v.password);
    expect((await auditOf(v.id)).map((r) => r.action)).toEqual([
      'account_create',
      'login',
      'account_disable',
      'account_enable',
      'login',
    ]);
  });

  it('resets a password: a new one-time password, the old one and its sessions gone', async () => {
    const v = await newVolunteer();
    const cookie = await login(t, v.username, v.password);
    const reset = await call(secretaryA, 'POST', `/api/accounts/${v.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.password).not.toBe(v.password);
    expect((await call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    await expect(login(t, v.username, v.password)).rejects.toThrow();
    await login(t, v.username, reset.body.password);
    const audit = await auditOf(v.id);
    expect(audit.map((r) => r.action)).toContain('account_password_reset');
    expect(JSON.stringify(audit)).not.toContain(reset.body.password);
  });

  it('changes name, role and buildings within the rules, recording what changed', async () => {
    const v = await newVolunteer();
    const moved = await call(secretaryA, 'PATCH', `/api/accounts/${v.id}`, {
      displayName: '改名志愿者',
      scopeBuildingIds: [b1(), b2()],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.account.buildings?.map((b: { id: number }) => b.id)).toEqual([b1(), b2()]);
    const asGuard = await call(secretaryA, 'PATCH', `/api/accounts/${v.id}`, { role: 'gate_guard' });
    expect(asGuard.body.account).toMatchObject({ role: 'gate_guard', buildings: null });
    const cookie = await login(t, v.username, v.password);
    expect((await call(cookie, 'GET', '/api/auth/me')).body.account.role).toBe('gate_guard');
    const update = (await auditOf(v.id)).filter((r) => r.action === 'account_update');
    expect(update[0]?.detail).toMatchObject({
      changes: { displayName: { to: '改名志愿者' }, scopeBuildingIds: { from: [b1()], to: [b1(), b2()] } },
    });
    expect(update[1]?.detail).toMatchObject({ changes: { role: { from: 'volunteer', to: 'gate_guard' } } });
    for (const [payload, status, code] of [
      [{ role: 'community_secretary' }, 403, 'role_not_grantable'],
      [{ scopePlaceId: f.b.community.id }, 404, 'not_found'],
      [{ role: 'volunteer', scopeBuildingIds: [f.b.buildings[0]?.id] }, 403, 'out_of_scope'],
      [{ scopeBuildingIds: [b1()] }, 400, 'buildings_volunteer_only'],
    ] as const) {
      const res = await call(secretaryA, 'PATCH', `/api/accounts/${v.id}`, payload);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
  });

  it('leaves accounts at or above the caller, her own and other communities’ alone', async () => {
    const ids = async (username: string) =>
      (
        await t.services.database.pool.query<{ id: number }>('select id from accounts where username = $1', [
          username,
        ])
      ).rows[0]?.id as number;
    const self = await ids(f.a.usernames.community_secretary);
    const peer = await ids(f.officer);
    const otherVolunteer = await ids(f.b.usernames.volunteer);
    const ownSecretary = await call(secretaryA, 'POST', `/api/accounts/${self}/disable`);
    expect([ownSecretary.status, ownSecretary.body.error.code]).toEqual([403, 'cannot_change_own_account']);
    // The sub-district officer is above her and outside her community: not found.
    expect((await call(secretaryA, 'POST', `/api/accounts/${peer}/reset-password`)).status).toBe(404);
    expect((await call(secretaryA, 'POST', `/api/accounts/${otherVolunteer}/disable`)).status).toBe(404);
    expect((await call(secretaryA, 'GET', `/api/accounts/${otherVolunteer}`)).status).toBe(404);
    expect(
      (await call(secretaryA, 'PATCH', `/api/accounts/${otherVolunteer}`, { displayName: 'x' })).status,
    ).toBe(404);
    // The officer may disable A's secretary (below her); another secretary of A may not.
    const secretaryAId = self;
    const bySub = await call(officer, 'POST', `/api/accounts/${secretaryAId}/disable`);
    expect(bySub.status).toBe(200);
    await call(officer, 'POST', `/api/accounts/${secretaryAId}/enable`);
    secretaryA = await login(t, f.a.usernames.community_secretary, FIXTURE_PASSWORD);
  });
});
