import { describe, expect, it } from 'vitest';
import { workbookBuffer } from '../../../files/workbook';
import { ROSTER_COLUMNS } from './roster-columns';
import {
  INSTRUCTIONS_SHEET,
  REJECTED_SHEET,
  TEMPLATE_SHEET,
  writeRejectedRowsWorkbook,
  writeRosterTemplate,
} from './roster-workbook';
import { dataOf, headerOf, loadWorkbook, NOW, readAll, residentId } from './test-fixtures';
import { mapHeader, validateRosterRow } from './validate-roster-row';

async function validateAll(buffer: Buffer, format: 'xlsx' | 'csv') {
  const records = await readAll(buffer, format);
  const mapping = mapHeader(headerOf(records));
  if (!mapping.ok) throw new Error(`missing ${mapping.missing.join(',')}`);
  expect(mapping.unused).toEqual([]);
  return dataOf(records).map(({ cells }) => validateRosterRow(cells, mapping.columns, { now: NOW }));
}

describe('writeRosterTemplate', () => {
  it.each(['xlsx', 'csv'] as const)('%s: the example rows read back and validate', async (format) => {
    const results = await validateAll(await writeRosterTemplate(format), format);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      ok: true,
      row: {
        name: '张三',
        gender: 'male',
        birthDate: '1980-01-01',
        relationToHead: 'self',
        tags: ['party_member'],
      },
    });
    expect(results[1]).toMatchObject({
      ok: true,
      row: {
        name: '李四',
        gender: 'female',
        building: '3号楼',
        entrance: '2单元',
        floor: 3,
        relationToHead: 'spouse',
      },
    });
  });

  it('csv starts with a UTF-8 BOM so Excel shows the Chinese', async () => {
    const csv = await writeRosterTemplate('csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n')[0]).toBe(
      `\ufeff${ROSTER_COLUMNS.map((c) => c.header).join(',')}`,
    );
  });

  it('xlsx has text-formatted columns, dropdowns and an instructions sheet', async () => {
    const workbook = await loadWorkbook(await writeRosterTemplate('xlsx'));
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET);
    if (!sheet) throw new Error('no roster sheet');
    const idColumn = ROSTER_COLUMNS.findIndex((column) => column.key === 'docNumber') + 1;
    expect(sheet.getCell(2, idColumn).numFmt).toBe('@');
    expect(sheet.getCell(500, idColumn).numFmt).toBe('@');
    expect(sheet.getColumn(idColumn).width).toBeGreaterThanOrEqual(20);
    const genderColumn = ROSTER_COLUMNS.findIndex((column) => column.key === 'gender') + 1;
    expect(sheet.getCell(10, genderColumn).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"男,女"'],
    });
    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET);
    const texts: string[] = [];
    instructions?.eachRow((row) => {
      texts.push(String(row.getCell(1).value ?? ''));
    });
    for (const column of ROSTER_COLUMNS) expect(texts).toContain(column.header);
    expect(texts.join('\n')).toContain('文本格式');
  });
});

describe('writeRejectedRowsWorkbook', () => {
  const header = ['序号', '姓名', '证件号码', '楼栋', '门牌号'];
  const badId = '1.10105199001011E+17';
  const rows = [
    {
      rowNumber: 4,
      cells: ['1', '张三', badId, '3', ''],
      reasons: ['证件号码：…丢失', '门牌号：请填写门牌号'],
    },
    {
      rowNumber: 9,
      cells: ['2', '李四', residentId('110105', '19900102', '124'), '3'],
      reasons: ['与第4行…'],
    },
  ];

  it('puts row number and reasons in front of the uploaded columns, highlighted', async () => {
    const workbook = await loadWorkbook(await workbookBuffer(writeRejectedRowsWorkbook(header, rows)));
    const sheet = workbook.getWorksheet(REJECTED_SHEET);
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, '原行号', '错误原因', ...header]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      4,
      '证件号码：…丢失\n门牌号：请填写门牌号',
      '1',
      '张三',
      badId,
      '3',
      '',
    ]);
    expect(sheet.getCell(2, 2).font?.color?.argb).toBe('FFC00000');
    expect(sheet.getCell(2, 2).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(3, 5).numFmt).toBe('@');
    expect(sheet.getCell(3, 5).value).toBe(rows[1]?.cells[2]);
  });

  it('can be fixed and uploaded again, without piling up report columns', async () => {
    const first = await workbookBuffer(writeRejectedRowsWorkbook(header, rows));
    const records = await readAll(first, 'xlsx');
    expect(headerOf(records)).toEqual(['原行号', '错误原因', ...header]);
    expect(dataOf(records)[1]).toEqual({ rowNumber: 3, cells: ['9', '与第4行…', ...(rows[1]?.cells ?? [])] });
    const again = dataOf(records).map((record) => ({ ...record, reasons: ['仍有问题'] }));
    const second = await readAll(
      await workbookBuffer(writeRejectedRowsWorkbook(headerOf(records), again)),
      'xlsx',
    );
    expect(headerOf(second)).toEqual(['原行号', '错误原因', ...header]);
    // Trailing empty cells are not stored in xlsx, so the row ends at its last value.
    expect(dataOf(second)[0]?.cells).toEqual(['2', '仍有问题', '1', '张三', badId, '3']);
  });
});
