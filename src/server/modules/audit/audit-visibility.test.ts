import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

// Defect 8 of issue 11 (part): declaration exports were stored without a community, so no secretary saw
// who exported her residents; failed sign-ins and lockouts were visible only to the targeted account.
let t: TestApp;
let f: Fixture;
const cookies: Record<'secretaryA' | 'secretaryB' | 'officer', string> = {
  secretaryA: '',
  secretaryB: '',
  officer: '',
};

beforeAll(async () => {
  t = await createTestApp({
    DASHU_LOCKOUT_ATTEMPTS: '3',
    DASHU_LOGIN_ALARM_THRESHOLD: '4',
    DASHU_TRUST_PROXY: 'loopback',
  });
  f = await createFixture(t.services);
  cookies.secretaryA = await login(t, f.a.usernames.community_secretary);
  cookies.secretaryB = await login(t, f.b.usernames.community_secretary);
  cookies.officer = await login(t, f.officer);
});
afterAll(() => t.close());

async function auditRows(who: keyof typeof cookies, query: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/audit?pageSize=200&${query}`,
    headers: { cookie: cookies[who] },
  });
  expect(res.statusCode).toBe(200);
  return res.json().items as Array<{
    action: string;
    entityId: number | null;
    communityId: number | null;
    ip: string | null;
    detail: Record<string, unknown>;
  }>;
}

async function accountId(username: string) {
  const rows = await t.services.database.pool.query<{ id: number }>(
    'select id from accounts where username = $1',
    [username],
  );
  return rows.rows[0]?.id as number;
}

describe('sign-in events', () => {
  it('failed sign-ins, the lock and the alarm on a guard reach her secretary and officer, not the next community', async () => {
    const guard = f.a.usernames.gate_guard;
    const guardId = await accountId(guard);
    const run = Math.floor(Math.random() * 200) + 20;
    // Three wrong passwords from one address lock it; one more from another raises the account's alarm.
    for (const from of [`10.${run}.1.1`, `10.${run}.1.1`, `10.${run}.1.1`, `10.${run}.2.1`]) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': from },
        payload: { username: guard, password: 'guess-guess' },
      });
    }
    const query = `entity=account&entityId=${guardId}`;
    const seen = await auditRows('secretaryA', query);
    const actions = seen.map((r) => r.action);
    expect(actions.filter((a) => a === 'login_failed')).toHaveLength(4);
    expect(actions).toContain('login_locked');
    expect(actions).toContain('login_alarm');
    expect(seen.find((r) => r.action === 'login_locked')?.ip).toBe(`10.${run}.1.1`);
    expect((await auditRows('officer', query)).map((r) => r.action)).toContain('login_alarm');
    expect(await auditRows('secretaryB', query)).toEqual([]);
  });
});

describe('exports', () => {
  async function declareIn(community: 'a' | 'b') {
    const cookie = community === 'a' ? cookies.secretaryA : cookies.secretaryB;
    const resident = await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { cookie },
      payload: {
        householdId: f[community].householdIds[0],
        name: '孙导出',
        docType: 'resident_id',
        docNumber: syntheticId('19900909'),
        relationToHead: 'other',
        residenceType: 'floating',
      },
    });
    expect(resident.statusCode).toBe(201);
    const declared = await t.app.inject({
      method: 'POST',
      url: '/api/declarations',
      headers: { cookie },
      payload: {
        residentId: resident.json().resident.id,
        channel: 'door_to_door',
        leftCity: false,
        contactConfirmedCase: false,
        contactRiskAreaPeople: false,
        symptoms: [],
      },
    });
    expect(declared.statusCode).toBe(201);
  }

  it('a declaration export is recorded in each community it took rows from', async () => {
    await declareIn('a');
    await declareIn('a');
    await declareIn('b');
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/declarations/export',
      headers: { cookie: cookies.officer },
    });
    expect(exported.statusCode).toBe(200);
    const inA = (await auditRows('secretaryA', 'action=export&entity=declaration')).filter(
      (r) => r.communityId === f.a.community.id,
    );
    const inB = (await auditRows('secretaryB', 'action=export&entity=declaration')).filter(
      (r) => r.communityId === f.b.community.id,
    );
    expect(inA).toHaveLength(1);
    expect(inA[0]?.detail).toMatchObject({ rows: 2, totalRows: 3 });
    expect(inB).toHaveLength(1);
    expect(inB[0]?.detail).toMatchObject({ rows: 1, totalRows: 3 });
    // Each secretary sees only her own community's row of it.
    expect(
      (await auditRows('secretaryB', 'action=export&entity=declaration')).every(
        (r) => r.communityId === f.b.community.id,
      ),
    ).toBe(true);
  });

  it('a secretary’s own export, even of nothing, is in her community’s trail', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/declarations/export?status=centralised_observation`,
      headers: { cookie: cookies.secretaryB },
    });
    expect(res.statusCode).toBe(200);
    const rows = await auditRows('secretaryB', 'action=export&entity=declaration');
    expect(rows.some((r) => r.communityId === f.b.community.id && r.detail.rows === 0)).toBe(true);
  });
});
