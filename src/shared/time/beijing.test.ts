import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  beijingDate,
  beijingDateTime,
  beijingDayEnd,
  beijingDayStart,
  beijingInstant,
  beijingToday,
  beijingWallClock,
  daysBetween,
  formatBeijingDateTime,
  formatBeijingShort,
  formatBeijingTime,
  isCalendarDate,
  parseCalendarDate,
} from './beijing';

/** Every expectation runs twice: in the machine's zone and in New York's, which must change nothing. */
function inZones(run: () => void) {
  it('in the machine’s own time zone', run);
  describe('on a machine in New York (TZ=America/New_York)', () => {
    const before = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/New_York';
    });
    afterAll(() => {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    });
    it('the zone really is New York here', () => {
      // Node re-reads TZ when it changes: winter in New York is UTC−5, so a naive local format moves.
      expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
      expect(new Date('2026-01-15T16:00:00Z').getDate()).toBe(15);
    });
    it('gives the same answers', run);
  });
}

describe('Beijing dates of instants: 23:59 / 00:00 Beijing is 15:59 / 16:00 UTC', () => {
  inZones(() => {
    expect(beijingDate('2026-01-15T15:59:59.999Z')).toBe('2026-01-15');
    expect(beijingDate('2026-01-15T16:00:00.000Z')).toBe('2026-01-16');
    expect(beijingToday(new Date('2026-01-15T15:59:00Z'))).toBe('2026-01-15');
    expect(beijingToday(new Date('2026-01-15T16:00:00Z'))).toBe('2026-01-16');
    // Month, leap day and year ends.
    expect(beijingDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    expect(beijingDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    expect(beijingDate(new Date('2024-02-29T16:00:00Z'))).toBe('2024-03-01');
    expect(beijingDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(beijingDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    // Epoch milliseconds and ISO strings with an offset name the same moment.
    expect(beijingDate(Date.parse('2026-03-01T00:30:00+08:00'))).toBe('2026-03-01');
    expect(beijingDateTime('2026-03-01T00:30:00+08:00')).toEqual({ day: '2026-03-01', time: '00:30' });
    expect(beijingDateTime('2025-12-31T16:00:00Z')).toEqual({ day: '2026-01-01', time: '00:00' });
  });
});

describe('Beijing days as instants', () => {
  inZones(() => {
    expect(beijingDayStart('2026-01-16').toISOString()).toBe('2026-01-15T16:00:00.000Z');
    expect(beijingDayEnd('2026-01-16').toISOString()).toBe('2026-01-16T16:00:00.000Z');
    expect(beijingDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(beijingDayEnd('2025-12-31').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(beijingDayEnd('2024-02-29').toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(beijingInstant('2026-03-01', '08:00').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(beijingInstant('2026-03-01', '00:00').getTime()).toBe(beijingDayStart('2026-03-01').getTime());
    expect(() => beijingDayStart('2026-02-30')).toThrow(RangeError);
    // A day start is that day in Beijing, and the instant before it is the day before.
    const start = beijingDayStart('2026-07-01');
    expect(beijingDate(start)).toBe('2026-07-01');
    expect(beijingDate(start.getTime() - 1)).toBe('2026-06-30');
  });
});

describe('formatting for people: Beijing time, 24-hour clock, zero-padded', () => {
  inZones(() => {
    expect(formatBeijingDateTime('2026-01-15T15:59:30Z')).toBe('2026-01-15 23:59');
    expect(formatBeijingDateTime('2026-01-15T16:00:05Z', { seconds: true })).toBe('2026-01-16 00:00:05');
    expect(formatBeijingDateTime(new Date('2025-12-31T16:05:00Z'))).toBe('2026-01-01 00:05');
    expect(formatBeijingTime('2026-01-15T16:00:05Z')).toBe('00:00');
    expect(formatBeijingTime('2026-01-15T04:07:09Z', { seconds: true })).toBe('12:07:09');
    expect(formatBeijingShort('2026-11-30T00:00:00Z')).toBe('11-30 08:00');
    expect(formatBeijingDateTime(null)).toBe('');
    expect(formatBeijingDateTime('not a time')).toBe('');
    // Text sorts in time order (a column of 2026/1/9 and 2026/10/1 would not).
    const times = ['2026-10-01T02:00:00Z', '2026-01-09T02:00:00Z', '2026-02-01T02:00:00Z'];
    const sorted = times.map((t) => formatBeijingDateTime(t)).sort();
    expect(sorted).toEqual(['2026-01-09 10:00', '2026-02-01 10:00', '2026-10-01 10:00']);
    // What Excel cells get: the Beijing wall clock in UTC fields.
    expect(beijingWallClock('2026-01-15T16:00:00Z').toISOString()).toBe('2026-01-16T00:00:00.000Z');
  });
});

describe('calendar dates', () => {
  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2020-02-20', 14)).toBe('2020-03-05');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2019-12-25', 14)).toBe('2020-01-08');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2020-03-05', -14)).toBe('2020-02-20');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2020-02-06', '2020-02-20')).toBe(14);
    expect(daysBetween('2020-02-20', '2020-02-06')).toBe(-14);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2020-13-01')).toBe(false);
    expect(isCalendarDate('0020-01-01')).toBe(false);
    expect(isCalendarDate('2020-2-1')).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(() => addDays('2020-02-30', 1)).toThrow(RangeError);
  });

  it('reads dates as people type them', () => {
    for (const typed of [
      '2026-01-02',
      '2026/1/2',
      '2026.1.2',
      '2026年1月2日',
      '20260102',
      '２０２６－１－２',
    ])
      expect(parseCalendarDate(typed)).toBe('2026-01-02');
    expect(parseCalendarDate('2026-01-02 00:00:00')).toBe('2026-01-02');
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2026-13-01', '26-1-2', '2026-01', 'tomorrow', ''])
      expect(parseCalendarDate(bad)).toBeNull();
  });
});
