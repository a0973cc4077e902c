// Small text helpers for spreadsheet cells. The identity module has its own (stricter) normalisation for
// document and phone numbers; these cover names, addresses and the enumerated columns.

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
// Zero-width characters arrive unseen when text is pasted from chat apps or web pages.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const WHITESPACE_RUN = /[\s\u3000]+/g;

/** Full-width letters, digits and punctuation (typed with a Chinese IME left on) become ASCII. */
export function toHalfWidth(input: string): string {
  return input.replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** Trims, drops invisible characters and collapses inner whitespace runs (incl. U+3000) to one space. */
export function cleanText(input: string | undefined): string {
  return (input ?? '').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Key for looking typed values up in alias tables: half-width, no whitespace at all, lower case. People
 * pad labels for alignment ('姓　　名') and mix cases in English ('Male', 'MALE').
 */
export function lookupKey(input: string | undefined): string {
  return toHalfWidth(cleanText(input)).replace(/\s+/g, '').toLowerCase();
}

/** Length in characters as people count them (surrogate pairs count once). */
export function charLength(input: string): number {
  return Array.from(input).length;
}
