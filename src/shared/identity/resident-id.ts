import { checkBirthDate } from './birth-date';
import { hasValidCheckChar, residentIdCheckChar } from './checksum';
import { type Gender, type IdParseResult, rejectId } from './id-types';
import { isMainlandProvince, isResidencePermitRegion, isValidResidentRegion } from './regions';

/** Digit 17 of an 18-character ID is the sequence number's last digit: odd for men, even for women. */
export function genderFromSequenceDigit(digit: string): Gender {
  return Number(digit) % 2 === 1 ? 'male' : 'female';
}

function parse18(value: string, now: Date): IdParseResult {
  if (!/^\d{17}[\dX]$/.test(value)) return rejectId('misplaced_x');
  if (!isValidResidentRegion(value.slice(0, 6))) return rejectId('bad_region');
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

// First-generation cards (before 1999) have 15 digits, a 2-digit year in the 1900s and no check character.
function parseLegacy15(value: string, now: Date): IdParseResult {
  if (!/^\d{15}$/.test(value)) return rejectId('misplaced_x');
  // HK/Macao/Taiwan codes only exist on permits issued since 2018, which never had 15 digits.
  if (!isMainlandProvince(value.slice(0, 2))) return rejectId('bad_region');
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return parse18(`${first17}${residentIdCheckChar(first17)}`, now);
}

/** Expects input already passed through normalizeDocumentInput. */
export function parseResidentId(value: string, now: Date): IdParseResult {
  if (!/^[\dX]+$/.test(value)) return rejectId('bad_characters');
  if (value.length === 15) return parseLegacy15(value, now);
  if (value.length !== 18) return rejectId('bad_length');
  return parse18(value, now);
}

export function parseResidencePermit(value: string, now: Date): IdParseResult {
  if (!/^[\dX]+$/.test(value)) return rejectId('bad_characters');
  if (value.length !== 18) return rejectId('bad_length');
  const parsed = parse18(value, now);
  if (isResidencePermitRegion(value.slice(0, 6))) return parsed;
  if (!parsed.ok && (parsed.reason === 'misplaced_x' || parsed.reason === 'bad_region')) return parsed;
  // A well-formed mainland number under the permit type is almost always a wrongly chosen document type,
  // which is more useful to hear than any typo further along the number.
  return rejectId('not_residence_permit');
}
