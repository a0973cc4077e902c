import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, FIXTURE_PASSWORD, type Fixture } from '../test/fixture';
import { createTestApp, type TestApp } from '../test/test-app';

// Defect 4 of issue 11: X-Forwarded-For was always believed, so anyone could pick the address the public
// rate limit counted and the audit log recorded.
let plain: TestApp;
let proxied: TestApp;
let f: Fixture;

beforeAll(async () => {
  plain = await createTestApp({ DASHU_PUBLIC_RATE_LIMIT: '3' });
  // app.inject comes from 127.0.0.1: as if a proxy on this machine forwarded every request.
  proxied = await createTestApp({ DASHU_PUBLIC_RATE_LIMIT: '3', DASHU_TRUST_PROXY: '127.0.0.1' });
  f = await createFixture(plain.services);
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
});

async function posterLookups(t: TestApp) {
  const statuses: number[] = [];
  for (const n of [1, 2, 3, 4]) {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/public/posters/NoSuchPosterToken1234',
      headers: { 'x-forwarded-for': `198.51.100.${n}` },
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

async function auditedAddress(t: TestApp, forwarded: string) {
  const username = f.a.usernames.social_worker;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': forwarded },
    payload: { username, password: FIXTURE_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const rows = await t.services.database.pool.query<{ ip: string }>(
    `select a.ip from audit_log a join accounts u on u.id = a.account_id
     where u.username = $1 and a.action = 'login' order by a.id desc limit 1`,
    [username],
  );
  return rows.rows[0]?.ip;
}

describe('without DASHU_TRUST_PROXY', () => {
  it('a forged X-Forwarded-For does not escape the public rate limit', async () => {
    expect(await posterLookups(plain)).toEqual([404, 404, 404, 429]);
  });

  it('a forged X-Forwarded-For does not reach the audit log', async () => {
    expect(await auditedAddress(plain, '203.0.113.77')).toBe('127.0.0.1');
  });
});

describe('with the proxy named in DASHU_TRUST_PROXY', () => {
  it('the client address comes from the proxy', async () => {
    expect(await posterLookups(proxied)).toEqual([404, 404, 404, 404]);
    expect(await auditedAddress(proxied, '203.0.113.78')).toBe('203.0.113.78');
  });
});

describe('the per-poster limit', () => {
  // Each address stays under its own limit (3), but one poster answers at most 20 × 3 a minute however
  // many addresses ask: two limiters of @fastify/rate-limit on one route share a "this request was
  // counted" mark, so the second was skipped and a botnet had no poster limit at all.
  it('holds when every request comes from a different address', async () => {
    const statuses: number[] = [];
    for (let n = 1; n <= 61; n++) {
      const res = await proxied.app.inject({
        method: 'GET',
        url: '/api/public/posters/PosterOfManyAddresses1',
        headers: { 'x-forwarded-for': `198.51.${Math.floor(n / 200)}.${n % 200}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe('the big screen link', () => {
  // A wall polls twice a minute; one address gets three times the public allowance, then 429. Links that
  // do not exist count too: the limit is what keeps anyone from trying links.
  it('is limited per address', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 10; n++) {
      const res = await plain.app.inject({ method: 'GET', url: `/api/public/screens/${'s'.repeat(31)}${n}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 9).every((s) => s === 404)).toBe(true);
    expect(statuses[9]).toBe(429);
  });
});
