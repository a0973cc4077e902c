import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeSheet, ObservationAnswer } from '../../../shared/observation/observation-responses';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretary: string;
let worker: string;
let secretaryB: string;
const docNumbers: string[] = [];

async function call(cookie: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

async function observe(n: number, household: number) {
  const docNumber = syntheticId(`1958020${n}`, n % 2 === 0);
  docNumbers.push(docNumber);
  const made = await call(secretary, '/api/residents', 'POST', {
    householdId: household,
    name: `告知${'甲乙丙丁'[n]}`,
    docType: 'resident_id',
    docNumber,
    phone: '13600004444',
    relationToHead: 'other',
    residenceType: 'registered',
  });
  expect(made.statusCode, made.body).toBe(201);
  const res = await call(worker, '/api/observation/observations', 'POST', {
    residentId: made.json().resident.id,
    kind: 'home',
    reason: 'returnee',
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as ObservationAnswer).observation;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  worker = await login(t, f.a.usernames.social_worker);
  secretaryB = await login(t, f.b.usernames.community_secretary);
});
afterAll(async () => t?.close());

describe('observation notices', () => {
  it('gives masked names and doors, no ID number, only in scope, audited, at most 500', async () => {
    const a = await observe(1, f.a.householdIds[0] as number);
    const b = await observe(2, f.a.householdIds[1] as number);
    const ended = await call(worker, `/api/observation/observations/${b.id}/end`, 'POST', {
      reason: '观察期满，无异常',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const base = `/api/observation/notices?communityId=${f.a.community.id}`;

    const active = await call(worker, `${base}&notice=start`);
    expect(active.statusCode, active.body).toBe(200);
    const sheet = active.json() as NoticeSheet;
    expect(sheet.communityName).toBe(f.a.community.name);
    expect(sheet.items.map((i) => i.id)).toEqual([a.id]);
    expect(sheet.items[0]?.name).toContain('*');
    expect(sheet.items[0]?.room).toBeTruthy();
    for (const doc of docNumbers) expect(active.body).not.toContain(doc.slice(6, 14));
    expect(active.body).not.toContain('13600004444');

    const endedToday = (await call(worker, `${base}&notice=end&filter=ended_today`)).json() as NoticeSheet;
    expect(endedToday.items.map((i) => i.id)).toEqual([b.id]);
    expect(endedToday.items[0]?.endDay).toBe(endedToday.today);

    const ticked = (await call(worker, `${base}&notice=sticker&ids=${a.id}&ids=${b.id}`)).json();
    expect((ticked as NoticeSheet).items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const one = (await call(worker, `${base}&notice=start&ids=${a.id}`)).json() as NoticeSheet;
    expect(one.items.map((i) => i.id)).toEqual([a.id]);

    // Another community: its own id is refused, and ids of community A sent with B's id print nothing.
    expect((await call(secretaryB, `${base}&notice=start`)).statusCode).toBe(404);
    const probe = await call(
      secretaryB,
      `/api/observation/notices?communityId=${f.b.community.id}&notice=start&ids=${a.id}`,
    );
    expect(probe.statusCode, probe.body).toBe(200);
    expect((probe.json() as NoticeSheet).items).toEqual([]);

    const tooMany = Array.from({ length: 501 }, (_, i) => `ids=${i + 1}`).join('&');
    const refused = await call(worker, `${base}&notice=start&${tooMany}`);
    expect(refused.statusCode).toBe(400);

    const { rows } = await t.services.database.pool.query(
      "select detail from audit_log where entity = 'observation' and action = 'export' and community_id = $1",
      [f.a.community.id],
    );
    const kinds = rows.map((r: { detail: { kind: string; notice: string } }) => r.detail);
    expect(kinds.filter((d) => d.kind === 'observation_notice').map((d) => d.notice)).toEqual(
      expect.arrayContaining(['start', 'end', 'sticker']),
    );
  });
});
