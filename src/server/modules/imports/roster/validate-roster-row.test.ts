import { describe, expect, it } from 'vitest';
import { ID_REASON_MESSAGES, PHONE_REASON_MESSAGES } from '../../../../shared/identity';
import { dataOf, headerOf, NOW, readAll, residentId, xlsxBuffer } from './test-fixtures';
import {
  type ColumnMap,
  EXCEL_DAMAGED_ID,
  hasRosterData,
  mapHeader,
  validateRosterRow,
} from './validate-roster-row';

const HEADER = [
  '序号',
  '姓名',
  '性别',
  '证件类型',
  '证件号码',
  '手机号',
  '出生日期',
  '小区',
  '楼栋',
  '单元',
  '门牌号',
  '与户主关系',
  '居住类型',
  '标签',
  '备注',
];
const MALE_ID = residentId('110105', '19900102', '123');
const FEMALE_ID = residentId('320102', '19851230', '246');

function columnsFor(header: string[]): ColumnMap {
  const mapping = mapHeader(header);
  if (!mapping.ok) throw new Error(`missing ${mapping.missing.join(',')}`);
  return mapping.columns;
}
const COLUMNS = columnsFor(HEADER);

/** A row in HEADER order from the values that matter to a test. */
function cells(values: Partial<Record<string, string>>): string[] {
  return HEADER.map((column) => values[column] ?? '');
}
const MINIMAL = { 姓名: '张三', 证件号码: MALE_ID, 楼栋: '3号楼', 门牌号: '302' };

function reasonsOf(values: Partial<Record<string, string>>): string[] {
  const result = validateRosterRow(cells(values), COLUMNS, { now: NOW });
  if (result.ok) throw new Error('expected a rejection');
  return result.reasons;
}

function rowOf(values: Partial<Record<string, string>>) {
  const result = validateRosterRow(cells(values), COLUMNS, { now: NOW });
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.row;
}

