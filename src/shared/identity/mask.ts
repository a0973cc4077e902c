const MASK = '*';
const RESIDENT_ID_LENGTH = 18;
// The 2004 permanent residence card: nationality (3 letters), issuing place (4), YYMMDD, sequence (2).
const OLD_PERMANENT_RESIDENCE = /^[A-Z]{3}\d{12}$/;

function keepEnds(chars: readonly string[], head: number, tail: number): string {
  const hidden = Math.max(0, chars.length - head - tail);
  return [...chars.slice(0, head), MASK.repeat(hidden), ...chars.slice(chars.length - tail)].join('');
}

/**
 * Shows a little of each end so staff can tell records apart, while never showing more than half the
 * characters. The tail grows with length (2 to 4) because longer numbers leave more to hide.
 */
function maskHalf(chars: readonly string[]): string {
  const maxVisible = Math.floor(chars.length / 2);
  const head = Math.min(2, Math.floor(maxVisible / 2));
  const tail = Math.min(Math.max(2, Math.min(4, Math.floor(chars.length / 4))), maxVisible - head);
  return keepEnds(chars, head, tail);
}

/**
 * 18-character numbers (resident IDs, residence permits, the 2023 permanent residence card) keep the
 * region code and the check character only (110105***********X). The usual "region + last four" hid
 * exactly the birth date, so anything that told the birth date (a date, an age watched over a year)
 * finished the number; hiding the sequence too leaves ~16,000 candidates to someone who knows the
 * region, the age and the gender (DESIGN.md: at least 1,000 per response). The 2004 permanent residence
 * card carries a birth date as well, so it keeps only its first two letters.
 */
export function maskIdNumber(normalized: string): string {
  const chars = Array.from(normalized);
  if (chars.length === RESIDENT_ID_LENGTH) return keepEnds(chars, 6, 1);
  if (OLD_PERMANENT_RESIDENCE.test(normalized)) return keepEnds(chars, 2, 0);
  return maskHalf(chars);
}

/**
 * 138****5678 for mobiles; landlines keep the area code and the last 3–4 digits; extensions are hidden.
 * The last four stay because staff search and confirm by them (尾号) and the tail search finds them
 * anyway; the four hidden digits leave 10,000 candidates, reachable only through the whole-number
 * search, which is limited per account and audited.
 */
export function maskPhone(normalized: string): string {
  if (/^1\d{10}$/.test(normalized)) return keepEnds(Array.from(normalized), 3, 4);
  const landline = /^(0\d{2,3})-(\d{7,8})(?:-(\d{1,6}))?$/.exec(normalized);
  const area = landline?.[1];
  const local = landline?.[2];
  if (area === undefined || local === undefined) return maskHalf(Array.from(normalized));
  const ext = landline?.[3];
  const maskedLocal = keepEnds(Array.from(local), 0, Math.floor(local.length / 2));
  return `${area}-${maskedLocal}${ext === undefined ? '' : `-${MASK.repeat(ext.length)}`}`;
}
