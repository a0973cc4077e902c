const MASK = '*';
const RESIDENT_ID_LENGTH = 18;

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
 * 18-character numbers follow the usual public-display convention: region code and last four stay
 * visible, the birth date and sequence number are hidden (110105********123X).
 */
export function maskIdNumber(normalized: string): string {
  const chars = Array.from(normalized);
  if (chars.length === RESIDENT_ID_LENGTH) return keepEnds(chars, 6, 4);
  return maskHalf(chars);
}

/** 138****5678 for mobiles; landlines keep the area code and the last 3–4 digits; extensions are hidden. */
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
