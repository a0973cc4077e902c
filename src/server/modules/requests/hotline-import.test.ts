import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotlineImportResult, RequestAnswer } from '../../../shared/requests/requests-responses';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { hotlineWorkbook, multipartFile } from '../../test/hotline-workbook';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretary: string;
let secretaryB: string;
let categories: Array<{ id: number; code: string }>;
let workbook: Buffer;

const upload = (cookie: string, communityId: number, body: Buffer, name = '12345工单.xlsx') =>
  t.app.inject({
    method: 'POST',
    url: `/api/requests/import-12345?communityId=${communityId}`,
    ...(() => {
      const m = multipartFile(name, body);
      return { headers: { ...m.headers, cookie }, payload: m.payload };
    })(),
  });

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  categories = (
    await t.app.inject({ method: 'GET', url: '/api/request-categories', headers: { cookie: secretary } })
  ).json().items;
  workbook = await hotlineWorkbook([
    [
      'GD20261201001',
      '2026-12-01 08:30:00',
      '李先生',
      '13912345678',
      '楼下井盖丢失',
      '紧急',
      '幸福路3号',
      '',
    ],
    ['GD20261201002', '2026-12-01 09:00', '', '13900001111', '小区路灯不亮', '市政设施', '', '3个工作日'],
    ['GD20261201003', '2026-12-01 10:00', '王女士', '123', '噪音扰民', '一般', '', ''],
    ['', '2026-12-01 11:00', '赵先生', '', '没有编号的工单', '', '', ''],
    ['GD20261201004', '不是时间', '钱先生', '', '时间写错的工单', '', '', ''],
  ]);
});
afterAll(() => t.close());

describe('12345 work orders imported from Excel', () => {
  it('imports the good rows, refuses each bad row alone with its reason and row number', async () => {
    const res = await upload(secretary, f.a.community.id, workbook);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as HotlineImportResult;
    expect(result.imported.map((r) => [r.row, r.orderNumber])).toEqual([
      [3, 'GD20261201001'],
      [4, 'GD20261201002'],
    ]);
    expect(result.duplicates).toEqual([]);
    expect(result.refused.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(result.refused[0]?.reason).toContain('联系电话');
    expect(result.refused[1]?.reason).toContain('缺少工单编号');
    expect(result.refused[2]?.reason).toContain('来电时间');

    const first = result.imported[0]?.id as number;
    const page = (
      await t.app.inject({ method: 'GET', url: `/api/requests/${first}`, headers: { cookie: secretary } })
    ).json() as RequestAnswer;
    const r = page.request;
    expect(r).toMatchObject({
      channel: 'hotline_12345',
      orderNumber: 'GD20261201001',
      requesterName: '李先生',
    });
    expect(r.text).toContain('幸福路3号');
    // Masked like every other request; the full number is nowhere in the answer.
    expect(r.phoneMasked).toMatch(/^139\*+5678$/);
    expect(JSON.stringify(page)).not.toContain('13912345678');
    // Category by name (紧急: 2 hours to resolve) and received at the sheet's Beijing time.
    expect(r.categoryId).toBe(categories.find((c) => c.code === 'emergency')?.id);
    expect(r.receivedAt).toBe('2026-12-01T00:30:00.000Z');
    expect(r.resolveDeadline).toBe('2026-12-01T02:30:00.000Z');

    // An unknown category falls back to 一般; the sheet's own limit (3 working days) wins over the category's.
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/requests/${result.imported[1]?.id}`,
        headers: { cookie: secretary },
      })
    ).json() as RequestAnswer;
    expect(second.request.categoryId).toBe(categories.find((c) => c.code === 'general')?.id);
    expect(second.request.requesterName).toBe('匿名来电人');
    expect(second.request.resolveDeadline).toBe('2026-12-04T01:00:00.000Z');

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?pageSize=50&action=import&entity=request`,
      headers: { cookie: secretary },
    });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items[0]?.detail).toMatchObject({ imported: 2, duplicates: 0, refused: 3 });
  });

  it('reports every row as a duplicate when the same file is imported again', async () => {
    const res = await upload(secretary, f.a.community.id, workbook);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as HotlineImportResult;
    expect(result.imported).toEqual([]);
    expect(result.duplicates.map((d) => d.orderNumber)).toEqual(['GD20261201001', 'GD20261201002']);
    expect(result.refused).toHaveLength(3);
  });

  it('imports an order listed twice in one file once', async () => {
    const twice = await hotlineWorkbook([
      ['GD20261202001', '2026-12-02 08:00', '孙先生', '', '同一工单第一次', '', '', ''],
      ['GD20261202001', '2026-12-02 08:00', '孙先生', '', '同一工单第二次', '', '', ''],
      // A real date-time cell (Excel's wall clock): read with its time of day, as Beijing time.
      ['GD20261202002', new Date(Date.UTC(2026, 11, 2, 9, 45)), '周女士', '', '日期单元格', '', '', ''],
    ]);
    const result = (await upload(secretary, f.a.community.id, twice)).json() as HotlineImportResult;
    expect(result.imported.map((r) => r.row)).toEqual([3, 5]);
    expect(result.duplicates.map((r) => r.row)).toEqual([4]);
    const dated = (
      await t.app.inject({
        method: 'GET',
        url: `/api/requests/${result.imported[1]?.id}`,
        headers: { cookie: secretary },
      })
    ).json() as RequestAnswer;
    expect(dated.request.receivedAt).toBe('2026-12-02T01:45:00.000Z');
  });

  it("refuses another community's secretary and reads nothing", async () => {
    const res = await upload(secretaryB, f.a.community.id, workbook);
    expect([403, 404]).toContain(res.statusCode);
  });

  it('answers a file that is not a work-order sheet with a Chinese reason', async () => {
    const notXlsx = await upload(secretary, f.a.community.id, Buffer.from('not a zip'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.message).toContain('文件无法读取');
    const csv = await upload(secretary, f.a.community.id, Buffer.from('a,b'), 'a.csv');
    expect(csv.statusCode).toBe(400);
    const noHeader = await upload(secretary, f.a.community.id, await hotlineWorkbookWithoutHeader());
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('工单编号');
  });
});

async function hotlineWorkbookWithoutHeader() {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('x').addRow(['姓名', '电话']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
