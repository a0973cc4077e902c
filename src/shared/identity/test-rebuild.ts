// Test-only: the attacker of DESIGN.md's privacy rule. Given what ONE response shows of a person (the
// masked number, gender, birth date, birth year or age) and what an attacker is assumed to know anyway
// (the region code of the community, today's date), it counts by enumeration every number that fits:
// region, a valid birth date in the shown range, a sequence of the shown gender, the check character.
// The rule: at least 1,000 candidates. Never import this from runtime code.
import { AGE_SHOWN_UP_TO, ageOn } from './age';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const OLD_PERMANENT_RESIDENCE = /^[A-Z]{3}\d{12}$/;

export interface ShownIdentity {
  masked: string;
  gender?: 'male' | 'female' | null | undefined;
  birthDate?: string | null | undefined;
  birthYear?: number | null | undefined;
  age?: number | null | undefined;
}

export interface AttackerKnowledge {
  /** The true number: the attacker is granted its region part (and, for the 2004 card, nationality). */
  truth: string;
  /** Today in China, YYYY-MM-DD. */
  today: string;
}

const dayCache = new Map<string, string[]>();

/** Every day a valid ID number can carry (1900-01-01 to today), oldest first. */
function allBirthDays(today: string): string[] {
  const cached = dayCache.get(today);
  if (cached) return cached;
  const days: string[] = [];
  const end = Date.parse(`${today}T00:00:00Z`);
  for (let ms = Date.UTC(1900, 0, 1); ms <= end; ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  dayCache.set(today, days);
  return days;
}

/** The birth dates consistent with the date facts the response shows. */
export function candidateBirthDates(shown: ShownIdentity, today: string): string[] {
  const days = allBirthDays(today);
  // A coarse bracket first (the days are sorted, ISO strings compare in date order), then exact checks.
  const year = Number(today.slice(0, 4));
  let from = '1900-01-01';
  let to = today;
  if (shown.birthDate) [from, to] = [shown.birthDate, shown.birthDate];
  else if (shown.birthYear != null) [from, to] = [`${shown.birthYear}-01-01`, `${shown.birthYear}-12-31`];
  else if (shown.age != null && shown.age < AGE_SHOWN_UP_TO)
    [from, to] = [`${year - shown.age - 2}-01-01`, `${year - shown.age}-12-31`];
  else if (shown.age != null) to = `${year - AGE_SHOWN_UP_TO}-12-31`;
  const start = lowerBound(days, from);
  const end = lowerBound(days, `${to}~`);
  return days.slice(start, end).filter((day) => {
    if (shown.birthDate && day !== shown.birthDate) return false;
    if (shown.birthYear != null && Number(day.slice(0, 4)) !== shown.birthYear) return false;
    if (shown.age != null) {
      // The age shown is the age on 1 January of this year, 0 for anyone born since (age.ts).
      const age = Math.max(0, ageOn(day, `${year}-01-01`));
      if (shown.age >= AGE_SHOWN_UP_TO ? age < AGE_SHOWN_UP_TO : age !== shown.age) return false;
    }
    return true;
  });
}

function lowerBound(sorted: readonly string[], value: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const fits = (masked: string, at: number, char: string) => masked[at] === '*' || masked[at] === char;

/** 18 characters: 6 region, 8 birth date, 3 sequence (last digit odd for men), MOD 11-2 check character. */
function count18(shown: ShownIdentity, k: AttackerKnowledge): number {
  const m = shown.masked;
  const region = k.truth.slice(0, 6);
  let regionSum = 0;
  for (let i = 0; i < 6; i++) {
    if (!fits(m, i, region.charAt(i))) return 0;
    regionSum += (WEIGHTS[i] ?? 0) * Number(region.charAt(i));
  }
  // Sequences that fit, bucketed by what they add to the weighted sum (mod 11).
  const bySum = new Array<number>(11).fill(0);
  let sequences = 0;
  for (let s = 0; s < 1000; s++) {
    const digits = String(s).padStart(3, '0');
    if (![0, 1, 2].every((j) => fits(m, 14 + j, digits.charAt(j)))) continue;
    const odd = Number(digits.charAt(2)) % 2 === 1;
    if (shown.gender && odd !== (shown.gender === 'male')) continue;
    const sum = 8 * Number(digits[0]) + 4 * Number(digits[1]) + 2 * Number(digits[2]);
    bySum[sum % 11] = (bySum[sum % 11] ?? 0) + 1;
    sequences++;
  }
  const check = m.charAt(17);
  const wanted = check === '*' ? -1 : CHECK_CHARS.indexOf(check);
  let count = 0;
  for (const day of candidateBirthDates(shown, k.today)) {
    const ymd = day.replaceAll('-', '');
    let partial = regionSum;
    let ok = true;
    for (let j = 0; j < 8 && ok; j++) {
      ok = fits(m, 6 + j, ymd.charAt(j));
      partial += (WEIGHTS[6 + j] ?? 0) * Number(ymd.charAt(j));
    }
    if (!ok) continue;
    count += wanted < 0 ? sequences : (bySum[(((wanted - partial) % 11) + 11) % 11] ?? 0);
  }
  return count;
}

/** The 2004 card: nationality and issuing place (granted), YYMMDD, a two-digit sequence. */
function countOldPermanentResidence(shown: ShownIdentity, k: AttackerKnowledge): number {
  const m = shown.masked;
  for (let i = 0; i < 7; i++) if (!fits(m, i, k.truth.charAt(i))) return 0;
  const dates = new Set<string>();
  for (const day of candidateBirthDates(shown, k.today)) {
    const yymmdd = day.replaceAll('-', '').slice(2);
    if ([...yymmdd].every((c, j) => fits(m, 7 + j, c))) dates.add(yymmdd);
  }
  let sequences = 0;
  for (let s = 0; s < 100; s++) {
    const digits = String(s).padStart(2, '0');
    if (fits(m, 13, digits.charAt(0)) && fits(m, 14, digits.charAt(1))) sequences++;
  }
  return dates.size * sequences;
}

/** How many numbers fit what one response shows. Only numbers that carry a birth date are modelled. */
export function countIdCandidates(shown: ShownIdentity, k: AttackerKnowledge): number {
  if (shown.masked.length !== k.truth.length) return 0;
  if (k.truth.length === 18) return count18(shown, k);
  if (OLD_PERMANENT_RESIDENCE.test(k.truth)) return countOldPermanentResidence(shown, k);
  throw new Error(`no model for a number of this shape (${k.truth.length} characters)`);
}

/** Phones: each hidden digit of a mobile is 0–9 (the second 3–9); a landline's local number starts 1–9. */
export function countPhoneCandidates(masked: string): number {
  const mobile = /^1[\d*]{10}$/.test(masked);
  const landline = /^(0\d{2,3})-([\d*]{7,8})/.exec(masked);
  if (!mobile && !landline) throw new Error('not a masked phone');
  const digits = mobile ? masked : (landline?.[2] ?? '');
  let count = 1;
  for (let i = 0; i < digits.length; i++) {
    if (digits[i] !== '*') continue;
    count *= mobile && i === 1 ? 7 : !mobile && i === 0 ? 9 : 10;
  }
  return count;
}
