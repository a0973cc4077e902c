import { isCalendarDate } from './birth-date';
import type { Gender } from './id-types';

export type CrossCheckField = 'birthDate' | 'gender';
export type CrossCheckReason = 'birth_date_mismatch' | 'gender_mismatch';
export type CrossCheckIssue = { field: CrossCheckField; reason: CrossCheckReason };

export const CROSS_CHECK_MESSAGES: Record<CrossCheckReason, { zh: string; en: string }> = {
  birth_date_mismatch: {
    zh: '填写的出生日期和证件号码里的出生日期不一致，请核对',
    en: 'The birth date entered does not match the birth date in the document number.',
  },
  gender_mismatch: {
    zh: '填写的性别和证件号码显示的性别不一致，请核对',
    en: 'The gender entered does not match the gender in the document number.',
  },
};

// Forms and spreadsheets deliver dates as 1990-01-02, 1990/1/2, 1990.01.02, 19900102, 1990年1月2日 or an
// ISO timestamp; only the calendar day matters here.
const SEPARATED_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function toIsoDate(value: string): string | null {
  const trimmed = value.trim();
  const match = SEPARATED_DATE.exec(trimmed) ?? COMPACT_DATE.exec(trimmed);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reports typed values that contradict what the document number says. Missing values on either side are
 * not a conflict; a typed date that cannot be read as a date is, since it cannot be confirmed either.
 */
export function crossCheckIdentity(
  parsed: { birthDate?: string; gender?: Gender },
  typed: { birthDate?: string | null; gender?: Gender | null },
): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  const typedDate = typed.birthDate?.trim();
  if (parsed.birthDate && typedDate) {
    if (toIsoDate(typedDate) !== toIsoDate(parsed.birthDate)) {
      issues.push({ field: 'birthDate', reason: 'birth_date_mismatch' });
    }
  }
  if (parsed.gender && typed.gender && parsed.gender !== typed.gender) {
    issues.push({ field: 'gender', reason: 'gender_mismatch' });
  }
  return issues;
}
