import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp({ DASHU_LOCKOUT_ATTEMPTS: '3', DASHU_LOCKOUT_MINUTES: '15' });
  f = await createFixture(t.services);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with a session cookie that is httpOnly and SameSite=Strict', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: f.a.usernames.community_secretary, password: FIXTURE_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.role).toBe('community_secretary');
    expect(res.json().account.scope.placeId).toBe(f.a.community.id);
    const cookie = res.cookies.find((c) => c.name === 'dashu_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.body).not.toContain('passwordHash');
  });

  it('answers a wrong password in Chinese by default and in English when asked', async () => {
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: f.a.usernames.social_worker, password: 'nope' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'invalid_credentials', message: '用户名或密码不正确' } });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en' },
      payload: { username: 'nobody-here', password: 'nope' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const username = f.b.usernames.gate_guard;
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'wrong' },
      });
      expect(res.statusCode).toBe(401);
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'wrong' },
    });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('account_locked');
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: FIXTURE_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
  });

  it('refuses every API route without a session, and forgets the session after logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const cookie = await login(t, f.a.usernames.volunteer);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().account.scope.buildingIds).toEqual([f.a.buildings[0]?.id]);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('changes the password: old one stops working, other sessions end, weak ones are refused', async () => {
    const username = f.b.usernames.social_worker;
    const cookie = await login(t, username);
    const other = await login(t, username);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: FIXTURE_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'not-it', newPassword: 'a-much-better-one' },
    });
    expect(wrong.json().error.code).toBe('wrong_password');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: FIXTURE_PASSWORD, newPassword: 'a-much-better-one' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode,
    ).toBe(401);
    await expect(login(t, username)).rejects.toThrow();
    await login(t, username, 'a-much-better-one');
  });

  it('lets a secretary create accounts below her, only inside her community', async () => {
    const cookie = await login(t, f.a.usernames.community_secretary);
    const payload = {
      username: `${f.tag}-newvol`,
      displayName: '新志愿者',
      password: 'volunteer-pass-1',
      role: 'volunteer',
      scopePlaceId: f.a.community.id,
    };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/accounts', headers: { cookie }, payload })).statusCode,
    ).toBe(201);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie },
      payload: { ...payload, username: `${f.tag}-x`, scopePlaceId: f.b.community.id },
    });
    // Another community's place answers as a place that does not exist.
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error).toMatchObject({ code: 'not_found', field: 'scopePlaceId' });
    const otherBuildings = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie },
      payload: { ...payload, username: `${f.tag}-z`, scopeBuildingIds: [f.b.buildings[0]?.id] },
    });
    expect(otherBuildings.statusCode).toBe(403);
    const ownBuildings = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie },
      payload: { ...payload, username: `${f.tag}-w`, scopeBuildingIds: [f.a.buildings[1]?.id] },
    });
    expect(ownBuildings.json().account.scope.buildingIds).toEqual([f.a.buildings[1]?.id]);
    const above = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie },
      payload: { ...payload, username: `${f.tag}-y`, role: 'district_officer' },
    });
    expect(above.statusCode).toBe(403);
  });
});
