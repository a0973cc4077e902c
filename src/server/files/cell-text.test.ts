import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, numberText } from './cell-text';

describe('numberText', () => {
  it('writes integers that a double holds exactly in full', () => {
    expect(numberText(13800138000)).toBe('13800138000');
    expect(numberText(110105900101123)).toBe('110105900101123');
    expect(numberText(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  });

  it('writes larger integers the way Excel shows them, since their last digits are gone', () => {
    expect(numberText(Number('110105199001011234'))).toBe('1.10105199001011E+17');
    expect(numberText(1.10105199001011e17)).toBe('1.10105199001011E+17');
    expect(numberText(1.1e17)).toBe('1.1E+17');
    expect(numberText(2 ** 60)).toBe('1.15292150460685E+18');
  });

  it('drops binary noise from fractions and ignores non-finite values', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(3.5)).toBe('3.5');
    expect(numberText(Number.NaN)).toBe('');
  });
});

describe('cellText', () => {
  it('reads every kind of streamed cell value', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(' 张三 ')).toBe(' 张三 ');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(1990, 0, 2)))).toBe('1990-01-02');
    expect(cellText({ richText: [{ text: '王' }, { text: '五' }] })).toBe('王五');
    // ErrorValue is a declare-only enum in the typings, so a literal needs a cast.
    expect(cellText({ error: '#N/A' } as unknown as CellValue)).toBe('#N/A');
    expect(cellText({ formula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
  });

  it('converts formula results shown as dates (32875 is 1990-01-02)', () => {
    expect(cellText({ formula: 'DATE(1990,1,2)', result: 32875 }, 'yyyy-mm-dd')).toBe('1990-01-02');
    expect(cellText({ formula: '1+1', result: 32875 }, 'General')).toBe('32875');
  });
});

describe('isDateFormat', () => {
  it('looks for day or year codes outside quotes and brackets', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('mm-dd-yy')).toBe(true);
    expect(isDateFormat('[$-F800]dddd')).toBe(true);
    expect(isDateFormat('0.00"days"')).toBe(false);
    expect(isDateFormat('[Red]0')).toBe(false);
    expect(isDateFormat('@')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});

describe('cellText with the time of day kept', () => {
  it('gives date-time cells as YYYY-MM-DD HH:MM and plain dates as before', () => {
    const at = new Date(Date.UTC(2026, 0, 2, 8, 5));
    expect(cellText(at)).toBe('2026-01-02');
    expect(cellText(at, undefined, true)).toBe('2026-01-02 08:05');
    expect(cellText(new Date(Date.UTC(2026, 0, 2)), undefined, true)).toBe('2026-01-02');
    // A formula's serial result: 46024.25 is 2026-01-02 06:00.
    expect(cellText(46024.25, 'yyyy-mm-dd hh:mm', true)).toBe('2026-01-02 06:00');
    expect(cellText(46024.25, 'yyyy-mm-dd hh:mm')).toBe('2026-01-02');
  });
});
