// Full-width ASCII variants (U+FF01–U+FF5E) sit at a fixed offset from ASCII. Chinese IMEs emit them
// whenever the user forgets to switch input mode, so they are the most common source of "invalid" numbers.
const FULL_WIDTH_OFFSET = 0xfee0;
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;

// Zero-width characters arrive unseen when numbers are copied from chat apps, PDFs or web pages.
const INVISIBLE = /[\u200b\u200c\u2060\ufeff]/g;
const ZERO_WIDTH_JOINER = '\u200d';

const WHITESPACE = /\s+/g;
// Hyphen look-alikes (‐ ‑ ‒ – — ― −) that word processors substitute for '-'.
const DASHES = /[-\u2010-\u2015\u2212]/g;
// Chinese IMEs offer '×' when people type the X of a resident ID.
const MULTIPLICATION_SIGN = /\u00d7/g;

export function toHalfWidth(input: string): string {
  return input
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, ' ');
}

export function removeInvisible(input: string): string {
  return input.replace(INVISIBLE, '').replaceAll(ZERO_WIDTH_JOINER, '');
}

export function normalizeSeparators(input: string, replacement: string): string {
  return input.replace(DASHES, replacement);
}

/**
 * Canonical form shared by every document type. Separators carry no meaning in any of the supported
 * document numbers, so dropping them is harmless; only ASCII letters are upper-cased so that exotic
 * characters keep their length and are rejected later as bad characters.
 */
export function normalizeDocumentInput(raw: string): string {
  return normalizeSeparators(removeInvisible(toHalfWidth(raw)), '')
    .replace(WHITESPACE, '')
    .replace(MULTIPLICATION_SIGN, 'X')
    .replace(/[a-z]/g, (ch) => ch.toUpperCase());
}
