/**
 * People's names: the one rule for how a typed name is cleaned, which names are accepted (with the same
 * Chinese messages on the resident page, in the console and in the roster import), and when two spellings
 * name the same person. Everything derives from one character table:
 *
 * - invisible characters that come with pasted text are dropped;
 * - every kind of space (ASCII, full-width U+3000, no-break …) is a space;
 * - full-width ASCII (a Chinese IME left on: 'ＬＩ　ＭＩＮＧ') is ASCII;
 * - the dots that part minority and foreign names ('·', '•', '・', '．' …) are one dot '·' (U+00B7, as the
 *   household register writes 阿卜杜·热合曼); in a Latin-script name a '.' stays a full stop ('J. Smith');
 * - hyphen look-alikes ('‐', '–', '−' …) are '-', a typographic apostrophe is "'".
 *
 * The stored name (`normalizeName`) keeps letters' case and, in Latin-script names, one space between the
 * parts; a name in Chinese characters loses its spaces ('李　娜', padded to line up in a roster, is 李娜, and
 * a search for 李娜 finds it). The comparison key (`nameKey`) drops every space and folds case too, and is
 * one character-for-character table so that the database applies the very same fold with
 * `translate(name, NAME_KEY_FOLD.from, NAME_KEY_FOLD.to)`; names stored before this rule compare the same.
 * `nameKey(normalizeName(x)) === nameKey(x)` for every x: cleaning never makes two names differ.
 */

export const NAME_DOT = '·';
export const NAME_MAX_LENGTH = 50;

const DOTS = ['.', '\u0387', '\u2022', '\u2027', '\u2219', '\u22c5', '\u2e31', '\u30fb', '\ufe52', '\uff65'];
const HYPHENS = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];
const APOSTROPHES = ['\u2019', '\u02bc'];
// Everything `\s` matches in JavaScript.
const SPACES = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
];
// Zero-width characters that arrive unseen with text pasted from chat apps and web pages.
const INVISIBLE = ['\ufeff', '\u200b', '\u200c', '\u200d', '\u2060'];

/** What a character is, whatever way it was typed: the table both the stored form and the key start from. */
function typed(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width ASCII sits at a fixed offset from ASCII (U+FF01–U+FF5E).
  if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) return typed(String.fromCharCode(code - 0xfee0));
  if (INVISIBLE.includes(ch)) return '';
  if (SPACES.includes(ch)) return ' ';
  if (ch !== '.' && DOTS.includes(ch)) return NAME_DOT;
  if (HYPHENS.includes(ch)) return '-';
  if (APOSTROPHES.includes(ch)) return "'";
  return ch;
}

/** A character as the comparison key has it. */
function keyed(ch: string): string {
  const t = typed(ch);
  if (t === ' ') return '';
  if (t === '.') return NAME_DOT;
  return t >= 'A' && t <= 'Z' ? t.toLowerCase() : t;
}

const HAN = /\p{Script=Han}/u;

/** The name as it is stored and shown (see the top of this file). */
export function normalizeName(raw: string): string {
  let text = '';
  for (const ch of raw) text += typed(ch);
  if (HAN.test(text)) return text.replaceAll(' ', '').replaceAll('.', NAME_DOT);
  return text.replace(/ {2,}/g, ' ').trim();
}

function buildFold(): Map<string, string> {
  const fold = new Map<string, string>();
  const add = (ch: string) => {
    const key = keyed(ch);
    if (key !== ch) fold.set(ch, key);
  };
  for (let code = 0x41; code <= 0x5a; code++) add(String.fromCharCode(code));
  for (let code = 0xff01; code <= 0xff5e; code++) add(String.fromCharCode(code));
  for (const ch of [...DOTS, ...HYPHENS, ...APOSTROPHES, ...SPACES, ...INVISIBLE]) add(ch);
  return fold;
}

const FOLD = buildFold();

/** The key's fold as `translate()` takes it: mapped characters first, then the dropped ones (no partner). */
export const NAME_KEY_FOLD: { from: string; to: string } = (() => {
  const mapped = [...FOLD].filter(([, to]) => to !== '');
  const dropped = [...FOLD].filter(([, to]) => to === '').map(([from]) => from);
  return {
    from: mapped.map(([from]) => from).join('') + dropped.join(''),
    to: mapped.map(([, to]) => to).join(''),
  };
})();

/** The form of a name used to say whether two spellings name the same person. */
export function nameKey(name: string): string {
  let key = '';
  for (const ch of name) key += FOLD.get(ch) ?? ch;
  return key;
}

/** Whether two spellings name the same person (see `nameKey`): only typing differences, never letters. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

export type NameProblem = 'name_missing' | 'name_too_long' | 'name_no_letter';

export const NAME_MESSAGES: Record<NameProblem, { zh: string; en: string }> = {
  name_missing: { zh: '请填写姓名', en: 'Enter the name.' },
  name_too_long: {
    zh: `姓名不能超过${NAME_MAX_LENGTH}个字`,
    en: `A name can have at most ${NAME_MAX_LENGTH} characters.`,
  },
  name_no_letter: {
    zh: '姓名不能只有数字或符号，请检查是否把号码填到了姓名里',
    en: 'A name cannot be only digits or symbols; check that a number was not typed into the name.',
  },
};

// Letters of every script, and private-use characters: rare characters of names that old registry systems
// encoded there (生僻字). A name without one is a shifted column (a number) or a placeholder ('-', '/').
// Nothing else is refused: rosters mark namesakes ('王芳(小)') and the registry keeps what it was given.
const LETTER = /[\p{L}\p{Co}]/u;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: NameProblem };

/** Cleans a typed name and says whether it can be a person's name; length counts characters as people do. */
export function checkName(raw: string | null | undefined): NameCheck {
  const name = normalizeName(raw ?? '');
  if (name === '') return { ok: false, reason: 'name_missing' };
  if ([...name].length > NAME_MAX_LENGTH) return { ok: false, reason: 'name_too_long' };
  if (!LETTER.test(name)) return { ok: false, reason: 'name_no_letter' };
  return { ok: true, name };
}
