import { parseCalendarDate } from '../time/beijing';
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
    if (parseCalendarDate(typedDate) !== parseCalendarDate(parsed.birthDate)) {
      issues.push({ field: 'birthDate', reason: 'birth_date_mismatch' });
    }
  }
  if (parsed.gender && typed.gender && parsed.gender !== typed.gender) {
    issues.push({ field: 'gender', reason: 'gender_mismatch' });
  }
  return issues;
}
