export type BirthDateProblem = 'bad_date' | 'future_date' | 'date_too_early';

export type BirthDateCheck = { ok: true; iso: string } | { ok: false; reason: BirthDateProblem };

const MIN_YEAR = 1900;
// Mainland China has a single time zone and no daylight saving, so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * "Today" as YYYYMMDD in China. Servers often run in UTC and browsers may be abroad; using the local clock
 * would reject a baby registered in the early hours of its birthday.
 */
export function chinaToday(now: Date): string {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  const y = String(shifted.getUTCFullYear()).padStart(4, '0');
  const m = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const d = String(shifted.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Validates an 8-digit YYYYMMDD birth date and returns it as ISO YYYY-MM-DD. */
export function checkBirthDate(yyyymmdd: string, now: Date): BirthDateCheck {
  if (!/^\d{8}$/.test(yyyymmdd)) return { ok: false, reason: 'bad_date' };
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'bad_date' };
  if (year < MIN_YEAR) return { ok: false, reason: 'date_too_early' };
  // Fixed-width digit strings compare chronologically.
  if (yyyymmdd > chinaToday(now)) return { ok: false, reason: 'future_date' };
  return { ok: true, iso: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` };
}
