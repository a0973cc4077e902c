import type { Lang } from '../../../shared/i18n/error-messages';
import { type DocumentType, documentCarriesBirthDate, parsePhone } from '../../../shared/identity';
import type { Gender, Relation, ResidenceType, ResidentTag } from '../../../shared/people/people-enums';
import { checkIdentity } from '../../../shared/people/resident-input';
import { i18n } from '../../shared/i18n';
import type { Resident, ResidentPayload } from './people-api';

export interface ResidentFormValues {
  name: string;
  docType: DocumentType;
  docNumber: string;
  phone: string;
  gender: Gender | null;
  birthDate: string;
  relationToHead: Relation | null;
  residenceType: ResidenceType | null;
  tags: ResidentTag[];
  notes: string;
}

export type FormField = keyof ResidentFormValues;
export type FieldMessages = Partial<Record<FormField, string>>;

export const FORM_FIELDS: readonly FormField[] = [
  'name',
  'docType',
  'docNumber',
  'phone',
  'gender',
  'birthDate',
  'relationToHead',
  'residenceType',
  'tags',
  'notes',
];

/** A blank form for a new resident, or the resident as stored (sensitive numbers as their masks). */
export function initialValues(resident: Resident | undefined, firstInHousehold: boolean): ResidentFormValues {
  if (!resident) {
    return {
      name: '',
      docType: 'resident_id',
      docNumber: '',
      phone: '',
      gender: null,
      birthDate: '',
      relationToHead: firstInHousehold ? 'self' : null,
      residenceType: 'registered',
      tags: [],
      notes: '',
    };
  }
  return {
    name: resident.name,
    docType: resident.docType,
    docNumber: resident.docNumberMasked,
    phone: resident.phoneMasked ?? '',
    gender: resident.gender,
    birthDate: resident.birthDate ?? '',
    relationToHead: resident.relationToHead,
    residenceType: resident.residenceType,
    tags: [...resident.tags],
    notes: resident.notes ?? '',
  };
}

/**
 * Editing someone whose number holds the birth date, number untouched: the server does not send that
 * date (beside the mask it would give the number away), so the form neither shows nor sends it and the
 * stored one stays.
 */
export function birthDateHiddenOnEdit(values: ResidentFormValues, original?: Resident): boolean {
  return (
    !!original &&
    original.birthDate === null &&
    documentCarriesBirthDate(original.docType) &&
    values.docType === original.docType &&
    values.docNumber === original.docNumberMasked
  );
}

export interface FormCheck {
  issues: FieldMessages;
  /** What to send, or null while something is wrong. */
  payload: ResidentPayload | null;
}

/**
 * Checks the form with the same rules the server uses (`checkIdentity`). When editing, a number still
 * showing its mask was not touched: it is neither checked nor sent.
 */
export function checkResidentForm(values: ResidentFormValues, lang: Lang, original?: Resident): FormCheck {
  const docTyped = !original || values.docNumber !== original.docNumberMasked;
  const phoneTyped = !original || values.phone !== (original.phoneMasked ?? '');
  const docTypeChanged = !!original && values.docType !== original.docType;

  const identity = checkIdentity({
    name: values.name,
    docType: values.docType,
    docNumber: values.docNumber,
    phone: phoneTyped ? values.phone : null,
    gender: values.gender,
    birthDate: values.birthDate,
  });

  const issues: FieldMessages = {};
  if (!identity.ok) {
    for (const issue of identity.issues) {
      if (issue.field === 'docNumber' && !docTyped) continue;
      issues[issue.field] ??= issue.message[lang];
    }
  }
  if (docTypeChanged && !docTyped) issues.docNumber = i18n.t('people.reenterDocNumber');
  if (!values.relationToHead) issues.relationToHead = i18n.t('people.relationRequired');
  if (!values.residenceType) issues.residenceType = i18n.t('people.residenceRequired');

  if (Object.keys(issues).length > 0 || !values.relationToHead || !values.residenceType) {
    return { issues, payload: null };
  }

  const common = {
    relationToHead: values.relationToHead,
    residenceType: values.residenceType,
    tags: values.tags,
    notes: values.notes.trim() || null,
  };
  if (identity.ok) {
    const { name, docNumber, phone, gender, birthDate } = identity.value;
    return {
      issues,
      payload: {
        ...common,
        name,
        gender,
        birthDate,
        ...(docTyped ? { docType: values.docType, docNumber } : {}),
        ...(phoneTyped ? { phone } : {}),
      },
    };
  }
  // Editing with the stored number kept: checkIdentity could not read the mask, everything else passed.
  const phone = values.phone.trim() ? parsePhone(values.phone) : null;
  const keepBirthDate = birthDateHiddenOnEdit(values, original);
  return {
    issues,
    payload: {
      ...common,
      name: values.name.trim().replace(/\s+/g, ' '),
      gender: values.gender,
      ...(keepBirthDate ? {} : { birthDate: values.birthDate.trim() || null }),
      ...(phoneTyped ? { phone: phone?.ok ? phone.normalized : null } : {}),
    },
  };
}

/** The server names the field it refuses; older paths may come as `/body/docNumber`. */
export function formFieldOf(field: string | undefined): FormField | null {
  if (!field) return null;
  const last = field.split(/[./]/).pop() ?? '';
  return (FORM_FIELDS as readonly string[]).includes(last) ? (last as FormField) : null;
}
