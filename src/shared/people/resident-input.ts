import type { Lang } from '../i18n/error-messages';
import {
  CROSS_CHECK_MESSAGES,
  crossCheckIdentity,
  type DocumentType,
  type Gender,
  ID_REASON_MESSAGES,
  type IdParseSuccess,
  PHONE_REASON_MESSAGES,
  parseIdNumber,
  parsePhone,
} from '../identity';
import { beijingToday, parseCalendarDate } from '../time/beijing';
import { checkName, NAME_MESSAGES } from './person-name';

/**
 * The one check of a person's identity — name, document number, phone, birth date and gender and whether
 * they agree with the number — with the same Chinese messages wherever it runs: the resident page as the
 * resident types, the console's resident form as staff type, the server on every save and public submit,
 * and the roster import (row by row, field by field: `checkIdentityField`s below).
 */

export type IdentityField = 'name' | 'docNumber' | 'phone' | 'gender' | 'birthDate';

export interface IdentityIssue {
  field: IdentityField;
  code: 'invalid_name' | 'invalid_document' | 'invalid_phone' | 'invalid_birth_date' | 'identity_mismatch';
  /** Why, in the field's own terms (the parser's reason), for callers that add advice of their own. */
  reason: string;
  message: { zh: string; en: string };
}

type Checked<T> = { ok: true; value: T } | { ok: false; issue: IdentityIssue };

export function checkNameField(raw: string | null | undefined): Checked<string> {
  const checked = checkName(raw);
  if (checked.ok) return { ok: true, value: checked.name };
  const message = NAME_MESSAGES[checked.reason];
  return { ok: false, issue: { field: 'name', code: 'invalid_name', reason: checked.reason, message } };
}

export function checkDocumentField(type: DocumentType, raw: string, now?: Date): Checked<IdParseSuccess> {
  const parsed = parseIdNumber(type, raw, now ? { now } : undefined);
  if (parsed.ok) return { ok: true, value: parsed };
  const message = ID_REASON_MESSAGES[parsed.reason];
  return {
    ok: false,
    issue: { field: 'docNumber', code: 'invalid_document', reason: parsed.reason, message },
  };
}

/** A phone, when one is given: null for none. */
export function checkPhoneField(raw: string | null | undefined): Checked<string | null> {
  if (!raw?.trim()) return { ok: true, value: null };
  const parsed = parsePhone(raw);
  if (parsed.ok) return { ok: true, value: parsed.normalized };
  const message = PHONE_REASON_MESSAGES[parsed.reason];
  return { ok: false, issue: { field: 'phone', code: 'invalid_phone', reason: parsed.reason, message } };
}

export const BIRTH_DATE_MESSAGES = {
  unreadable: {
    zh: '无法识别这个日期，请按 1990-01-02 的格式填写',
    en: 'The date cannot be read; write it as 1990-01-02.',
  },
  too_early: { zh: '出生年份不能早于1900年', en: 'The birth year cannot be before 1900.' },
  future: { zh: '出生日期晚于今天，请核对', en: 'The birth date is after today; please check it.' },
} as const;

/**
 * A typed birth date (1990-01-02, 1990/1/2, 1990年1月2日, 19900102): a real day, not before 1900, not
 * after today in Beijing. null for none.
 */
export function checkBirthDateField(raw: string | null | undefined, now?: Date): Checked<string | null> {
  const text = raw?.trim() ?? '';
  if (text === '') return { ok: true, value: null };
  const iso = parseCalendarDate(text);
  const reason =
    iso === null
      ? 'unreadable'
      : iso < '1900-01-01'
        ? 'too_early'
        : iso > beijingToday(now)
          ? 'future'
          : null;
  if (reason === null && iso !== null) return { ok: true, value: iso };
  const why = reason ?? 'unreadable';
  const message = BIRTH_DATE_MESSAGES[why];
  return { ok: false, issue: { field: 'birthDate', code: 'invalid_birth_date', reason: why, message } };
}

/** Typed birth date and gender against what the document number says (nothing typed: no conflict). */
export function crossCheckFields(
  fromNumber: { birthDate?: string; gender?: Gender },
  typed: { birthDate?: string | null; gender?: Gender | null },
): IdentityIssue[] {
  return crossCheckIdentity(fromNumber, typed).map((issue) => ({
    field: issue.field,
    code: 'identity_mismatch',
    reason: issue.reason,
    message: CROSS_CHECK_MESSAGES[issue.reason],
  }));
}

export interface IdentityInput {
  name: string;
  docType: DocumentType;
  docNumber: string;
  phone?: string | null | undefined;
  gender?: Gender | null | undefined;
  birthDate?: string | null | undefined;
}

export interface CheckedIdentity {
  name: string;
  docNumber: string;
  phone: string | null;
  gender: Gender | null;
  birthDate: string | null;
}

/** The whole identity at once. Birth date and gender come from the number when left blank. */
export function checkIdentity(
  input: IdentityInput,
  now?: Date,
): { ok: true; value: CheckedIdentity } | { ok: false; issues: IdentityIssue[] } {
  const issues: IdentityIssue[] = [];
  const take = <T>(checked: Checked<T>): T | undefined => {
    if (checked.ok) return checked.value;
    issues.push(checked.issue);
    return undefined;
  };
  const name = take(checkNameField(input.name));
  const doc = take(checkDocumentField(input.docType, input.docNumber, now));
  const phone = take(checkPhoneField(input.phone)) ?? null;
  const typedDate = take(checkBirthDateField(input.birthDate, now)) ?? null;
  let gender = input.gender ?? null;
  let birthDate = typedDate;
  if (doc) {
    issues.push(...crossCheckFields(doc, { birthDate, gender }));
    gender = doc.gender ?? gender;
    birthDate = doc.birthDate ?? birthDate;
  }
  if (issues.length > 0 || name === undefined || doc === undefined) return { ok: false, issues };
  return { ok: true, value: { name, docNumber: doc.normalized, phone, gender, birthDate } };
}

export function issueText(issue: IdentityIssue, lang: Lang): string {
  return issue.message[lang];
}
