import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login } from '../test/fixture';
import { createTestApp, type TestApp } from '../test/test-app';

// Defect 10 of issue 11: a cross-site text/plain POST closed a campaign; SameSite was the only defence.
let t: TestApp;
let behindProxy: TestApp;
let f: Fixture;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  behindProxy = await createTestApp({
    DASHU_PUBLIC_ORIGIN: 'https://dashu.example.org',
    DASHU_TRUST_PROXY: 'loopback',
  });
  f = await createFixture(t.services);
  cookie = await login(t, f.a.usernames.community_secretary);
});
afterAll(async () => {
  await t.close();
  await behindProxy.close();
});

async function newCampaign(): Promise<number> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie },
    payload: { communityId: f.a.community.id, name: '跨站测试', kind: 'screening' },
  });
  expect(res.statusCode).toBe(201);
  return res.json().campaign.id;
}

async function statusOf(id: number): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}`, headers: { cookie } });
  return res.json().campaign.status;
}

const close = (id: number, headers: Record<string, string>, payload?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${id}/close`,
    headers: { cookie, host: 'dashu.test', ...headers },
    ...(payload === undefined ? {} : { payload }),
  });

describe('a request that changes something', () => {
  it('is refused as text/plain, a form or unexpected multipart, even from the same origin', async () => {
    const id = await newCampaign();
    const sameSite = { origin: 'http://dashu.test' };
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await close(id, { ...sameSite, 'content-type': type }, '{}');
      expect(res.statusCode, type).toBe(415);
    }
    // Without an Origin header too (the old attack: a form posted from another site).
    expect((await close(id, { 'content-type': 'text/plain' }, '{}')).statusCode).toBe(415);
    expect(await statusOf(id)).toBe('active');
  });

  it('is refused from another origin, a null origin or another site’s page', async () => {
    const id = await newCampaign();
    const json = { 'content-type': 'application/json' };
    const attempts: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'https://dashu.test' }, // same host, other scheme
      { origin: 'http://dashu.test:8443' }, // same host, other port
      { referer: 'https://evil.example/page.html' },
    ];
    for (const headers of attempts) {
      const res = await close(id, { ...json, ...headers }, '{}');
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('cross_site_request');
      expect(res.json().error.message).toContain('本系统的页面');
    }
    expect(await statusOf(id)).toBe('active');
  });

  it('is accepted as JSON from the same origin, or with neither header (the CLI, scripts)', async () => {
    const first = await newCampaign();
    const fromPage = await close(
      first,
      { origin: 'http://dashu.test', 'content-type': 'application/json' },
      '{}',
    );
    expect(fromPage.statusCode).toBe(200);
    expect(await statusOf(first)).toBe('closed');
    const second = await newCampaign();
    const byReferer = await close(second, { referer: 'http://dashu.test/admin/campaigns' });
    expect(byReferer.statusCode).toBe(200);
    const third = await newCampaign();
    expect((await close(third, {})).statusCode).toBe(200);
  });

  it('takes multipart only where the route takes uploads', async () => {
    const body = '--x\r\ncontent-disposition: form-data; name="note"\r\n\r\nhi\r\n--x--\r\n';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/photos?communityId=${f.a.community.id}&purpose=inspection`,
      headers: {
        cookie,
        host: 'dashu.test',
        origin: 'http://dashu.test',
        'content-type': 'multipart/form-data; boundary=x',
      },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_missing');
  });

  it('guards the public form too', async () => {
    const payload = JSON.stringify({ token: 'NoSuchPosterToken1234' });
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/public/declarations',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/public/declarations',
      headers: { 'content-type': 'text/plain' },
      payload,
    });
    expect(plain.statusCode).toBe(415);
  });
});

describe('behind a proxy', () => {
  const login = (headers: Record<string, string>) =>
    behindProxy.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', host: '127.0.0.1:8080', ...headers },
      payload: JSON.stringify({ username: 'nobody-at-all', password: 'x' }),
    });

  it('accepts the public address named in DASHU_PUBLIC_ORIGIN and what a trusted proxy forwards', async () => {
    expect((await login({ origin: 'https://dashu.example.org' })).statusCode).toBe(401);
    const forwarded = await login({
      origin: 'https://gate.example.org',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'gate.example.org',
    });
    expect(forwarded.statusCode).toBe(401);
    expect((await login({ origin: 'https://other.example.org' })).statusCode).toBe(403);
  });

  it('does not believe X-Forwarded-Host from a client that is not the proxy', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: {
        'content-type': 'application/json',
        host: '127.0.0.1:8080',
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      },
      payload: JSON.stringify({ username: 'nobody-at-all', password: 'x' }),
    });
    expect(res.statusCode).toBe(403);
  });
});
