import { chinaToday } from '../identity/birth-date';

/**
 * Calendar dates as 'YYYY-MM-DD' strings (Beijing dates). Arithmetic works on whole day numbers built with
 * Date.UTC, never on local clock time, so the browser and the server agree whatever their time zone is.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC silently rolls 2020-02-30 into March (and maps years < 100 to 19xx); refuse instead.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

function requireDay(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return n;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== null;
}

export function addDays(date: string, days: number): string {
  return new Date((requireDay(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return requireDay(to) - requireDay(from);
}

/**
 * Today's calendar date in Beijing as YYYY-MM-DD, whatever time zone the server or the phone is in:
 * the one definition of "today" for return dates, observation ends and purge dates.
 */
export function beijingToday(now: Date = new Date()): string {
  const compact = chinaToday(now);
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}
