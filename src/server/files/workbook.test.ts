import { afterEach, describe, expect, it } from 'vitest';
import { type Column, streamWorkbook, workbookBuffer } from './workbook';
import { columnOf, expectHouseStyle, openWorkbook } from './workbook-checks';

type Person = { name: string; id: string; phone: string; at: string | null; born: string; visits: number };

const COLUMNS: ReadonlyArray<Column<Person>> = [
  { header: '姓名', value: (p) => p.name },
  { header: '证件号码', value: (p) => p.id, width: 22 },
  { header: '电话', value: (p) => p.phone },
  { header: '登记时间', value: (p) => p.at, kind: 'datetime' },
  { header: '出生日期', value: (p) => p.born, kind: 'date' },
  { header: '走访次数', value: (p) => p.visits, kind: 'number' },
];

const people: Person[] = [
  // 23:59:30 and 00:00 Beijing on either side of midnight UTC+8, a month end and a year end.
  {
    name: '张三',
    id: '110105199001021234',
    phone: '01065001234',
    at: '2026-01-31T15:59:30Z',
    born: '1990-01-02',
    visits: 2,
  },
  {
    name: '李四',
    id: '11010519900102123X',
    phone: '13800001111',
    at: '2025-12-31T16:00:00Z',
    born: '2024-02-29',
    visits: 0,
  },
  { name: '王五', id: '000123', phone: '', at: null, born: '', visits: 1 },
];

const build = () =>
  workbookBuffer(
    streamWorkbook((book) => {
      const sheet = book.sheet('名单', COLUMNS);
      for (const p of people) sheet.add(p);
    }),
  );

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the one workbook writer', () => {
  it('shades and freezes the header row and sizes columns for Chinese', async () => {
    const sheet = expectHouseStyle((await openWorkbook(await build())).getWorksheet('名单'));
    expect(sheet.getColumn(columnOf(sheet, '证件号码')).width).toBe(22);
    // 登记时间 is four wide characters, but a date and time needs more.
    expect(sheet.getColumn(columnOf(sheet, '登记时间')).width).toBeGreaterThanOrEqual(17);
  });

  it('stores ID numbers and phones as text in text-formatted columns: no 1.1E+17, no lost 0', async () => {
    const sheet = (await openWorkbook(await build())).getWorksheet('名单');
    if (!sheet) throw new Error('no sheet');
    const id = columnOf(sheet, '证件号码');
    const phone = columnOf(sheet, '电话');
    expect(sheet.getCell(2, id).value).toBe('110105199001021234');
    expect(sheet.getCell(3, id).value).toBe('11010519900102123X');
    expect(sheet.getCell(4, id).value).toBe('000123');
    expect(sheet.getCell(2, phone).value).toBe('01065001234');
    // The format is the column's, so what someone types into a new row stays text too.
    for (const row of [2, 4, 200]) {
      expect(sheet.getCell(row, id).numFmt).toBe('@');
      expect(sheet.getCell(row, phone).numFmt).toBe('@');
    }
    expect(sheet.getCell(2, columnOf(sheet, '走访次数')).value).toBe(2);
  });

  it.each(['Asia/Shanghai', 'America/New_York', 'UTC'])(
    'writes times as Excel dates on Beijing’s clock (machine in %s)',
    async (tz) => {
      process.env.TZ = tz;
      const sheet = (await openWorkbook(await build())).getWorksheet('名单');
      if (!sheet) throw new Error('no sheet');
      const at = columnOf(sheet, '登记时间');
      const born = columnOf(sheet, '出生日期');
      // Excel has no zones: a cell holds the wall clock, which exceljs reads back in UTC fields.
      expect((sheet.getCell(2, at).value as Date).toISOString()).toBe('2026-01-31T23:59:30.000Z');
      expect((sheet.getCell(3, at).value as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
      expect(sheet.getCell(2, at).numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(sheet.getCell(4, at).value).toBeNull();
      expect((sheet.getCell(3, born).value as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
      expect(sheet.getCell(3, born).numFmt).toBe('yyyy-mm-dd');
    },
  );

  it('puts notes above the header and freezes below the header', async () => {
    const buffer = await workbookBuffer(
      streamWorkbook((book) => {
        const sheet = book.sheet('说明', COLUMNS.slice(0, 2), {
          notes: ['第一行说明', '第二行说明'],
          freezeColumns: 1,
        });
        sheet.add(people[0] as Person);
      }),
    );
    const sheet = expectHouseStyle((await openWorkbook(buffer)).getWorksheet('说明'), 4);
    expect(sheet.getCell(1, 1).value).toBe('第一行说明');
    expect(sheet.views[0]).toMatchObject({ xSplit: 1 });
    expect(sheet.getCell(5, 1).value).toBe('张三');
  });

  it('streams: the file flows out while rows are still being added, and reads back whole', async () => {
    const total = 30_000;
    let added = 0;
    let addedAtFirstChunk: number | null = null;
    const stream = streamWorkbook(async (book) => {
      const sheet = book.sheet('名单', COLUMNS);
      for (let i = 0; i < total; i++) {
        sheet.add({ ...(people[0] as Person), name: `居民${i}` });
        added += 1;
        await book.breathe();
      }
    });
    stream.once('data', () => {
      addedAtFirstChunk = added;
    });
    const sheet = (await openWorkbook(await workbookBuffer(stream))).getWorksheet('名单');
    expect(addedAtFirstChunk).not.toBeNull();
    expect(addedAtFirstChunk as unknown as number).toBeLessThan(total);
    expect(sheet?.rowCount).toBe(total + 1);
    expect(sheet?.getCell(total + 1, 1).value).toBe(`居民${total - 1}`);
  });

  it('fails the stream when building the file fails', async () => {
    const stream = streamWorkbook(() => {
      throw new Error('the rows could not be read');
    });
    await expect(workbookBuffer(stream)).rejects.toThrow('the rows could not be read');
  });
});
