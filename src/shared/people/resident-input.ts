import type { Lang } from '../i18n/error-messages';
import {
  CROSS_CHECK_MESSAGES,
  crossCheckIdentity,
  type DocumentType,
  type Gender,
  ID_REASON_MESSAGES,
  PHONE_REASON_MESSAGES,
  parseIdNumber,
  parsePhone,
} from '../identity';

export interface IdentityInput {
  name: string;
  docType: DocumentType;
  docNumber: string;
  phone?: string | null | undefined;
  gender?: Gender | null | undefined;
  birthDate?: string | null | undefined;
}

export interface IdentityIssue {
  field: 'name' | 'docNumber' | 'phone' | 'gender' | 'birthDate';
  code: 'invalid_name' | 'invalid_document' | 'invalid_phone' | 'identity_mismatch';
  message: { zh: string; en: string };
}

export interface CheckedIdentity {
  name: string;
  docNumber: string;
  phone: string | null;
  gender: Gender | null;
  birthDate: string | null;
}

const NAME_MESSAGE = {
  zh: '请填写姓名（1–50 个字，不能全是数字）',
  en: 'Enter a name (1–50 characters, not only digits)',
};

/**
 * The one check of a person's identity fields, run by the console as staff type and by the server on
 * save, so both say the same thing. Birth date and gender come from the ID when left blank.
 */
export function checkIdentity(
  input: IdentityInput,
  now?: Date,
): { ok: true; value: CheckedIdentity } | { ok: false; issues: IdentityIssue[] } {
  const issues: IdentityIssue[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 50 || /^\d+$/.test(name)) {
    issues.push({ field: 'name', code: 'invalid_name', message: NAME_MESSAGE });
  }
  const doc = parseIdNumber(input.docType, input.docNumber, now ? { now } : undefined);
  if (!doc.ok) {
    issues.push({ field: 'docNumber', code: 'invalid_document', message: ID_REASON_MESSAGES[doc.reason] });
  }
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const parsed = parsePhone(input.phone);
    if (parsed.ok) phone = parsed.normalized;
    else
      issues.push({ field: 'phone', code: 'invalid_phone', message: PHONE_REASON_MESSAGES[parsed.reason] });
  }
  let gender = input.gender ?? null;
  let birthDate = input.birthDate?.trim() || null;
  if (doc.ok) {
    for (const issue of crossCheckIdentity(doc, { birthDate, gender })) {
      issues.push({
        field: issue.field,
        code: 'identity_mismatch',
        message: CROSS_CHECK_MESSAGES[issue.reason],
      });
    }
    gender = doc.gender ?? gender;
    birthDate = doc.birthDate ?? birthDate;
  }
  if (birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    issues.push({
      field: 'birthDate',
      code: 'identity_mismatch',
      message: { zh: '出生日期格式应为 年-月-日', en: 'Birth date must be YYYY-MM-DD' },
    });
  }
  if (issues.length > 0 || !doc.ok) return { ok: false, issues };
  return { ok: true, value: { name, docNumber: doc.normalized, phone, gender, birthDate } };
}

export function issueText(issue: IdentityIssue, lang: Lang): string {
  return issue.message[lang];
}
