import { beijingToday, dateExists } from '../time/beijing';

export type BirthDateProblem = 'bad_date' | 'future_date' | 'date_too_early';

export type BirthDateCheck = { ok: true; iso: string } | { ok: false; reason: BirthDateProblem };

const MIN_YEAR = 1900;

/** Validates an 8-digit YYYYMMDD birth date and returns it as ISO YYYY-MM-DD. */
export function checkBirthDate(yyyymmdd: string, now: Date): BirthDateCheck {
  if (!/^\d{8}$/.test(yyyymmdd)) return { ok: false, reason: 'bad_date' };
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (!dateExists(year, month, day)) return { ok: false, reason: 'bad_date' };
  if (year < MIN_YEAR) return { ok: false, reason: 'date_too_early' };
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  // "Today" in Beijing, whatever the server's or phone's zone: a baby registered in the early hours of
  // its birthday is not born in the future. ISO dates compare chronologically as text.
  if (iso > beijingToday(now)) return { ok: false, reason: 'future_date' };
  return { ok: true, iso };
}
