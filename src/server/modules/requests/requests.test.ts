import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestAnswer, RequestRates } from '../../../shared/requests/requests-responses';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { deadlineFrom } from './deadlines';

let t: TestApp;
let f: Fixture;
let secretary: string;
let worker: string;
let secretaryB: string;
let district: string;
let categories: Array<{ id: number; code: string }>;

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const cat = (code: string) => categories.find((c) => c.code === code)?.id as number;

async function file(cookie: string, extra: object = {}) {
  const res = await call(cookie, 'POST', '/api/requests', {
    communityId: f.a.community.id,
    placeId: f.a.buildings[0]?.id,
    requesterName: '王大妈',
    phone: '13812345678',
    categoryId: cat('general'),
    text: '楼道灯坏了',
    channel: 'walk_in',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as RequestAnswer).request;
}
const step = (cookie: string, id: number, body: object) =>
  call(cookie, 'POST', `/api/requests/${id}/steps`, body);
const rates = async (cookie: string, placeId = f.a.community.id) => {
  const res = await call(
    cookie,
    'GET',
    `/api/requests/rates?from=2020-01-01&to=2030-12-31&placeId=${placeId}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RequestRates;
};
const rate = (r: RequestRates, key: string) => r.total.rates.find((x) => x.key === key);

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  worker = await login(t, f.a.usernames.social_worker);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-district`,
    displayName: '区级干部',
    password: FIXTURE_PASSWORD,
    role: 'district_officer',
    scopePlaceId: f.district.id,
  });
  district = await login(t, `${f.tag}-district`);
  categories = (await call(worker, 'GET', '/api/request-categories')).json().items;
});
afterAll(() => t.close());

