import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2020-02-20', 14)).toBe('2020-03-05');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2019-12-25', 14)).toBe('2020-01-08');
    expect(addDays('2020-03-05', -14)).toBe('2020-02-20');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2020-02-06', '2020-02-20')).toBe(14);
    expect(daysBetween('2020-02-20', '2020-02-06')).toBe(-14);
    expect(daysBetween('2020-02-20', '2020-02-20')).toBe(0);
  });

  it('rejects dates that do not exist instead of rolling them over', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2020-13-01')).toBe(false);
    expect(isCalendarDate('0020-01-01')).toBe(false);
    expect(isCalendarDate('2020-2-1')).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(() => addDays('2020-02-30', 1)).toThrow(RangeError);
  });
});
