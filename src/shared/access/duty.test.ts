import { describe, expect, it } from 'vitest';
import { beijingDateTime, beijingInstant } from '../time/beijing';
import { checkInState, openSpans, overlaps, uncoveredHoursOf, uncoveredSpans } from './duty';

const at = (day: string, time: string) => beijingInstant(day, time);
const shift = (day: string, from: string, toDay: string, to: string) => ({
  startsAt: at(day, from),
  endsAt: at(toDay, to),
});

describe('beijing time', () => {
  it('converts wall-clock times to instants and back', () => {
    expect(at('2026-11-30', '08:00').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(beijingDateTime('2026-11-29T17:30:00.000Z')).toEqual({ day: '2026-11-30', time: '01:30' });
  });
});

describe('openSpans', () => {
  it('reads round the clock, daytime and overnight hours', () => {
    expect(openSpans(null)).toEqual([[0, 1440]]);
    expect(openSpans('06:00-22:00')).toEqual([[360, 1320]]);
    expect(openSpans('22:00-06:00')).toEqual([
      [0, 360],
      [1320, 1440],
    ]);
  });
});

describe('uncoveredSpans', () => {
  const day = '2026-11-30';
  it('is the whole opening when nobody is on shift', () => {
    expect(uncoveredSpans([day], '06:00-22:00', [])).toEqual([
      { day, from: '06:00', to: '22:00', minutes: 960 },
    ]);
  });

  it('leaves out covered time, merging overlapping shifts', () => {
    const shifts = [
      shift(day, '06:00', day, '10:00'),
      shift(day, '09:00', day, '12:00'),
      shift(day, '14:00', day, '22:00'),
    ];
    expect(uncoveredSpans([day], '06:00-22:00', shifts)).toEqual([
      { day, from: '12:00', to: '14:00', minutes: 120 },
    ]);
  });

  it('counts a night shift crossing midnight on both days, round the clock', () => {
    const next = '2026-12-01';
    const shifts = [shift(day, '08:00', day, '20:00'), shift(day, '20:00', next, '08:00')];
    expect(uncoveredSpans([day, next], null, shifts)).toEqual([
      { day, from: '00:00', to: '08:00', minutes: 480 },
      { day: next, from: '08:00', to: '24:00', minutes: 960 },
    ]);
  });

  it('ignores shifts outside the opening hours and on other days', () => {
    const shifts = [shift('2026-11-29', '06:00', '2026-11-29', '22:00'), shift(day, '22:00', day, '23:00')];
    expect(uncoveredSpans([day], '06:00-22:00', shifts)).toHaveLength(1);
    expect(uncoveredSpans([day], '06:00-22:00', [shift(day, '05:00', day, '23:00')])).toEqual([]);
  });

  it('gives the red hours of the grid', () => {
    const spans = uncoveredSpans([day], '06:00-22:00', [shift(day, '06:00', day, '12:30')]);
    const hours = uncoveredHoursOf(day, spans);
    expect(hours.has(11)).toBe(false);
    expect(hours.has(12)).toBe(true);
    expect(hours.has(21)).toBe(true);
    expect(hours.has(22)).toBe(false);
    expect(hours.size).toBe(10);
  });
});

describe('checkInState', () => {
  const s = shift('2026-11-30', '08:00', '2026-11-30', '16:00');
  it('tells on time, late, missing and upcoming', () => {
    expect(checkInState({ ...s, checkedInAt: at('2026-11-30', '07:45') })).toBe('on_time');
    expect(checkInState({ ...s, checkedInAt: at('2026-11-30', '08:20') })).toBe('late');
    expect(checkInState({ ...s, checkedInAt: null }, at('2026-11-30', '09:00'))).toBe('missing');
    expect(checkInState({ ...s, checkedInAt: null }, at('2026-11-30', '07:00'))).toBe('upcoming');
  });
});

describe('overlaps', () => {
  it('treats touching shifts as not overlapping', () => {
    const d = '2026-11-30';
    expect(overlaps(shift(d, '08:00', d, '12:00'), shift(d, '12:00', d, '16:00'))).toBe(false);
    expect(overlaps(shift(d, '08:00', d, '12:01'), shift(d, '12:00', d, '16:00'))).toBe(true);
  });
});
