import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Board,
  CheckinAnswer,
  ObservationAnswer,
  ObservationDetail,
} from '../../../shared/observation/observation-responses';
import { addDays, beijingInstant, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { findStatus } from '../status/status.repo';

let t: TestApp;
let f: Fixture;
let secretary: string;
let worker: string;
let secretaryB: string;
let officer: string;
let n = 0;

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

async function resident(household = f.a.householdIds[0] as number) {
  n += 1;
  const res = await call(secretary, 'POST', '/api/residents', {
    householdId: household,
    name: `观察${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${n}`.replace(/\d/g, ''),
    docType: 'resident_id',
    docNumber: syntheticId(`1960010${(n % 9) + 1}`.slice(0, 8), n % 2 === 0),
    phone: '13600003333',
    relationToHead: 'other',
    residenceType: 'registered',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().resident.id as number;
}

async function start(residentId: number, extra: object = {}) {
  const res = await call(worker, 'POST', '/api/observation/observations', {
    residentId,
    kind: 'home',
    reason: 'returnee',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as ObservationAnswer).observation;
}

const uid = () => randomUUID().replace(/-/g, '');

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  worker = await login(t, f.a.usernames.social_worker);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  officer = await login(t, f.officer);
});
afterAll(async () => t?.close());

describe('observation', () => {
  it('starts with 14 days, sets the status through the status module, never twice', async () => {
    const id = await resident();
    const o = await start(id);
    const today = beijingToday();
    expect(o.dayOne).toBe(today);
    expect(o.plannedEnd).toBe(addDays(today, 13));
    expect(o.name).toContain('*');
    const status = await findStatus(t.services.database.db, id);
    expect(status?.status).toBe('home_observation');
    expect(status?.source).toBe('observation');
    const again = await call(worker, 'POST', '/api/observation/observations', {
      residentId: id,
      kind: 'centralised',
      reason: 'returnee',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('observation_open_exists');
    const detail = (
      await call(worker, 'GET', `/api/observation/observations/${o.id}`)
    ).json() as ObservationDetail;
    // Two slots a day from day 1 to the planned end, leaving out today's windows already closed.
    expect(detail.slots.length).toBeGreaterThanOrEqual(26);
    expect(detail.slots.length).toBeLessThanOrEqual(28);
  });

  it('refuses home observation that fails the checklist and makes a persuade task', async () => {
    const id = await resident();
    const answers = {
      ownRoom: true,
      ownBathroom: false,
      livesWithVulnerable: true,
      reachableByPhone: true,
      consent: true,
    };
    const judged = await call(worker, 'POST', '/api/observation/eligibility', { residentId: id, answers });
    expect(judged.statusCode, judged.body).toBe(200);
    expect(judged.json().passed).toBe(false);
    expect(judged.json().taskId).toBeGreaterThan(0);
    const tasks = await call(secretary, 'GET', `/api/observation/tasks?communityId=${f.a.community.id}`);
    const task = tasks.json().items.find((x: { id: number }) => x.id === judged.json().taskId);
    expect(task.kind).toBe('persuade_centralised');
    expect(task.reason).toContain('共用卫生间');
    const refused = await call(worker, 'POST', '/api/observation/observations', {
      residentId: id,
      kind: 'home',
      reason: 'returnee',
      eligibility: answers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('劝导集中观察');
    const central = await start(id, { kind: 'centralised', site: '某某酒店', siteRoom: '301' });
    expect(central.site).toBe('某某酒店');
  });

  it('takes a fever from the personal link: alert on the board, reading sealed, resend harmless', async () => {
    const id = await resident();
    const o = await start(id);
    const link = await call(worker, 'POST', `/api/observation/observations/${o.id}/link`);
    const token = (link.json().path as string).split('/').pop() as string;
    const page = await t.app.inject({ method: 'GET', url: `/api/public/observation/${token}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().name).toContain('*');
    const clientId = uid();
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/observation/${token}/checkins`,
        payload: { clientId, temperature: 37.8, symptoms: [] },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as CheckinAnswer).alarming).toBe(true);
    expect((await send()).json().duplicate).toBe(true);
    const alerts = await call(worker, 'GET', `/api/observation/alerts?communityId=${f.a.community.id}`);
    const alert = alerts.json().items.find((a: { observationId: number }) => a.observationId === o.id);
    expect(alert.temperature).toBe(37.8);
    const board = (
      await call(worker, 'GET', `/api/observation/board?communityId=${f.a.community.id}`)
    ).json() as Board;
    expect(board.openAlerts).toBeGreaterThanOrEqual(1);
    const { rows } = await t.services.database.pool.query(
      'select reading_cipher from observation_checkins where observation_id = $1',
      [o.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].reading_cipher).not.toContain('37.8');
    const acked = await call(worker, 'POST', `/api/observation/alerts/${alert.id}/ack`);
    expect(acked.statusCode).toBe(200);
    expect(acked.json().alert.acknowledgedAt).not.toBeNull();
    // Another community's secretary cannot acknowledge it, nor read it.
    expect((await call(secretaryB, 'POST', `/api/observation/alerts/${alert.id}/ack`)).statusCode).toBe(404);
    expect((await call(secretaryB, 'GET', `/api/observation/observations/${o.id}`)).statusCode).toBe(404);
  });

  it('staff check-ins by phone are idempotent and fill the slot', async () => {
    const id = await resident();
    const o = await start(id);
    const clientId = uid();
    const body = { observationId: o.id, channel: 'phone', clientId, temperature: 36.5, symptoms: [] };
    const a = await call(worker, 'POST', '/api/observation/checkins', body);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().alarming).toBe(false);
    const b = await call(worker, 'POST', '/api/observation/checkins', body);
    expect(b.json()).toMatchObject({ duplicate: true, checkinId: a.json().checkinId });
    const outsider = await call(secretaryB, 'POST', '/api/observation/checkins', {
      ...body,
      clientId: uid(),
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('extends with a reason, shortens only as secretary, ends to released', async () => {
    const id = await resident();
    const o = await start(id);
    const ext = await call(worker, 'POST', `/api/observation/observations/${o.id}/extend`, {
      days: 3,
      reason: '密接复核',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().observation.plannedEnd).toBe(addDays(o.plannedEnd, 3));
    const byWorker = await call(worker, 'POST', `/api/observation/observations/${o.id}/shorten`, {
      plannedEnd: addDays(o.plannedEnd, 1),
      reason: '核酸阴性',
    });
    expect(byWorker.statusCode).toBe(403);
    const short = await call(secretary, 'POST', `/api/observation/observations/${o.id}/shorten`, {
      plannedEnd: addDays(beijingToday(), 7),
      reason: '核酸阴性',
    });
    expect(short.statusCode, short.body).toBe(200);
    const detail = (
      await call(worker, 'GET', `/api/observation/observations/${o.id}`)
    ).json() as ObservationDetail;
    expect(detail.slots.every((s) => s.day <= addDays(beijingToday(), 7))).toBe(true);
    const ended = await call(worker, 'POST', `/api/observation/observations/${o.id}/end`, { reason: '期满' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await findStatus(t.services.database.db, id))?.status).toBe('released');
    // A follow-up call after the end is still recorded.
    const follow = await call(worker, 'POST', '/api/observation/checkins', {
      observationId: o.id,
      channel: 'phone',
      clientId: uid(),
      temperature: 36.4,
      symptoms: [],
    });
    expect(follow.json().followUp).toBe(true);
    // And a new observation may start.
    await start(id, { kind: 'centralised' });
  });

  it('the sweep marks missed slots and escalates old alerts', async () => {
    const id = await resident();
    const o = await start(id);
    const cough = await call(worker, 'POST', '/api/observation/checkins', {
      observationId: o.id,
      channel: 'visit',
      clientId: uid(),
      temperature: 36.6,
      symptoms: ['cough'],
    });
    expect(cough.json().alarming).toBe(true);
    const tomorrow = addDays(beijingToday(), 1);
    // As if the clock were tomorrow evening: today's and tomorrow's open slots are all missed.
    const swept = await t.services.observation.sweep(beijingInstant(tomorrow, '20:00'));
    expect(swept.missed).toBeGreaterThanOrEqual(2);
    expect(swept.escalated).toBeGreaterThanOrEqual(1);
    const detail = (
      await call(worker, 'GET', `/api/observation/observations/${o.id}`)
    ).json() as ObservationDetail;
    expect(detail.slots.filter((s) => s.state === 'missed').length).toBeGreaterThanOrEqual(2);
    const tasks = await call(worker, 'GET', `/api/observation/tasks?communityId=${f.a.community.id}`);
    expect(
      tasks
        .json()
        .items.some(
          (x: { kind: string; observationId: number }) => x.kind === 'door_visit' && x.observationId === o.id,
        ),
    ).toBe(true);
    expect(tasks.json().items.some((x: { kind: string }) => x.kind === 'alert_escalated')).toBe(true);
    const again = await t.services.observation.sweep(beijingInstant(tomorrow, '20:00'));
    expect(again.missed).toBe(0);
  });

  it('officers see counts per community; the export is audited and holds readings', async () => {
    const summary = await call(officer, 'GET', '/api/observation/summary');
    expect(summary.statusCode, summary.body).toBe(200);
    const mine = summary
      .json()
      .items.find((c: { communityId: number }) => c.communityId === f.a.community.id);
    expect(mine.active).toBeGreaterThan(0);
    const file = await call(secretary, 'GET', `/api/observation/export?communityId=${f.a.community.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('逐日记录');
    const values = JSON.stringify(sheet?.getSheetValues());
    expect(values).toContain('37.8');
    const { rows } = await t.services.database.pool.query(
      "select detail from audit_log where entity = 'observation' and action = 'export' and community_id = $1",
      [f.a.community.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(
      (await call(secretaryB, 'GET', `/api/observation/export?communityId=${f.a.community.id}`)).statusCode,
    ).toBe(404);
  });
});
