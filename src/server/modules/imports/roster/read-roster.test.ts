import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RosterFileError, readRosterRows } from './read-roster';
import { dataOf, encodeGbk, headerOf, readAll, residentId, xlsxBuffer } from './test-fixtures';

const ID_A = residentId('110105', '19900102', '123');

describe('readRosterRows (xlsx)', () => {
  it('finds the header below a merged title, merges a two-row header and keeps Excel row numbers', async () => {
    const buffer = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('花名册');
      sheet.mergeCells('A1:G1');
      sheet.getCell('A1').value = '幸福社区居民花名册（2024年）';
      // Row 2 left blank on purpose. Rows 3–4: a two-row header with vertical and horizontal merges.
      sheet.getRow(3).values = ['姓名 ', '证件号码（必填）', '住址', null, null, '手机号', '出生日期'];
      sheet.getRow(4).values = [null, null, '楼栋', '单元', '门牌号'];
      sheet.mergeCells('A3:A4');
      sheet.mergeCells('B3:B4');
      sheet.mergeCells('C3:E3');
      sheet.getRow(5).values = ['张三  ', ID_A, '3', '2', '302', 13800138000, new Date(Date.UTC(1990, 0, 2))];
      // Row 6 blank, row 7 holds an ID stored as a number, row 8 a 15-digit ID number and rich text.
      sheet.getRow(7).values = ['李四', Number('110105199001011234'), '3号楼', null, '３０２'];
      sheet.getRow(8).values = [
        { richText: [{ text: '王' }, { text: '五', font: { bold: true } }] },
        110105900101123,
        { formula: '"5"&"号楼"', result: '5号楼' },
        null,
        { formula: '100+1', result: 101 },
      ];
    });
    const records = await readAll(buffer, 'xlsx');
    expect(headerOf(records)).toEqual([
      '姓名',
      '证件号码（必填）',
      '楼栋',
      '单元',
      '门牌号',
      '手机号',
      '出生日期',
    ]);
    expect(dataOf(records)).toEqual([
      { rowNumber: 5, cells: ['张三', ID_A, '3', '2', '302', '13800138000', '1990-01-02'] },
      { rowNumber: 7, cells: ['李四', '1.10105199001011E+17', '3号楼', '', '３０２'] },
      { rowNumber: 8, cells: ['王五', '110105900101123', '5号楼', '', '101'] },
    ]);
  });

  it('renders an ID that Excel already truncated in scientific notation, as Excel shows it', async () => {
    const buffer = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('S');
      sheet.addRow(['name', 'id number', 'building', 'room']);
      sheet.addRow(['赵六', 1.10105199001011e17, '1', '101']);
    });
    expect(dataOf(await readAll(buffer, 'xlsx'))[0]?.cells[1]).toBe('1.10105199001011E+17');
  });

  it('reads the first visible sheet, skipping a hidden list sheet in front', async () => {
    const buffer = await xlsxBuffer((workbook) => {
      workbook.addWorksheet('lists', { state: 'hidden' }).addRow(['姓名', '证件号码', 'x']);
      const sheet = workbook.addWorksheet('居民');
      sheet.addRow(['姓名', '证件号码', '楼栋', '门牌号']);
      sheet.addRow(['张三', ID_A, '1', '101']);
      workbook.addWorksheet('另一个').addRow(['姓名', '证件号码']);
    });
    const records = await readAll(buffer, 'xlsx');
    expect(headerOf(records)).toEqual(['姓名', '证件号码', '楼栋', '门牌号']);
    expect(dataOf(records)).toEqual([{ rowNumber: 2, cells: ['张三', ID_A, '1', '101'] }]);
  });

  it('does not take a row of known column names as a sub-header unless it fills a gap', async () => {
    const buffer = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('S');
      sheet.addRow(['姓名', '证件号码', '备注']);
      sheet.addRow(['党员', ID_A, '备注']);
    });
    const records = await readAll(buffer, 'xlsx');
    expect(headerOf(records)).toEqual(['姓名', '证件号码', '备注']);
    expect(dataOf(records)).toHaveLength(1);
  });

  it('yields the header even when the file has no data rows', async () => {
    const buffer = await xlsxBuffer((workbook) => {
      workbook.addWorksheet('S').addRow(['姓名', '证件号码']);
    });
    expect(await readAll(buffer, 'xlsx')).toEqual([{ header: ['姓名', '证件号码'] }]);
  });

  it('gives up with a Chinese message when the first 10 rows hold no header', async () => {
    const buffer = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('S');
      for (let i = 0; i < 12; i += 1) sheet.addRow([`说明${i}`, '证件号码']);
      sheet.addRow(['姓名', '证件号码']);
    });
    const error = await readAll(buffer, 'xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).code).toBe('header_not_found');
    expect((error as RosterFileError).message).toContain('前10行');
    expect((error as RosterFileError).missing).toEqual(['姓名']);
    expect((error as RosterFileError).en).toContain('first 10 rows');
  });

  it('reports a file that is not an xlsx as unreadable', async () => {
    const error = await readAll(Buffer.from('姓名,证件号码\n'), 'xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).code).toBe('unreadable');
  });
});

