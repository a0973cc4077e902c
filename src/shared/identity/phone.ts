import { normalizeSeparators, removeInvisible, toHalfWidth } from './normalize';
import type { PhoneRejectReason } from './phone-messages';

export type { PhoneRejectReason } from './phone-messages';
export { PHONE_REASON_MESSAGES } from './phone-messages';

export type PhoneKind = 'mobile' | 'landline';
export type PhoneParseResult =
  | { ok: true; normalized: string; kind: PhoneKind }
  | { ok: false; reason: PhoneRejectReason };

type Failure = Extract<PhoneParseResult, { ok: false }>;

function reject(reason: PhoneRejectReason): Failure {
  return { ok: false, reason };
}

// Extension markers as staff actually write them: 010-12345678转123, 分机123, ext.123.
const EXTENSION_MARKER = /^(.*?)(?:转|分机|ext\.?)(.*)$/i;
// Anything people use to group digits; they are all turned into '-' so hyphen groups can be analysed.
const GROUPING = /[\s().]+/g;
const MOBILE = /^1[3-9]\d{9}$/;
const EXTENSION = /^\d{1,6}$/;

type Landline = { area: string; local: string };

function splitLandline(digits: string): Landline | Failure {
  if (!digits.startsWith('0')) return reject('bad_format');
  // Only Beijing (010) and the 02x cities have 3-digit area codes; everything else is 4 digits.
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  if (!/^(?:010|02\d|0[3-9]\d\d)$/.test(area)) return reject('bad_area_code');
  const local = digits.slice(areaLength);
  if (!/^[1-9]\d{6,7}$/.test(local)) return reject('bad_local_number');
  return { area, local };
}

function isFailure(value: Landline | Failure): value is Failure {
  return 'ok' in value;
}

/**
 * A trailing hyphen group may be an extension (0755-1234567-8) or just digit grouping (010-1234-5678).
 * It is read as an extension only when the number before it is a complete landline on its own.
 */
function parseLandline(groups: string[], extension: string | undefined): PhoneParseResult {
  let landline = splitLandline(groups.join(''));
  let ext = extension;
  const last = groups.at(-1);
  if (ext === undefined && groups.length >= 2 && last !== undefined && EXTENSION.test(last)) {
    const withoutLast = splitLandline(groups.slice(0, -1).join(''));
    if (!isFailure(withoutLast)) {
      landline = withoutLast;
      ext = last;
    }
  }
  if (isFailure(landline)) return landline;
  if (ext !== undefined && !EXTENSION.test(ext)) return reject('bad_extension');
  const suffix = ext === undefined ? '' : `-${ext}`;
  return { ok: true, normalized: `${landline.area}-${landline.local}${suffix}`, kind: 'landline' };
}

/** Removes +86 / 0086; returns null for other country codes, which are out of scope. */
function stripCountryCode(main: string): { rest: string; international: boolean } | null {
  if (main.startsWith('+')) {
    const afterPlus = main.slice(1).replace(/^-+/, '');
    return afterPlus.startsWith('86') ? { rest: afterPlus.slice(2), international: true } : null;
  }
  if (main.startsWith('0086')) return { rest: main.slice(4), international: true };
  if (main.startsWith('00')) return null;
  return { rest: main, international: false };
}

/**
 * Validates a mainland China phone number. Mobiles normalise to 11 digits, landlines to
 * "area-local" with an optional "-extension".
 */
export function parsePhone(raw: string): PhoneParseResult {
  const cleaned = normalizeSeparators(removeInvisible(toHalfWidth(raw)), '-').trim();
  if (cleaned === '') return reject('empty');

  const marker = EXTENSION_MARKER.exec(cleaned);
  const mainPart = marker ? (marker[1] ?? '') : cleaned;
  const extension = marker ? (marker[2] ?? '').replace(/[\s:-]+/g, '') : undefined;

  const main = mainPart.replace(GROUPING, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (main === '') return reject(extension === undefined ? 'empty' : 'bad_format');
  const country = stripCountryCode(main);
  if (country === null) return reject('foreign_number');
  const rest = country.rest.replace(/^-|-$/g, '');
  if (rest === '') return reject('bad_format');
  if (!/^[\d-]+$/.test(rest)) return reject('bad_characters');

  const groups = rest.split('-');
  let digits = groups.join('');
  // A bare 86 prefix is only unambiguous in front of a mobile number.
  if (!country.international && /^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);

  // Landline local numbers follow an area code starting with 0, so a leading 1 means a mobile, except
  // that after +86 the trunk 0 is dropped and 10 ... is Beijing.
  const isMobileLike = digits.startsWith('1') && !(country.international && digits.startsWith('10'));
  // 7–8 digits is the length of a local landline number typed without its area code.
  const bareLength = digits.length >= 7 && digits.length <= 8;
  if (!country.international && bareLength && !digits.startsWith('0')) return reject('missing_area_code');
  if (isMobileLike) {
    if (extension !== undefined) return reject('bad_extension');
    if (digits.length !== 11) return reject('bad_mobile_length');
    if (!MOBILE.test(digits)) return reject('bad_mobile_prefix');
    return { ok: true, normalized: digits, kind: 'mobile' };
  }
  if (country.international && !digits.startsWith('0')) {
    // Dialled from abroad the trunk prefix 0 is dropped (+86 10 ... for 010 ...).
    groups[0] = `0${groups[0] ?? ''}`;
  }
  return parseLandline(groups, extension);
}
