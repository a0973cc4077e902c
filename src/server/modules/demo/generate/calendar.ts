import type { Rng } from './prng';

const DAY_MS = 86_400_000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * ISO date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). Date#toISOString was the
 * single largest cost of generating ~12,000 residents.
 */
function isoDate(daysSinceEpoch: number): string {
  const z = daysSinceEpoch + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Birth dates and ages relative to one fixed "today", computed on UTC midnights so that no time zone or
 * DST shift can move a date. The UTC date is never later than the China date, so birth dates built from
 * it never fail the "not in the future" rule of parseIdNumber, whatever the server's time zone.
 */
export class Calendar {
  readonly year: number;
  private readonly month: number;
  private readonly day: number;
  // [earliest, latest] birth instants per age; ~100 distinct ages serve ~12,000 people.
  private readonly windows = new Map<number, readonly [number, number]>();

  constructor(today: Date) {
    this.year = today.getUTCFullYear();
    this.month = today.getUTCMonth();
    this.day = today.getUTCDate();
  }

  /** A birth date (ISO YYYY-MM-DD) that makes the person exactly `age` full years old today. */
  birthDateForAge(rng: Rng, age: number): string {
    let window = this.windows.get(age);
    if (window === undefined) {
      window = [this.yearsBefore(age + 1) + DAY_MS, this.yearsBefore(age)];
      this.windows.set(age, window);
    }
    const [earliest, latest] = window;
    const days = Math.round((latest - earliest) / DAY_MS);
    return isoDate(Math.round(earliest / DAY_MS) + rng.int(0, days));
  }

  /** Full years between an ISO birth date and today, the way staff count age. */
  ageOn(birthDate: string): number {
    const [y, m, d] = birthDate.split('-').map(Number);
    if (y === undefined || m === undefined || d === undefined) throw new RangeError(`bad date ${birthDate}`);
    const beforeBirthday = this.month + 1 < m || (this.month + 1 === m && this.day < d);
    return this.year - y - (beforeBirthday ? 1 : 0);
  }

  private yearsBefore(years: number): number {
    const year = this.year - years;
    // 29 February becomes 28 February in a common year; Date.UTC would otherwise roll over to March.
    const lastDay = new Date(Date.UTC(year, this.month + 1, 0)).getUTCDate();
    return Date.UTC(year, this.month, Math.min(this.day, lastDay));
  }
}
