// GB 11643-1999: weight of position i is 2^(17-i) mod 11, check character indexed by the weighted sum mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * MOD 11-2 check character for the first 17 digits of a resident ID (also used by residence permits and the
 * 2023 foreign permanent residence ID). Throws on malformed input because callers pass generated data, and
 * a silent wrong answer would produce plausible-looking but invalid test IDs.
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`residentIdCheckChar expects exactly 17 digits, got "${first17}"`);
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17.charAt(i)), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** True when an 18-character number (17 digits + check char) carries the right check character. */
export function hasValidCheckChar(id18: string): boolean {
  const first17 = id18.slice(0, 17);
  return id18.length === 18 && /^\d{17}$/.test(first17) && residentIdCheckChar(first17) === id18.charAt(17);
}
