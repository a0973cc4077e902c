import { describe, expect, it } from 'vitest';
import { findColumnKey, normaliseHeader, ROSTER_COLUMNS } from './roster-columns';

describe('roster columns', () => {
  it('strips the decoration people put on header cells', () => {
    expect(normaliseHeader(' *姓　名 ')).toBe('姓名');
    expect(normaliseHeader('证件号码（必填）')).toBe('证件号码');
    expect(normaliseHeader('出生日期(选填)：')).toBe('出生日期');
    expect(normaliseHeader('手机号【11位】')).toBe('手机号');
    expect(normaliseHeader('证件\n号码※')).toBe('证件号码');
  });

  it('recognises headers and aliases in Chinese and English', () => {
    expect(findColumnKey('身份证号码')).toBe('docNumber');
    expect(findColumnKey('ID No')).toBe('docNumber');
    expect(findColumnKey('联系电话')).toBe('phone');
    expect(findColumnKey('楼号')).toBe('building');
    expect(findColumnKey('房号')).toBe('room');
    expect(findColumnKey('Relation to head')).toBe('relationToHead');
    expect(findColumnKey('序号')).toBeNull();
    expect(findColumnKey('')).toBeNull();
  });

  it('recognises the words staff use in real rosters (issue 13)', () => {
    const expected: Record<string, string> = {
      身份证: 'docNumber',
      身份证号: 'docNumber',
      证件号码: 'docNumber',
      公民身份号码: 'docNumber',
      手机: 'phone',
      联系手机: 'phone',
      联系电话: 'phone',
      移动电话: 'phone',
      楼: 'building',
      栋: 'building',
      幢: 'building',
      楼栋: 'building',
      楼号: 'building',
      单元: 'entrance',
      房间: 'room',
      室: 'room',
      门牌号: 'room',
      户号: 'room',
      与户主关系: 'relationToHead',
      户主关系: 'relationToHead',
      人员类型: 'residenceType',
      人员类别: 'residenceType',
      居住类型: 'residenceType',
      户籍类型: 'residenceType',
    };
    for (const [header, key] of Object.entries(expected)) expect(findColumnKey(header), header).toBe(key);
    // Decorations still come off the new words.
    expect(findColumnKey('*人员类型（必填）')).toBe('residenceType');
    expect(findColumnKey('楼 栋')).toBe('building');
  });

  it('never gives two columns the same alias', () => {
    const seen = new Map<string, string>();
    for (const column of ROSTER_COLUMNS) {
      for (const alias of [column.header, ...column.aliases]) {
        const key = normaliseHeader(alias);
        expect(seen.get(key) ?? column.key, alias).toBe(column.key);
        seen.set(key, column.key);
      }
    }
  });
});
