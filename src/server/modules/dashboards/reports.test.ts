import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyReport } from '../../../shared/dashboards/reports-responses';
import { addDays, beijingInstant, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretaryA: string;
let secretaryB: string;
let officer: string;
let templateId: number;
const today = beijingToday();
const yesterday = addDays(today, -1);

async function addResident(cookie: string, householdId: number | undefined) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie },
    payload: {
      householdId,
      name: '日报人',
      docType: 'resident_id',
      docNumber: syntheticId('19700101'),
      relationToHead: 'self',
      residenceType: 'registered',
    },
  });
  expect(res.statusCode).toBe(201);
}

const inject = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const rowOf = (r: DailyReport, communityId: number) => r.rows.find((x) => x.place.id === communityId);

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretaryA = await login(t, f.a.usernames.community_secretary);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  officer = await login(t, f.officer);
  const made = await inject(officer, 'POST', '/api/reports/templates', {
    placeId: f.subdistrict.id,
    name: '疫情防控日报',
    cutoff: '00:00',
    columns: [
      { indicator: 'people.residents', group: '人口' },
      { indicator: 'people.households', group: '人口' },
      { indicator: 'status.referred_to_clinic', group: '健康' },
      { indicator: 'screening.coverage', group: '排查' },
    ],
  });
  expect(made.statusCode).toBe(201);
  templateId = made.json().template.id;
  await addResident(secretaryA, f.a.householdIds[0]);
  await addResident(secretaryA, f.a.householdIds[1]);
  await addResident(secretaryB, f.b.householdIds[0]);
  // Yesterday's cut-off: frozen for both communities (and for other test files' templates: the job is
  // installation-wide, so counts are at least ours).
  expect(await t.services.reports.freezeDue(beijingInstant(yesterday, '23:00'))).toBeGreaterThanOrEqual(2);
  await addResident(secretaryA, f.a.householdIds[2]);
  expect(await t.services.reports.freezeDue(new Date())).toBeGreaterThanOrEqual(2);
  // Frozen once: a second run leaves ours as they were (version 1, the values of the first freeze).
  await addResident(secretaryB, f.b.householdIds[1]);
  await t.services.reports.freezeDue(new Date());
});

afterAll(async () => {
  await t?.close();
});

describe('the daily report', () => {
  it('is frozen per community at the cut-off, sums upward and says the change since the day before', async () => {
    const res = await inject(
      officer,
      'GET',
      `/api/reports/templates/${templateId}/days/${today}?placeId=${f.subdistrict.id}`,
    );
    expect(res.statusCode).toBe(200);
    const report = res.json() as DailyReport;
    expect(rowOf(report, f.a.community.id)).toMatchObject({
      state: 'frozen',
      values: { 'people.residents': 3, 'people.households': 3 },
      previous: { 'people.residents': 2 },
      change: { 'people.residents': 1, 'people.households': 0 },
    });
    expect(rowOf(report, f.b.community.id)?.values['people.residents']).toBe(1);
    expect(report.total.values['people.residents']).toBe(4);
    expect(report.total.change['people.residents']).toBe(1);
    expect(report.total.values['screening.coverage']).toBeNull();
  });

  it('lets the community correct and resubmit until the sub-district confirms', async () => {
    const url = `/api/reports/templates/${templateId}/days/${today}/communities/${f.a.community.id}`;
    const fixed = await inject(secretaryA, 'PUT', url, { values: { 'people.residents': 5 } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().row).toMatchObject({
      state: 'resubmitted',
      version: 2,
      values: { 'people.residents': 5 },
    });
    // A ratio is read from its parts, never typed; another community's report is not found.
    expect((await inject(secretaryA, 'PUT', url, { values: { 'screening.coverage': 5 } })).statusCode).toBe(
      400,
    );
    expect((await inject(secretaryB, 'PUT', url, { values: { 'people.residents': 1 } })).statusCode).toBe(
      404,
    );
    expect((await inject(officer, 'POST', `${url}/confirm`)).json().row.state).toBe('confirmed');
    const late = await inject(secretaryA, 'PUT', url, { values: { 'people.residents': 6 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('report_confirmed');
    const sum = await inject(
      officer,
      'GET',
      `/api/reports/templates/${templateId}/days/${today}?placeId=${f.subdistrict.id}`,
    );
    expect((sum.json() as DailyReport).total.values['people.residents']).toBe(6);
    // The correction (with the figure it replaced) and the confirmation are on record.
    const { rows } = await t.services.database.pool.query<{
      action: string;
      detail: Record<string, unknown>;
    }>(
      `select action, detail from audit_log where entity = 'daily_report' and community_id = $1 order by id`,
      [f.a.community.id],
    );
    expect(rows.map((r) => r.detail)).toEqual([
      {
        day: today,
        resubmitted: { 'people.residents': 5 },
        before: { 'people.residents': expect.any(Number) },
      },
      { day: today, confirmed: true },
    ]);
  });

  it('exports a past day to Excel with merged headers, the same again when exported again', async () => {
    const url = `/api/reports/templates/${templateId}/days/${yesterday}/export?placeId=${f.subdistrict.id}`;
    const first = await inject(officer, 'GET', url);
    expect(first.statusCode).toBe(200);
    const again = await inject(officer, 'GET', url);
    const read = async (body: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { rows, merges: (sheet.model as { merges?: string[] }).merges ?? [] };
    };
    const a = await read(first.rawPayload);
    const b = await read(again.rawPayload);
    expect(b).toEqual(a);
    expect(a.merges.length).toBeGreaterThan(0);
    const flat = JSON.stringify(a.rows);
    expect(flat).toContain('人口');
    expect(flat).toContain('较前日变化');
    expect(flat).toContain('合计');
    const total = a.rows.find((r) => r[0] === '合计');
    expect(total?.[1]).toBe(3);
  });

  it('is listed for the communities under its place; only officers make templates', async () => {
    const list = await inject(secretaryA, 'GET', `/api/reports/templates?placeId=${f.a.community.id}`);
    expect(list.json().items.map((x: { id: number }) => x.id)).toContain(templateId);
    const refused = await inject(secretaryA, 'POST', '/api/reports/templates', {
      placeId: f.subdistrict.id,
      name: 'x',
      cutoff: '15:00',
      columns: [{ indicator: 'people.residents' }],
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await inject(officer, 'POST', '/api/reports/templates', {
      placeId: f.subdistrict.id,
      name: 'x',
      cutoff: '15:00',
      columns: [{ indicator: 'no.such' }],
    });
    expect(unknown.statusCode).toBe(400);
  });
});
