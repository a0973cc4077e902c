// The package is CommonJS: Node gives its functions only on the default export (a named import fails at start).
import chineseDays from 'chinese-days';
import type { LimitUnit } from '../../../shared/requests';
import { addDays, beijingDateTime, beijingInstant } from '../../../shared/time/beijing';

/**
 * A time limit counted from an instant: hours on the clock, or working days on the Chinese public-holiday
 * calendar (`chinese-days`: weekends, the statutory holidays and the weekend days worked in lieu). N working
 * days from a moment ends at the same Beijing time of day on the Nth working day after that day (a request
 * received on a Friday at 16:00 with 1 working day is due Monday at 16:00, or later after a holiday).
 */
export function deadlineFrom(start: Date, amount: number, unit: LimitUnit): Date {
  if (unit === 'hours') return new Date(start.getTime() + amount * 3_600_000);
  const { day, time } = beijingDateTime(start);
  let current = day;
  let left = amount;
  // A calendar has at most a few weeks off in a row; bounded so a bad year in the package cannot spin.
  for (let guard = 0; left > 0 && guard < amount * 7 + 60; guard++) {
    current = addDays(current, 1);
    if (chineseDays.isWorkday(current)) left--;
  }
  return beijingInstant(current, time.slice(0, 5));
}
