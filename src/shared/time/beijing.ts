/**
 * Dates and times in Beijing: the one place that knows how a moment becomes a Beijing date or wall-clock
 * time and back, used by the server, the console, the gate app and the resident page. Nothing here reads
 * the machine's time zone (a server in UTC, a phone abroad or a test under TZ=America/New_York all agree):
 * Beijing has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact.
 *
 * Calendar dates are 'YYYY-MM-DD' strings; their arithmetic works on whole day numbers (Date.UTC), never
 * on a local clock. Instants are Date objects or ISO strings.
 */

export const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** The zone's IANA name, for PostgreSQL's `at time zone` (never '+08', which POSIX reads as UTC−8). */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A moment: a Date, an ISO string (any offset) or epoch milliseconds. */
export type InstantLike = Date | string | number;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether year-month-day is a day of the Gregorian calendar (no 30 February, no month 13). */
export function dateExists(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const back = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2020-02-30 into March and maps years below 100 to 19xx; both count as not existing.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
}

function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return dateExists(year, month, day) ? Date.UTC(year, month - 1, day) / MS_PER_DAY : null;
}

function requireDay(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return n;
}

/** 'YYYY-MM-DD' that exists (2021-02-29 does not). */
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

function millis(at: InstantLike): number {
  return at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
}

/**
 * A Date whose UTC fields read Beijing's wall clock at `at` (invalid when `at` is). For what has no time
 * zone of its own: Excel cells, and the fields read below.
 */
export function beijingWallClock(at: InstantLike): Date {
  return new Date(millis(at) + BEIJING_OFFSET_MS);
}

/** The Beijing calendar date of a moment, 'YYYY-MM-DD'. */
export function beijingDate(at: InstantLike): string {
  const wall = beijingWallClock(at);
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/**
 * Today in Beijing, 'YYYY-MM-DD': the one definition of "today" for return dates, observation ends, pass
 * validity, deadlines and purge dates.
 */
export function beijingToday(now: Date = new Date()): string {
  return beijingDate(now);
}

/** The instant a Beijing wall-clock time ('YYYY-MM-DD', 'HH:MM') stands for. */
export function beijingInstant(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T${time}:00.000Z`) - BEIJING_OFFSET_MS);
}

/** The first instant of a Beijing day (16:00 UTC the day before). */
export function beijingDayStart(day: string): Date {
  return new Date(requireDay(day) * MS_PER_DAY - BEIJING_OFFSET_MS);
}

/** The end of a Beijing day, exclusive: the first instant of the next day. */
export function beijingDayEnd(day: string): Date {
  return beijingDayStart(addDays(day, 1));
}

/** A moment's Beijing date and wall-clock time, { day: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function beijingDateTime(at: InstantLike): { day: string; time: string } {
  const wall = beijingWallClock(at).toISOString();
  return { day: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * A moment as people in China write it, in Beijing time on a 24-hour clock: '2026-01-23 08:05'
 * (':SS' with `seconds`). Zero-padded, so a column of them sorts by time. '' for a missing or bad value.
 */
export function formatBeijingDateTime(
  at: InstantLike | null | undefined,
  options: { seconds?: boolean } = {},
): string {
  if (at === null || at === undefined) return '';
  const wall = beijingWallClock(at);
  if (Number.isNaN(wall.getTime())) return '';
  return wall
    .toISOString()
    .slice(0, options.seconds ? 19 : 16)
    .replace('T', ' ');
}

/** The Beijing wall-clock time of a moment, '08:05' (':SS' with `seconds`); '' for a missing or bad value. */
export function formatBeijingTime(
  at: InstantLike | null | undefined,
  options: { seconds?: boolean } = {},
): string {
  return formatBeijingDateTime(at, options).slice(11);
}

/** '11-30 08:00': a Beijing time where the year goes without saying (a week's duty table). */
export function formatBeijingShort(at: InstantLike): string {
  return formatBeijingDateTime(at).slice(5);
}

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
// A time part (exports from other systems write '1990-01-02 00:00:00', JSON an ISO timestamp) is ignored:
// the day is taken as written.
const SEPARATED_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A calendar date as people type it: 2026-01-02, 2026/1/2, 2026.1.2, 2026年1月2日, 20260102 (full-width
 * digits too). 'YYYY-MM-DD', or null when it is not a date or names a day that does not exist.
 */
export function parseCalendarDate(text: string): string | null {
  const plain = text
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－／．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const match = SEPARATED_DATE.exec(plain) ?? COMPACT_DATE.exec(plain);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return dateExists(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}