describe('time limits', () => {
  it('counts hours on the clock and working days on the holiday calendar', () => {
    const fri = new Date('2026-01-09T08:00:00Z'); // Friday 16:00 Beijing
    expect(deadlineFrom(fri, 2, 'hours').toISOString()).toBe('2026-01-09T10:00:00.000Z');
    expect(deadlineFrom(fri, 1, 'workdays').toISOString()).toBe('2026-01-12T08:00:00.000Z');
    // National Day 2025: 1–8 October off, 28 September (Sunday) and 11 October (Saturday) worked.
    const before = new Date('2025-09-30T02:00:00Z');
    expect(deadlineFrom(before, 1, 'workdays').toISOString()).toBe('2025-10-09T02:00:00.000Z');
  });

  it('has the 12345 defaults, and only a district officer at the top edits them', async () => {
    expect(categories.map((c) => c.code)).toEqual(
      expect.arrayContaining(['emergency', 'utilities', 'general', 'complex']),
    );
    const all = (await call(district, 'GET', '/api/request-categories')).json().items;
    const emergency = all.find((c: { code: string }) => c.code === 'emergency');
    expect(emergency).toMatchObject({ resolveLimit: 2, resolveUnit: 'hours' });
    expect(
      (await call(secretary, 'PATCH', `/api/request-categories/${emergency.id}`, { resolveLimit: 3 }))
        .statusCode,
    ).toBe(403);
    const edited = await call(district, 'PATCH', `/api/request-categories/${emergency.id}`, {
      resolveLimit: 2,
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });
});

describe('a request from receipt to closing', () => {
  it('keeps the phone sealed and masked, and deadlines from the category', async () => {
    const r = await file(worker);
    expect(r.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(r)).not.toContain('13812345678');
    expect(r.status).toBe('received');
    expect(r.timeline.map((e) => e.kind)).toEqual(['receive']);
    const { rows } = await t.services.database.pool.query('select phone_cipher from requests where id = $1', [
      r.id,
    ]);
    expect(rows[0].phone_cipher).not.toContain('5678');
    const shown = await call(worker, 'POST', `/api/requests/${r.id}/reveal`, { reason: '回电' });
    expect(shown.json()).toEqual({ phone: '13812345678' });
  });

  it('walks the steps, each timed and attributed; "resolved" closes only after a callback', async () => {
    const r = await file(worker);
    for (const s of ['sign', 'contact', 'start', 'resolve']) {
      const res = await step(worker, r.id, { step: s });
      expect(res.statusCode, res.body).toBe(200);
    }
    const closing = await step(worker, r.id, { step: 'close' });
    expect(closing.statusCode).toBe(409);
    expect(closing.json().error.code).toBe('request_callback_required');
    const cb = await step(worker, r.id, {
      step: 'callback',
      reached: true,
      resolved: true,
      satisfaction: 'satisfied',
    });
    expect(cb.statusCode, cb.body).toBe(200);
    const closed = (await step(worker, r.id, { step: 'close' })).json() as RequestAnswer;
    expect(closed.request.status).toBe('closed');
    expect(closed.request.timeline.map((e) => e.kind)).toEqual([
      'receive',
      'sign',
      'contact',
      'start',
      'resolve',
      'callback',
      'close',
    ]);
    expect(closed.request.timeline[1]?.accountName).toBe('甲 social_worker');
    // A step out of order is refused with the status in words.
    const again = await step(worker, r.id, { step: 'sign' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已办结');
    // Reopened within 30 days, with a reason: back to in progress.
    expect((await step(worker, r.id, { step: 'reopen' })).statusCode).toBe(400);
    const reopened = (await step(worker, r.id, { step: 'reopen', note: '灯又坏了' })).json() as RequestAnswer;
    expect(reopened.request.status).toBe('in_progress');
    expect(reopened.request.reopenCount).toBe(1);
  });

  it('closes after three failed callbacks; unresolved needs an explanation', async () => {
    const r = await file(worker);
    expect((await step(worker, r.id, { step: 'unresolve' })).statusCode).toBe(400);
    expect((await step(worker, r.id, { step: 'unresolve', note: '需产权单位维修' })).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect((await step(worker, r.id, { step: 'close' })).statusCode).toBe(409);
      expect((await step(worker, r.id, { step: 'callback', reached: false })).statusCode).toBe(200);
    }
    expect((await step(worker, r.id, { step: 'close' })).json().request.status).toBe('closed');
  });

  it('assigns to the community’s staff only, and escalates with a reason', async () => {
    const r = await file(worker);
    const sres = await call(worker, 'GET', `/api/requests/staff?communityId=${f.a.community.id}`);
    const staff = sres.json().items;
    const me = staff.find((s: { displayName: string }) => s.displayName === '甲 social_worker');
    expect((await step(secretary, r.id, { step: 'assign', assigneeId: me.id })).statusCode).toBe(200);
    const mine = (await call(worker, 'GET', '/api/requests?list=mine')).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toContain(r.id);
    const staffB = (
      await call(secretaryB, 'GET', `/api/requests/staff?communityId=${f.b.community.id}`)
    ).json().items;
    expect((await step(secretary, r.id, { step: 'assign', assigneeId: staffB[0].id })).statusCode).toBe(404);
    expect((await step(worker, r.id, { step: 'escalate' })).statusCode).toBe(400);
    const up = (await step(worker, r.id, { step: 'escalate', note: '涉及市政管网' })).json() as RequestAnswer;
    expect(up.request.escalatedAt).not.toBeNull();
  });

  it('refuses a 12345 order number twice, and answers another community as missing', async () => {
    const number = `${f.tag}-1`;
    await file(worker, { channel: 'hotline_12345', orderNumber: number });
    const twice = await call(worker, 'POST', '/api/requests', {
      communityId: f.a.community.id,
      requesterName: '李四',
      categoryId: cat('general'),
      text: '重复',
      channel: 'hotline_12345',
      orderNumber: number,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('order_number_taken');
    const r = await file(worker);
    expect((await call(secretaryB, 'GET', `/api/requests/${r.id}`)).statusCode).toBe(404);
    expect((await step(secretaryB, r.id, { step: 'sign' })).statusCode).toBe(404);
    const listB = (await call(secretaryB, 'GET', '/api/requests')).json();
    expect(listB.items.some((i: { id: number }) => i.id === r.id)).toBe(false);
    const created = await call(secretaryB, 'POST', '/api/requests', {
      communityId: f.a.community.id,
      requesterName: '李四',
      categoryId: cat('general'),
      text: 'x',
      channel: 'walk_in',
    });
    expect(created.statusCode).toBe(404);
  });
});

describe('the rates', () => {
  it('counts response, resolution, satisfaction and on-time; open overdue counts against on-time', async () => {
    const before = await rates(secretaryB, f.b.community.id);
    expect(before.total.counts.evaluated).toBe(0);
    const done = await file(secretaryB, { communityId: f.b.community.id, placeId: null });
    for (const s of ['sign', 'contact', 'resolve']) await step(secretaryB, done.id, { step: s });
    await step(secretaryB, done.id, {
      step: 'callback',
      reached: true,
      resolved: true,
      satisfaction: 'basic',
    });
    await step(secretaryB, done.id, { step: 'close' });
    // Received three hours ago as an emergency (2 h): overdue and still open.
    const late = await file(secretaryB, {
      communityId: f.b.community.id,
      placeId: null,
      categoryId: cat('emergency'),
      receivedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    });
    const overdue = (await call(secretaryB, 'GET', '/api/requests?list=overdue')).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toEqual([late.id]);
    const r = await rates(secretaryB, f.b.community.id);
    expect(r.total.counts).toMatchObject({
      evaluated: 2,
      contactedInTime: 1,
      confirmedResolved: 1,
      basic: 1,
      closed: 1,
      closedInTime: 1,
      openOverdue: 1,
    });
    expect(rate(r, 'response')?.value).toBe(0.5);
    expect(rate(r, 'satisfaction')?.value).toBeCloseTo(0.4);
    expect(rate(r, 'on_time')?.value).toBe(0.5);
    expect(rate(r, 'on_time')?.formula).toContain('未办结已超期 1');
    // A duplicate left out: asked by staff, counted until the secretary approves, then listed as excluded.
    const dup = await file(secretaryB, { communityId: f.b.community.id, placeId: null });
    const workerB = await login(t, f.b.usernames.social_worker);
    expect(
      (
        await call(workerB, 'POST', `/api/requests/${dup.id}/exclusion`, {
          reason: 'duplicate',
          note: '同一件事',
        })
      ).statusCode,
    ).toBe(200);
    expect((await rates(secretaryB, f.b.community.id)).total.counts.evaluated).toBe(3);
    expect(
      (await call(workerB, 'POST', `/api/requests/${dup.id}/exclusion/decision`, { approve: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(secretaryB, 'POST', `/api/requests/${dup.id}/exclusion/decision`, { approve: true }))
        .statusCode,
    ).toBe(200);
    const after = await rates(secretaryB, f.b.community.id);
    expect(after.total.counts).toMatchObject({ evaluated: 2, excluded: 1 });
    // Rolled up for the sub-district officer; the ranking of the month; the workbook.
    const officer = await login(t, f.officer);
    const up = await rates(officer, f.subdistrict.id);
    expect(up.communities.map((c) => c.communityId).sort()).toEqual(
      [f.a.community.id, f.b.community.id].sort(),
    );
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const ranking = await call(
      officer,
      'GET',
      `/api/requests/ranking?month=${month}&placeId=${f.subdistrict.id}`,
    );
    expect(ranking.statusCode, ranking.body).toBe(200);
    expect(ranking.json().communities[0].rank).toBe(1);
    const xlsx = await call(
      officer,
      'GET',
      `/api/requests/ranking/export?month=${month}&placeId=${f.subdistrict.id}`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Another community's secretary cannot read B's rates.
    expect(
      (
        await call(
          secretary,
          'GET',
          `/api/requests/rates?from=2020-01-01&to=2030-12-31&placeId=${f.b.community.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('the weights of the rates, a setting', () => {
  it('starts at 0.8 and 30/35/35; only a district officer at the top sets them; the rates follow', async () => {
    const shown = await call(worker, 'GET', '/api/request-rate-weights');
    expect(shown.statusCode, shown.body).toBe(200);
    const defaults = { basicSatisfied: 0.8, response: 30, resolution: 35, satisfaction: 35 };
    expect(shown.json()).toMatchObject({ weights: defaults, defaults });
    const chosen = { basicSatisfied: 0.5, response: 50, resolution: 25, satisfaction: 25 };
    const put = (cookie: string, body: object) => call(cookie, 'PUT', '/api/request-rate-weights', body);
    expect((await put(secretaryB, chosen)).statusCode).toBe(403);
    const wrong = await put(district, { ...chosen, response: 40 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'validation_failed', field: 'response' });
    expect(wrong.json().error.message).toContain('100');
    const saved = await put(district, chosen);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().formula).toBe('综合 = 响应 50% + 解决 25% + 满意 25%');
    // B now: 2 evaluated, 1 contacted in time, 1 confirmed resolved, 1 basically satisfied.
    const r = await rates(secretaryB, f.b.community.id);
    expect(r.weights).toEqual(chosen);
    expect(rate(r, 'satisfaction')?.value).toBeCloseTo(0.25);
    expect(rate(r, 'satisfaction')?.formula).toContain('0.5 × 基本满意');
    expect(r.total.composite).toBeCloseTo(0.5 * 0.5 + 0.25 * 0.5 + 0.25 * 0.25);
    expect((await put(district, defaults)).statusCode).toBe(200);
    expect(rate(await rates(secretaryB, f.b.community.id), 'satisfaction')?.value).toBeCloseTo(0.4);
  });
});

describe('the resident’s side', () => {
  it('files from the poster, follows the link, and rates once the work is done', async () => {
    const poster = await call(secretary, 'POST', '/api/posters', { placeId: f.a.compound.id });
    expect(poster.statusCode, poster.body).toBe(201);
    const token = poster.json().poster.token as string;
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/public/posters/${token}/request-form` })
    ).json();
    expect(form.communityName).toBe(f.a.community.name);
    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/public/posters/${token}/requests`,
      payload: { name: '张三', phone: '13900001111', categoryId: form.categories[0].id, text: '下水道堵了' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const path = filed.json().path as string;
    const link = path.split('/').pop() as string;
    const seen = await t.app.inject({ method: 'GET', url: `/api/public/requests/${link}` });
    expect(seen.json().request).toMatchObject({ status: 'received', rated: false });
    expect(seen.body).not.toContain('13900001111');
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${link}/rating`,
      payload: { resolved: true, satisfaction: 'satisfied' },
    });
    expect(early.statusCode).toBe(409);
    const list = (await call(worker, 'GET', '/api/requests?list=all')).json();
    const mine = list.items.find(
      (i: { channel: string; text: string }) => i.channel === 'public' && i.text === '下水道堵了',
    );
    await step(worker, mine.id, { step: 'contact' });
    await step(worker, mine.id, { step: 'resolve' });
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${link}/rating`,
      payload: { resolved: true, satisfaction: 'satisfied' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().request.rated).toBe(true);
    expect((await step(worker, mine.id, { step: 'close' })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/requests/AAAAAAAAAAAAAAAAAAAAAAAA' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('working lists', () => {
  it('pages in order with names: overdue by the next deadline, all newest first', async () => {
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    const older = await file(worker, { categoryId: cat('emergency'), receivedAt: ago(5) });
    const newer = await file(worker, { categoryId: cat('emergency'), receivedAt: ago(3) });
    const list = async (query: string) => (await call(worker, 'GET', `/api/requests?${query}`)).json();
    const overdue = await list('list=overdue');
    const ids = overdue.items.map((i: { id: number }) => i.id);
    expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(overdue.items[0]).toMatchObject({
      categoryName: expect.any(String),
      communityName: f.a.community.name,
    });
    const two = await list('list=all&pageSize=2');
    const second = await list('list=all&pageSize=1&page=2');
    expect(second.items.map((i: { id: number }) => i.id)).toEqual([two.items[1].id]);
    expect(second.total).toBe(two.total);
    const received = two.items.map((i: { receivedAt: string }) => i.receivedAt);
    expect(received[0] >= received[1]).toBe(true);
  });
});
