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
