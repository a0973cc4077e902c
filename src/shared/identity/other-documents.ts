import { checkBirthDate } from './birth-date';
import { hasValidCheckChar } from './checksum';
import { type IdParseResult, rejectId } from './id-types';
import { isMainlandProvince } from './regions';
import { genderFromSequenceDigit } from './resident-id';

// All parsers here expect input already passed through normalizeDocumentInput.

const ALPHANUMERIC = /^[\dA-Z]+$/;

/**
 * Older permits print the issue count in brackets, e.g. 12345678(B) or H01234567(00). The brackets are
 * decoration, so they are dropped; anything else bracketed is left for the character check to reject.
 */
function dropTrailingBrackets(value: string): string {
  const match = /^([\dA-Z]+)\(([\dA-Z]{1,2})\)$/.exec(value);
  return match ? `${match[1]}${match[2]}` : value;
}

function accept(normalized: string): IdParseResult {
  return { ok: true, normalized };
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits; pre-2013 cards have 10 digits. */
export function parseHomeReturnPermit(input: string): IdParseResult {
  const value = dropTrailingBrackets(input);
  if (!ALPHANUMERIC.test(value)) return rejectId('bad_characters');
  if (!/^[HM]/.test(value)) return rejectId('bad_format');
  if (value.length !== 9 && value.length !== 11) return rejectId('bad_length');
  if (!/^[HM]\d+$/.test(value)) return rejectId('bad_format');
  return accept(value);
}

/** 台湾居民来往大陆通行证: 8 digits today; legacy cards add a 1–2 character issue suffix. */
export function parseTaiwanCompatriotPermit(input: string): IdParseResult {
  const value = dropTrailingBrackets(input);
  if (!ALPHANUMERIC.test(value)) return rejectId('bad_characters');
  if (value.length < 8 || value.length > 10) return rejectId('bad_length');
  if (!/^\d{8}[\dA-Z]{0,2}$/.test(value)) return rejectId('bad_format');
  return accept(value);
}

const CN_PASSPORT_PATTERNS: readonly RegExp[] = [
  /^[EG]\d{8}$/, // ordinary passports
  /^E[A-Z]\d{7}$/, // ordinary passports once E + 8 digits ran out (EA1234567)
  /^[DSP]E?\d{7}$/, // diplomatic, service and official (public affairs); the E marks the e-passport series
];

export function parseChinesePassport(value: string): IdParseResult {
  if (!ALPHANUMERIC.test(value)) return rejectId('bad_characters');
  if (value.length < 8 || value.length > 9) return rejectId('bad_length');
  if (!CN_PASSPORT_PATTERNS.some((pattern) => pattern.test(value))) return rejectId('bad_format');
  return accept(value);
}

/** Foreign passports follow no common scheme; only rule out obvious non-numbers such as names. */
export function parseForeignPassport(value: string): IdParseResult {
  if (!ALPHANUMERIC.test(value)) return rejectId('bad_characters');
  if (value.length < 5 || value.length > 17) return rejectId('bad_length');
  if (!/\d/.test(value)) return rejectId('bad_format');
  return accept(value);
}

/**
 * 外国人永久居留身份证. The 2004 card (3-letter nationality + 12 digits) has no documented check character
 * we can rely on, so it is only checked for shape. The 2023 card mirrors the resident ID: '9', province
 * code, 3-digit nationality, YYYYMMDD, sequence and a MOD 11-2 check character.
 */
export function parseForeignPermanentResidence(value: string, now: Date): IdParseResult {
  if (!ALPHANUMERIC.test(value)) return rejectId('bad_characters');
  if (value.length === 15) {
    return /^[A-Z]{3}\d{12}$/.test(value) ? accept(value) : rejectId('bad_format');
  }
  if (value.length !== 18) return rejectId('bad_length');
  if (!value.startsWith('9')) return rejectId('bad_format');
  if (!/^\d{17}[\dX]$/.test(value)) return rejectId('misplaced_x');
  if (!isMainlandProvince(value.slice(1, 3))) return rejectId('bad_region');
  const date = checkBirthDate(value.slice(6, 14), now);
  if (!date.ok) return rejectId(date.reason);
  if (!hasValidCheckChar(value)) return rejectId('bad_checksum');
  return {
    ok: true,
    normalized: value,
    birthDate: date.iso,
    gender: genderFromSequenceDigit(value.charAt(16)),
  };
}
