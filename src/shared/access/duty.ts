/** Gate duty, pure: uncovered hours of a gate (in Beijing time) and a shift's check-in state. */
import { beijingDayStart } from '../time/beijing';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** A guard may check in this long before the shift starts. */
export const CHECK_IN_GRACE_MINUTES = 30;
/** Checked in later than this after the start counts as late. */
export const LATE_AFTER_MINUTES = 5;
/** The longest single shift accepted. */
export const MAX_SHIFT_HOURS = 24;

export const INSPECTION_ITEMS = ['staffed', 'thermometerOk', 'logComplete', 'visitorsRegistered'] as const;
export type InspectionItem = (typeof INSPECTION_ITEMS)[number];

function minutesOf(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`bad time ${hhmm}`);
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new Error(`bad time ${hhmm}`);
  return h * 60 + m;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The open spans of one day in minutes after Beijing midnight. null = round the clock; 'HH:MM-HH:MM'
 * with the end before the start (22:00-06:00) is open overnight: the evening and the early morning.
 */
export function openSpans(openingHours: string | null): Array<[number, number]> {
  if (!openingHours) return [[0, DAY_MINUTES]];
  const [from, to] = openingHours.split('-') as [string, string];
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (end === start) return [[0, DAY_MINUTES]];
  if (end > start) return [[start, end]];
  return [
    [0, end],
    [start, DAY_MINUTES],
  ].filter(([a, b]) => (b as number) > (a as number)) as Array<[number, number]>;
}

export interface Span {
  startsAt: Date | string;
  endsAt: Date | string;
}

export interface UncoveredSpan {
  day: string;
  /** Beijing wall-clock 'HH:MM'; `to` may be '24:00'. */
  from: string;
  to: string;
  minutes: number;
}

/**
 * For each day, the parts of the gate's opening hours that no shift covers, in Beijing time.
 * Shifts may cross midnight and overlap each other; days are 'YYYY-MM-DD'.
 */
export function uncoveredSpans(
  days: readonly string[],
  openingHours: string | null,
  shifts: readonly Span[],
) {
  const out: UncoveredSpan[] = [];
  const spans = openSpans(openingHours);
  for (const day of days) {
    const midnight = beijingDayStart(day).getTime();
    // Shifts clipped to this day, as minute intervals, sorted.
    const covered = shifts
      .map((s) => [
        Math.max(0, Math.floor((new Date(s.startsAt).getTime() - midnight) / MINUTE_MS)),
        Math.min(DAY_MINUTES, Math.ceil((new Date(s.endsAt).getTime() - midnight) / MINUTE_MS)),
      ])
      .filter(([a, b]) => (b as number) > (a as number))
      .sort((x, y) => (x[0] as number) - (y[0] as number)) as Array<[number, number]>;
    for (const [open, close] of spans) {
      let cursor = open;
      for (const [a, b] of covered) {
        if (b <= cursor) continue;
        if (a >= close) break;
        if (a > cursor) out.push(span(day, cursor, a));
        cursor = Math.max(cursor, b);
        if (cursor >= close) break;
      }
      if (cursor < close) out.push(span(day, cursor, close));
    }
  }
  return out;
}

function span(day: string, from: number, to: number): UncoveredSpan {
  return { day, from: hhmm(from), to: hhmm(to), minutes: to - from };
}

/** The hours (0–23) of `day` that an uncovered span touches: the red cells of the week grid. */
export function uncoveredHoursOf(day: string, spans: readonly UncoveredSpan[]): Set<number> {
  const hours = new Set<number>();
  for (const s of spans) {
    if (s.day !== day) continue;
    const from = minutesOf(s.from);
    const to = minutesOf(s.to);
    for (let h = Math.floor(from / 60); h * 60 < to; h++) hours.add(h);
  }
  return hours;
}

export type CheckInState = 'on_time' | 'late' | 'missing' | 'upcoming';

/** Checked in on time, late, not at all although the shift has begun, or not begun yet. */
export function checkInState(
  shift: Span & { checkedInAt: Date | string | null },
  now: Date = new Date(),
): CheckInState {
  const start = new Date(shift.startsAt).getTime();
  const lateFrom = start + LATE_AFTER_MINUTES * MINUTE_MS;
  if (shift.checkedInAt) return new Date(shift.checkedInAt).getTime() > lateFrom ? 'late' : 'on_time';
  return now.getTime() > lateFrom ? 'missing' : 'upcoming';
}

/** Whether two [start, end) intervals share any time. */
export function overlaps(a: Span, b: Span): boolean {
  return (
    new Date(a.startsAt).getTime() < new Date(b.endsAt).getTime() &&
    new Date(b.startsAt).getTime() < new Date(a.endsAt).getTime()
  );
}
