import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday } from '../../shared/time/beijing';
import { writeRejectedRowsWorkbook, writeRosterTemplate } from '../modules/imports/roster/roster-workbook';
import { createFixture, type Fixture, login, syntheticId } from '../test/fixture';
import { createTestApp, type TestApp } from '../test/test-app';
import { workbookBuffer } from './workbook';
import { columnOf, expectHouseStyle, openWorkbook } from './workbook-checks';

let t: TestApp;
let f: Fixture;
let secretary: string;
const today = beijingToday();

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: secretary }, ...(payload ? { payload } : {}) });
const query = <R extends object>(text: string, values: unknown[]) =>
  t.services.database.pool.query<R & Record<string, unknown>>(text, values);

function cell(sheet: ExcelJS.Worksheet, row: number, header: string) {
  return sheet.getCell(row, columnOf(sheet, header));
}

describe('every Excel export, opened with exceljs', () => {
  it('the declarations list: house style, Beijing times as dates, audited per community', async () => {
    const resident = await api('POST', '/api/residents', {
      householdId: f.a.householdIds[0],
      name: '赵导出',
      docType: 'resident_id',
      docNumber: syntheticId('19700505'),
      relationToHead: 'self',
      residenceType: 'registered',
    });
    const residentId = resident.json().resident.id as number;
    const declared = await api('POST', '/api/declarations', {
      residentId,
      channel: 'door_to_door',
      leftCity: true,
      originRegion: '310101',
      returnDate: addDays(today, -2),
      transport: 'rail',
      transportNumber: 'G2',
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: [],
    });
    expect(declared.statusCode).toBe(201);
    // 00:30 in Beijing on 1 February is still 31 January in UTC.
    await query('update declarations set declared_at = $1 where resident_id = $2', [
      '2026-01-31T16:30:00Z',
      residentId,
    ]);

    const res = await api('GET', `/api/declarations/export?communityId=${f.a.community.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('登记表.xlsx'));
    const sheet = expectHouseStyle((await openWorkbook(res.rawPayload)).getWorksheet('登记表'));
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(columnOf(sheet, '姓名')).value === '赵导出') row = n;
    });
    expect(row).toBeGreaterThan(1);
    const at = cell(sheet, row, '登记时间');
    expect((at.value as Date).toISOString()).toBe('2026-02-01T00:30:00.000Z');
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((cell(sheet, row, '返京日期').value as Date).toISOString()).toBe(
      `${addDays(today, -2)}T00:00:00.000Z`,
    );
    // Region codes are text, as every code column.
    expect(cell(sheet, row, '返京来源地代码').value).toBe('310101');
    expect(cell(sheet, row, '返京来源地代码').numFmt).toBe('@');

    const audit = await query<{ detail: Record<string, unknown>; community_id: number }>(
      `select detail, community_id from audit_log where action = 'export' and entity = 'declaration'
       and community_id = $1 order by id desc limit 1`,
      [f.a.community.id],
    );
    expect(audit.rows[0]?.detail).toMatchObject({ kind: 'declarations', rows: sheet.rowCount - 1 });
  });

  it('the campaign summary: every sheet in house style, the last visit in Beijing time', async () => {
    const started = await api('POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '导出测试',
      kind: 'screening',
    });
    const campaignId = started.json().campaign.id as number;
    // A visit at 00:05 on New Year's Day in Beijing, 16:05 on New Year's Eve in UTC.
    await query(
      `update campaign_targets set outcome = 'vacant', attempts = 1, last_visit_at = $2
       where id = (select min(id) from campaign_targets where campaign_id = $1)`,
      [campaignId, '2025-12-31T16:05:00Z'],
    );
    const res = await api('GET', `/api/campaigns/${campaignId}/summary`);
    expect(res.statusCode).toBe(200);
    const workbook = await openWorkbook(res.rawPayload);
    for (const name of ['汇总', '按楼栋', '按人员', '各户结果'])
      expectHouseStyle(workbook.getWorksheet(name));
    const households = workbook.getWorksheet('各户结果') as ExcelJS.Worksheet;
    const visited: string[] = [];
    households.eachRow((_row, n) => {
      const value = cell(households, n, '最后走访').value;
      if (n > 1 && value instanceof Date) visited.push(value.toISOString());
    });
    expect(visited).toEqual(['2026-01-01T00:05:00.000Z']);
    expect(cell(households, 2, '走访次数').numFmt).not.toBe('@');

    const audit = await query<{ detail: Record<string, unknown>; community_id: number }>(
      `select detail, community_id from audit_log where action = 'export' and entity = 'campaign' and entity_id = $1`,
      [campaignId],
    );
    expect(audit.rows).toEqual([
      {
        community_id: f.a.community.id,
        detail: {
          kind: 'campaign_summary',
          rows: households.rowCount - 1,
          totalRows: households.rowCount - 1,
        },
      },
    ]);
  });

  it('the roster template and the rejected rows: house style, ID columns text', async () => {
    const template = await openWorkbook(await writeRosterTemplate('xlsx'));
    const roster = expectHouseStyle(template.getWorksheet('居民花名册'));
    expect(roster.getCell(300, columnOf(roster, '证件号码')).numFmt).toBe('@');
    expect(roster.getCell(300, columnOf(roster, '手机号')).numFmt).toBe('@');
    // The instructions sheet: notes, a blank line, then its own header.
    const instructions = template.getWorksheet('填写说明') as ExcelJS.Worksheet;
    let headerRow = 0;
    instructions.eachRow((r, n) => {
      if (r.getCell(1).value === '列名') headerRow = n;
    });
    expectHouseStyle(instructions, headerRow);

    const id = syntheticId('19900102');
    const rejected = await openWorkbook(
      await workbookBuffer(
        writeRejectedRowsWorkbook(
          ['姓名', '证件号码'],
          [{ rowNumber: 3, cells: ['钱七', id], reasons: ['门牌号：请填写门牌号'] }],
        ),
      ),
    );
    const sheet = expectHouseStyle(rejected.getWorksheet('未导入的行'));
    expect(sheet.views[0]).toMatchObject({ xSplit: 2 });
    expect(cell(sheet, 2, '证件号码').value).toBe(id);
    expect(cell(sheet, 2, '证件号码').numFmt).toBe('@');
  });
});
