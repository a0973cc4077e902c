import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let district: string;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PUBLIC_URL: 'https://env.example.org/' });
  f = await createFixture(t.services);
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-city`,
    displayName: '区级干部',
    password: FIXTURE_PASSWORD,
    role: 'district_officer',
    scopePlaceId: f.district.id,
  });
  district = await login(t, `${f.tag}-city`);
});
afterAll(() => t.close());

const put = (cookie: string, url: unknown) =>
  t.app.inject({ method: 'PUT', url: '/api/settings/public-url', headers: { cookie }, payload: { url } });

describe('the public address', () => {
  it('is read from DASHU_PUBLIC_URL, normalised; a bad value stops the start naming the variable', () => {
    expect(loadConfig({ DASHU_PUBLIC_URL: 'https://a.example.org/x/' }).publicUrl).toBe(
      'https://a.example.org/x',
    );
    expect(loadConfig({}).publicUrl).toBeNull();
    // Writes from the public address are the site's own (same-origin guard).
    expect(loadConfig({ DASHU_PUBLIC_URL: 'https://a.example.org/x/' }).publicOrigins).toEqual([
      'https://a.example.org',
    ]);
    expect(() => loadConfig({ DASHU_PUBLIC_URL: 'a.example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ DASHU_PUBLIC_URL: 'ftp://a.example.org' })).toThrow(/DASHU_PUBLIC_URL/);
  });

  it('is set by district officers only, validated, the database value winning, and audited', async () => {
    const secretary = await login(t, f.a.usernames.community_secretary);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/settings/public-url',
      headers: { cookie: secretary },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().environmentUrl).toBe('https://env.example.org');
    expect((await put(secretary, 'https://x.example.org')).statusCode).toBe(403);
    for (const bad of [
      'dashu.example.org',
      'javascript:alert(1)',
      'https://x.example.org/?a=1',
      'ftp://x.org',
    ]) {
      const res = await put(district, bad);
      expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([
        400,
        'invalid_public_url',
        expect.stringContaining('公网地址'),
      ]);
    }
    const set = await put(district, 'https://dashu.example.gov.cn/');
    expect(set.json()).toEqual({
      url: 'https://dashu.example.gov.cn',
      source: 'database',
      environmentUrl: 'https://env.example.org',
    });
    const cleared = await put(district, null);
    expect(cleared.json()).toMatchObject({ url: 'https://env.example.org', source: 'environment' });
    const { rows } = await t.services.database.pool.query(
      "select detail from audit_log where action = 'setting_change' and account_name = '区级干部' order by id",
    );
    expect(rows.map((r) => r.detail.to)).toEqual(
      expect.arrayContaining(['https://dashu.example.gov.cn', null]),
    );
  });
});
