// Rosters are filled in a hurry: when nobody knew the number, someone typed 13800000000 or 11111111111 to
// get past a required cell. Such a number passes every format check, and storing it would send the
// community's SMS and calls to a stranger, so the import shows it as a conflict for a person to decide.

/** Numbers known to be typed as "no number" (a carrier's service line among them). */
const KNOWN = new Set(['13800138000', '13888888888', '13900000000', '10086', '10010', '12345678901']);

/**
 * True for a number that looks typed to fill a cell: a known filler, the local part (the last 8 digits)
 * one repeated digit or a run of 0000/9999 and more, or an ascending/descending run 1234567/7654321.
 */
export function isPlaceholderPhone(normalized: string): boolean {
  const digits = normalized.replace(/\D/g, '');
  if (KNOWN.has(digits)) return true;
  const local = digits.slice(-8);
  if (/^(\d)\1+$/.test(local)) return true;
  if (/(\d)\1{6,}/.test(digits)) return true;
  return digits.includes('1234567') || digits.includes('7654321');
}
