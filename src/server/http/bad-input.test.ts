// Issue 11, defect 6: inputs that answered 500 on each database now answer 400 with a message in the
// caller's language and the field at fault — NUL bytes in any text (also without an account), Infinity and
// 1e400 as integers, integers past the column, dates that do not exist (body and query string), truncated
// multipart uploads. The OpenAPI fuzz test (fuzz.test.ts) sends thousands more; these are the named ones.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../test/fixture';
import { createTestApp, type TestApp } from '../test/test-app';
import { registerErrorHandling } from './error-handler';
import { findUnusable } from './input-guard';

let t: TestApp;
let f: Fixture;
let secretary: string;
let district: string;
let volunteer: string;
let residentId: number;
let posterToken: string;
let campaignId: number;
let targetId: number;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-dist`,
    displayName: '区级干部',
    password: 'fixture-password-1',
    role: 'district_officer',
    scopePlaceId: f.district.id,
  });
  district = await login(t, `${f.tag}-dist`);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: secretary },
    payload: {
      householdId: f.a.householdIds[0],
      name: '坏输入甲',
      docType: 'resident_id',
      docNumber: syntheticId('19660606'),
      relationToHead: 'self',
      residenceType: 'registered',
    },
  });
  residentId = created.json().resident.id;
  posterToken = (
    await t.app.inject({
      method: 'POST',
      url: '/api/posters',
      headers: { cookie: secretary },
      payload: { placeId: f.a.compound.id },
    })
  ).json().poster.token;
  campaignId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: { cookie: secretary },
      payload: { communityId: f.a.community.id, name: '坏输入排查', kind: 'screening' },
    })
  ).json().campaign.id;
  targetId = (
    await t.services.database.pool.query<{ id: number }>(
      'select id from campaign_targets where campaign_id = $1 and household_id = $2',
      [campaignId, f.a.householdIds[0]],
    )
  ).rows[0]?.id as number;
});
afterAll(() => t.close());

interface Case {
  name: string;
  cookie?: () => string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: () => string;
  /** Raw JSON text (so 1e400 stays as written), or an object. */
  body?: () => string | object;
  field: string;
  zh: RegExp;
}

const answers = () => ({
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [],
});

const CASES: Case[] = [
  {
    name: 'NUL in the username at sign-in (no account needed)',
    method: 'POST',
    url: () => '/api/auth/login',
    body: () => ({ username: 'guard\u0000', password: 'x' }),
    field: 'username',
    zh: /无法保存的字符/,
  },
  {
    name: 'NUL in the public form, sent without an account',
    method: 'POST',
    url: () => '/api/public/declarations',
    body: () => ({
      token: posterToken,
      person: { name: '张\u0000三', docType: 'resident_id', docNumber: syntheticId(), phone: '13800001111' },
      address: { newcomer: true },
      ...answers(),
      consent: true,
      clientId: randomUUID(),
    }),
    field: 'person.name',
    zh: /无法保存的字符/,
  },
  {
    name: 'a lone surrogate in a visit’s notes',
    cookie: () => volunteer,
    method: 'POST',
    url: () => `/api/campaigns/${campaignId}/visits`,
    body: () => ({ id: randomUUID(), targetId, outcome: 'nobody_home', notes: '敲门\uD83D' }),
    field: 'notes',
    zh: /无法保存的字符/,
  },
  {
    name: 'NUL in a reveal’s reason',
    method: 'POST',
    url: () => `/api/residents/${residentId}/reveal`,
    body: () => ({ field: 'docNumber', reason: '核实\u0000身份' }),
    field: 'reason',
    zh: /无法保存的字符/,
  },
  {
    name: 'NUL in a search of the query string',
    method: 'GET',
    url: () => '/api/residents?q=%E5%BC%A0%00',
    field: 'q',
    zh: /无法保存的字符/,
  },
  {
    name: 'NUL inside a rule set (typed only as "unknown" by its route)',
    cookie: () => district,
    method: 'PUT',
    url: () => '/api/status-rules',
    body: () => ({ rules: [{ id: 'r\u0000', when: {} }] }),
    field: 'rules.0.id',
    zh: /无法保存的字符/,
  },
  {
    name: '1e400 as an integer in a body',
    method: 'POST',
    url: () => `/api/residents/${residentId}/verify`,
    body: () => '{"version":1e400}',
    field: 'version',
    zh: /类型不正确/,
  },
  {
    name: '"Infinity" as an integer in a body',
    method: 'POST',
    url: () => `/api/residents/${residentId}/verify`,
    body: () => '{"version":"Infinity"}',
    field: 'version',
    zh: /不是有效的数字/,
  },
  {
    name: 'Infinity as an id in the query string',
    method: 'GET',
    url: () => '/api/residents?communityId=Infinity',
    field: 'communityId',
    zh: /不是有效的数字/,
  },
  {
    name: '1e400 as an id in the path',
    method: 'GET',
    url: () => '/api/residents/1e400',
    field: 'id',
    zh: /不是有效的数字/,
  },
  {
    name: 'an integer past the column (2^31)',
    method: 'POST',
    url: () => `/api/residents/${residentId}/verify`,
    body: () => ({ version: 2 ** 31 }),
    field: 'version',
    zh: /太大/,
  },
  {
    name: 'a date that does not exist in a body',
    method: 'POST',
    url: () => '/api/declarations',
    body: () => ({ residentId, channel: 'phone', ...answers(), leftCity: true, returnDate: '2026-02-30' }),
    field: 'returnDate',
    zh: /不是存在的日期/,
  },
  {
    name: 'a date that does not exist in the query string',
    method: 'GET',
    url: () => `/api/access/gate-view?communityId=${f.a.community.id}&day=2026-02-30`,
    field: 'day',
    zh: /不是存在的日期/,
  },
  {
    name: 'year 0 in a time of the query string',
    method: 'GET',
    url: () => '/api/audit?from=0000-01-01T00:00:00Z',
    field: 'from',
    zh: /不是有效的时间/,
  },
  {
    name: 'a leap second (JavaScript cannot read it)',
    method: 'GET',
    url: () => '/api/status-changes?since=2026-01-01T23:59:60Z',
    field: 'since',
    zh: /不是有效的时间/,
  },
];

describe('malformed input answers 400, never 500', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      for (const lang of ['zh', 'en']) {
        const body = c.body?.();
        const res = await t.app.inject({
          method: c.method,
          url: c.url(),
          headers: {
            cookie: c.cookie?.() ?? secretary,
            'x-dashu-lang': lang,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'validation_failed', field: c.field });
        if (lang === 'zh') expect(res.json().error.message).toMatch(c.zh);
        else expect(res.json().error.message).toMatch(/^Invalid input: /);
      }
    });
  }

  it('answers a truncated multipart upload with 400 on each upload route', async () => {
    const boundary = 'dashucut';
    const whole = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n${'x'.repeat(500)}\r\n--${boundary}--\r\n`,
    );
    const routes = [
      [secretary, `/api/imports?communityId=${f.a.community.id}`],
      [district, '/api/risk-areas/import'],
      [secretary, `/api/requests/import-12345?communityId=${f.a.community.id}`],
      [volunteer, `/api/photos?communityId=${f.a.community.id}&purpose=campaign_finding`],
    ] as const;
    for (const [cookie, url] of routes) {
      for (const cut of [30, 200, whole.length - 8]) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: whole.subarray(0, cut),
        });
        expect([url, res.statusCode]).toEqual([url, 400]);
        expect(res.json().error.message).toMatch(/上传的(文件|内容)不完整/);
      }
    }
    // The part of a roster that did arrive is not left in the upload folder.
    const uploads = path.join(t.services.config.dataDir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('answers the addresses Fastify cannot decode in the same shape', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/residents/%E0%A4%A',
      headers: { cookie: secretary },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_url' });
    expect(res.body).not.toContain('%E0');
  });

  it('a partial update with nothing in it is refused, not a failed statement', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/places/${f.a.buildings[0]?.id}`,
      headers: { cookie: secretary },
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('没有要修改的内容');
  });
});

describe('the safety net under the schemas', () => {
  it('turns a PostgreSQL data exception (class 22) into 400 without its statement', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    const dbError = (code: string) =>
      Object.assign(new Error('Failed query: select $1 params: 110105197001011234'), {
        cause: Object.assign(new Error('invalid input syntax for type integer'), { code }),
      });
    app.get('/:code', async (request) => {
      throw dbError((request.params as { code: string }).code);
    });
    for (const code of ['22P02', '22003', '22008', '22P05', '22021']) {
      const res = await app.inject({ method: 'GET', url: `/${code}` });
      expect([code, res.statusCode]).toEqual([code, 400]);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.body).not.toContain('110105');
    }
    expect((await app.inject({ method: 'GET', url: '/42P01' })).statusCode).toBe(500);
    await app.close();
  });

  it('finds what no route can use, however deep, without recursion', () => {
    expect(findUnusable({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({
      instancePath: '/a/1/c',
      kind: 'text',
    });
    expect(findUnusable({ 'k\uDC00': 1 })).toEqual({ instancePath: '/k\uDC00', kind: 'text' });
    expect(findUnusable({ n: [1, Number.POSITIVE_INFINITY] })).toEqual({
      instancePath: '/n/1',
      kind: 'number',
    });
    expect(findUnusable({ emoji: '👨‍👩‍👧', rtl: '\u202Eabc', cjk: '大树', n: 2 ** 53 })).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnusable(deep)?.kind).toBe('text');
  });
});