describe('validateRosterRow', () => {
  it('normalises a complete row', () => {
    const row = rowOf({
      姓名: ' 李 娜 ',
      性别: '女',
      证件类型: '身份证',
      证件号码: FEMALE_ID.toLowerCase(),
      手机号: '138 0013 8000',
      出生日期: '1985/12/30',
      小区: '幸福里小区',
      楼栋: '3',
      单元: '2',
      门牌号: '1203',
      与户主关系: '女儿',
      居住类型: '人户分离',
      标签: '独居老人、党员,慢性病；党员',
      备注: '  腿脚不便\n需上门  ',
    });
    expect(row).toEqual({
      // A space between Chinese characters is padding (姓名 lined up in the sheet), not part of the name.
      name: '李娜',
      gender: 'female',
      docType: 'resident_id',
      docNumber: FEMALE_ID,
      birthDate: '1985-12-30',
      phone: '13800138000',
      compound: '幸福里小区',
      building: '3号楼',
      entrance: '2单元',
      room: '1203',
      floor: 12,
      relationToHead: 'child',
      residenceType: 'long_term_renter',
      tags: ['elderly_alone', 'party_member', 'chronic_illness'],
      notes: '腿脚不便\n需上门',
    });
  });

  it('fills birth date and gender from the ID and leaves other blanks empty', () => {
    expect(rowOf(MINIMAL)).toEqual({
      name: '张三',
      gender: 'male',
      docType: 'resident_id',
      docNumber: MALE_ID,
      birthDate: '1990-01-02',
      phone: null,
      compound: null,
      building: '3号楼',
      entrance: null,
      room: '302',
      floor: 3,
      relationToHead: null,
      residenceType: null,
      tags: [],
      notes: null,
    });
  });

  it('handles full-width digits typed with a Chinese IME', () => {
    const fullWidth = MALE_ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const row = rowOf({
      ...MINIMAL,
      证件号码: fullWidth,
      楼栋: '３',
      门牌号: '３－３０２',
      手机号: '１３８００１３８０００',
    });
    expect(row).toMatchObject({
      docNumber: MALE_ID,
      building: '3号楼',
      room: '3-302',
      floor: 3,
      phone: '13800138000',
    });
  });

  it('keeps address names as typed and derives floors only from FNN / FFNN door numbers', () => {
    expect(rowOf({ ...MINIMAL, 楼栋: '平房一区', 门牌号: '15号' })).toMatchObject({
      building: '平房一区',
      room: '15号',
      floor: null,
    });
    expect(rowOf({ ...MINIMAL, 楼栋: '3#', 单元: '二单元', 门牌号: '302室' })).toMatchObject({
      building: '3号楼',
      entrance: '二单元',
      floor: 3,
    });
    expect(rowOf({ ...MINIMAL, 楼栋: 'A座', 门牌号: 'B101' })).toMatchObject({
      building: 'A座',
      floor: null,
    });
    expect(rowOf({ ...MINIMAL, 门牌号: '0302' }).floor).toBeNull();
  });

  it('rejects door numbers that Excel turned into dates', () => {
    expect(reasonsOf({ ...MINIMAL, 门牌号: '2024-03-12' })).toEqual([
      '门牌号：被 Excel 当成了日期（如 3-12 会变成3月12日），请把该列设为文本后重新填写',
    ]);
  });

  it('reads 人员类型 from a real roster instead of leaving everyone at the default 户籍', () => {
    const header = ['姓名', '身份证', '联系手机', '楼', '单元', '室', '户主关系', '人员类型'];
    const mapping = mapHeader(header);
    if (!mapping.ok) throw new Error(mapping.missing.join());
    const row = (type: string) =>
      validateRosterRow(['张三', MALE_ID, '13800138000', '3', '2', '302', '本人', type], mapping.columns, {
        now: NOW,
      });
    expect(row('流动人口')).toMatchObject({
      ok: true,
      row: { residenceType: 'floating', building: '3号楼' },
    });
    expect(row('外来人员')).toMatchObject({ ok: true, row: { residenceType: 'floating' } });
    expect(row('户籍')).toMatchObject({
      ok: true,
      row: { residenceType: 'registered', relationToHead: 'self' },
    });
    expect(row('租住')).toMatchObject({ ok: true, row: { residenceType: 'long_term_renter' } });
    // A word the table does not know is refused in words, never stored as the default.
    expect(row('党员')).toMatchObject({
      ok: false,
      reasons: [expect.stringContaining('居住类型：无法识别“党员”')],
    });
  });

  it('flags an ID that Excel rounded to 15 digits as damaged, never as a typo to fix', () => {
    const damaged = [`证件号码：${EXCEL_DAMAGED_ID.zh}`];
    expect(reasonsOf({ ...MINIMAL, 证件号码: '1.10105199001011E+17' })).toEqual(damaged);
    expect(reasonsOf({ ...MINIMAL, 证件号码: '1.10105E+17' })).toEqual(damaged);
    // Exported from a number cell with format "0": the zeros are Excel's, not a mistyped last digit.
    expect(reasonsOf({ ...MINIMAL, 证件号码: '110105199001011000' })).toEqual(damaged);
    expect(reasonsOf({ ...MINIMAL, 证件号码: '１１０１０５１９９００１０１１０００' })).toEqual(damaged);
    // The advice is to re-enter the number from the card, not to "check the last digit".
    expect(EXCEL_DAMAGED_ID.zh).toMatch(/^证件号码已被 Excel 损坏.*设为“文本”格式.*对照证件重新录入完整号码/);
    expect(EXCEL_DAMAGED_ID.zh).not.toContain(ID_REASON_MESSAGES.bad_checksum.zh);
    expect(EXCEL_DAMAGED_ID.en).toMatch(/^The ID number was damaged by Excel.*Format the column as Text/);
  });

  it('refuses a rounded ID even when its check digit happens to pass (one in eleven do)', () => {
    // Find a valid ID ending in 000, as Excel's rounding produces about once in eleven.
    let lucky: string | undefined;
    for (let day = 1; day <= 28 && lucky === undefined; day += 1) {
      for (let hundred = 0; hundred <= 9 && lucky === undefined; hundred += 1) {
        const id = residentId('110105', `199001${String(day).padStart(2, '0')}`, `${hundred}00`);
        if (id.endsWith('000')) lucky = id;
      }
    }
    if (lucky === undefined) throw new Error('no valid ID ending in 000 found');
    expect(reasonsOf({ ...MINIMAL, 证件号码: lucky })).toEqual([`证件号码：${EXCEL_DAMAGED_ID.zh}`]);
    // Scientific notation is Excel's doing whatever the document type.
    expect(reasonsOf({ ...MINIMAL, 证件类型: '护照', 证件号码: '1.10105E+17' })).toEqual([
      `证件号码：${EXCEL_DAMAGED_ID.zh}`,
    ]);
  });

  it('flags the damaged ID the same way from an xlsx number cell and from CSV text', async () => {
    const original = residentId('110105', '19900101', '123');
    const header = ['姓名', '身份证号', '楼', '室'];
    const xlsx = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('S');
      sheet.addRow(header);
      sheet.addRow(['张三', Number(original), '3', '302']);
      sheet.addRow(['李四', Number(original), '3', '302']);
      sheet.getCell('B3').numFmt = '0';
    });
    const csv = [header.join(','), '张三,1.10105E+17,3,302', '李四,110105199001011000,3,302'].join('\r\n');
    for (const [buffer, format] of [
      [xlsx, 'xlsx'],
      [Buffer.from(csv, 'utf8'), 'csv'],
    ] as const) {
      const records = await readAll(buffer, format);
      const mapping = mapHeader(headerOf(records));
      if (!mapping.ok) throw new Error(mapping.missing.join());
      for (const { cells: row } of dataOf(records)) {
        expect(validateRosterRow(row, mapping.columns, { now: NOW }), `${format} ${row[1]}`).toEqual({
          ok: false,
          reasons: [`证件号码：${EXCEL_DAMAGED_ID.zh}`],
        });
      }
    }
  });

  it('uses the identity messages, naming the column', () => {
    const typo = `${MALE_ID.slice(0, 17)}${MALE_ID.endsWith('1') ? '2' : '1'}`;
    expect(reasonsOf({ ...MINIMAL, 证件号码: typo })).toEqual([
      `证件号码：${ID_REASON_MESSAGES.bad_checksum.zh}`,
    ]);
    expect(reasonsOf({ ...MINIMAL, 证件号码: '' })).toEqual([`证件号码：${ID_REASON_MESSAGES.empty.zh}`]);
    expect(reasonsOf({ ...MINIMAL, 手机号: '1380013800' })).toEqual([
      `手机号：${PHONE_REASON_MESSAGES.bad_mobile_length.zh}`,
    ]);
  });

  it('rejects typed birth date and gender that contradict the ID', () => {
    expect(reasonsOf({ ...MINIMAL, 出生日期: '1990-01-03', 性别: '女' })).toEqual([
      '出生日期：填写的出生日期和证件号码里的出生日期不一致，请核对',
      '性别：填写的性别和证件号码显示的性别不一致，请核对',
    ]);
    expect(rowOf({ ...MINIMAL, 出生日期: '1990年1月2日', 性别: 'M' }).birthDate).toBe('1990-01-02');
  });

  it('takes the typed birth date for documents that do not carry one', () => {
    const row = rowOf({ ...MINIMAL, 证件类型: '台胞证', 证件号码: '12345678', 出生日期: '19700501' });
    expect(row).toMatchObject({ docType: 'taiwan_compatriot_permit', birthDate: '1970-05-01', gender: null });
    expect(
      reasonsOf({ ...MINIMAL, 证件类型: '护照', 证件号码: 'E12345678', 出生日期: '2030-01-01' }),
    ).toEqual(['出生日期：出生日期晚于今天，请核对']);
  });

  it('checks names', () => {
    expect(reasonsOf({ ...MINIMAL, 姓名: '' })).toEqual(['姓名：请填写姓名']);
    expect(reasonsOf({ ...MINIMAL, 姓名: '１３８００１３８０００' })[0]).toContain('姓名：姓名不能只有数字');
    expect(reasonsOf({ ...MINIMAL, 姓名: '-' })[0]).toContain('姓名：姓名不能只有数字或符号');
    expect(reasonsOf({ ...MINIMAL, 姓名: '张'.repeat(51) })).toEqual(['姓名：姓名不能超过50个字']);
    expect(rowOf({ ...MINIMAL, 姓名: '买买提·艾力' }).name).toBe('买买提·艾力');
    // The same rule as the resident page and the console's form (src/shared/people/person-name.ts).
    expect(rowOf({ ...MINIMAL, 姓名: '李　娜' }).name).toBe('李娜');
    expect(rowOf({ ...MINIMAL, 姓名: '买买提 • 艾力' }).name).toBe('买买提·艾力');
    expect(rowOf({ ...MINIMAL, 姓名: 'ＬＩ　ＭＩＮＧ' }).name).toBe('LI MING');
    expect(rowOf({ ...MINIMAL, 姓名: '王芳（小）' }).name).toBe('王芳(小)');
  });

  it('rejects unknown enumerated values instead of guessing, and lists what is allowed', () => {
    const reasons = reasonsOf({
      ...MINIMAL,
      性别: '未知',
      与户主关系: '女',
      居住类型: '常住',
      标签: '党员、高龄',
    });
    expect(reasons).toEqual([
      '性别：无法识别“未知”，可填写：男、女',
      '与户主关系：无法识别“女”，可填写：户主、配偶、子女、父母、孙子女、兄弟姐妹、租户、其他',
      '居住类型：无法识别“常住”，可填写：户籍、长期租住、流动人口',
      expect.stringContaining('标签：无法识别“高龄”，可填写：独居老人、空巢老人'),
    ]);
    expect(reasonsOf({ ...MINIMAL, 证件类型: '驾驶证' })[0]).toContain('证件类型：无法识别“驾驶证”');
  });

  it('maps the documented aliases', () => {
    const pick = (values: Partial<Record<string, string>>) => rowOf({ ...MINIMAL, ...values });
    expect(pick({ 与户主关系: '户主' }).relationToHead).toBe('self');
    expect(pick({ 与户主关系: '租客' }).relationToHead).toBe('tenant');
    expect(pick({ 与户主关系: '母亲' }).relationToHead).toBe('parent');
    expect(pick({ 居住类型: '常住户籍' }).residenceType).toBe('registered');
    expect(pick({ 居住类型: '暂住' }).residenceType).toBe('floating');
    expect(pick({ 标签: '空巢老人/低保 退役军人' }).tags).toEqual(['empty_nest', 'low_income', 'veteran']);
    expect(pick({ 证件类型: '回乡证', 证件号码: 'H12345678' }).docType).toBe('home_return_permit');
    expect(pick({ 证件类型: '外国护照', 证件号码: 'X1234567' }).docType).toBe('passport_foreign');
  });

  it('reports every problem of a row at once', () => {
    expect(reasonsOf({ 姓名: '王五', 证件号码: MALE_ID, 手机号: 'abc' })).toEqual([
      `手机号：${PHONE_REASON_MESSAGES.bad_characters.zh}`,
      '楼栋：请填写楼栋，如 3号楼；平房区填区名，如 平房一区',
      '门牌号：请填写门牌号，如 302',
    ]);
  });

  it('tells rows with roster data from rows that only carry a serial number', () => {
    expect(hasRosterData(cells({ 序号: '17' }), COLUMNS)).toBe(false);
    expect(hasRosterData(cells({ 备注: '空房' }), COLUMNS)).toBe(true);
  });
});