describe('readRosterRows (csv)', () => {
  it('reads UTF-8 with BOM, quoted cells, blank lines and text markers', async () => {
    const csv = [
      '\ufeff居民花名册,,,,',
      '姓名,证件号码,楼栋,门牌号,备注',
      `张三 ,="${ID_A}",3, 302 ,"有""引号"",以及逗号"`,
      '',
      ',,,,',
      `李四,'${ID_A},3,"3-302","两行`,
      '备注"',
      '王五,1.10105E+17,3,302,',
    ].join('\r\n');
    const records = await readAll(Buffer.from(csv, 'utf8'), 'csv');
    expect(headerOf(records)).toEqual(['姓名', '证件号码', '楼栋', '门牌号', '备注']);
    expect(dataOf(records)).toEqual([
      { rowNumber: 3, cells: ['张三', ID_A, '3', '302', '有"引号",以及逗号'] },
      { rowNumber: 6, cells: ['李四', ID_A, '3', '3-302', '两行\r\n备注'] },
      { rowNumber: 7, cells: ['王五', '1.10105E+17', '3', '302', ''] },
    ]);
  });

  it('reads UTF-8 without BOM and with bare LF line ends', async () => {
    const records = await readAll(Buffer.from(`姓名,证件号码\n张三,${ID_A}\n`, 'utf8'), 'csv');
    expect(dataOf(records)).toEqual([{ rowNumber: 2, cells: ['张三', ID_A] }]);
  });

  it('reads a GBK file as saved by Excel on Chinese Windows', async () => {
    const bytes = encodeGbk(
      `姓名,证件号码,楼栋,门牌号,标签\r\n欧阳娜娜,${ID_A},平房一区,15号,独居老人、党员\r\n`,
    );
    // Sanity check: the sample really is not UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const records = await readAll(bytes, 'csv');
    expect(headerOf(records)).toEqual(['姓名', '证件号码', '楼栋', '门牌号', '标签']);
    expect(dataOf(records)).toEqual([
      { rowNumber: 2, cells: ['欧阳娜娜', ID_A, '平房一区', '15号', '独居老人、党员'] },
    ]);
  });

  it('decodes a multi-byte character split across stream chunks', async () => {
    const bytes = Buffer.from(`姓名,证件号码\n张三,${ID_A}\n`, 'utf8');
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)];
    const records = [];
    for await (const record of readRosterRows({ stream: Readable.from(chunks), format: 'csv' })) {
      records.push(record);
    }
    expect(dataOf(records)).toEqual([{ rowNumber: 2, cells: ['张三', ID_A] }]);
  });

  it('fails loudly when a UTF-8 file turns into something else after the sampled start', async () => {
    const filler = `张三,${ID_A},${'备注'.repeat(20)}\n`.repeat(1000);
    const bytes = Buffer.concat([
      Buffer.from(`姓名,证件号码,备注\n${filler}`, 'utf8'),
      encodeGbk('李四,1,备注\n'),
    ]);
    const error = await readAll(bytes, 'csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).code).toBe('encoding');
  });

  it('reports broken CSV syntax', async () => {
    const error = await readAll(`姓名,证件号码\n张三,"${ID_A}\n`, 'csv').catch((e: unknown) => e);
    expect((error as RosterFileError).code).toBe('csv_format');
  });

  it('needs 姓名 and 证件号码 (or their aliases) in the same row', async () => {
    const error = await readAll('姓名,手机号\n张三,13800138000\n', 'csv').catch((e: unknown) => e);
    expect((error as RosterFileError).code).toBe('header_not_found');
    // Only the column really absent is named, with the headers that were not recognised.
    expect((error as RosterFileError).missing).toEqual(['证件号码']);
    expect((error as RosterFileError).message).toContain('缺少“证件号码”列');
    expect((error as RosterFileError).message).not.toContain('“姓名”');
    const unknown = await readAll('姓名,身份证件编号,楼\n张三,1,3\n', 'csv').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ missing: ['证件号码'], unrecognisedColumns: ['身份证件编号'] });
    expect((unknown as RosterFileError).message).toContain('没有识别的列：“身份证件编号”');
    expect((unknown as RosterFileError).en).toContain(
      'lacks the ID number column; unrecognised columns: 身份证件编号',
    );
    // Staff words for the ID column are a header now: 身份证 next to 姓名 is found.
    const staff = await readAll(`姓名,身份证,联系手机,楼,室\n张三,${ID_A},13800138000,3,302\n`, 'csv');
    expect(headerOf(staff)).toEqual(['姓名', '身份证', '联系手机', '楼', '室']);
    const english = await readAll(`Name,ID Number\nJohn,${ID_A}\n`, 'csv');
    expect(headerOf(english)).toEqual(['Name', 'ID Number']);
  });
});
