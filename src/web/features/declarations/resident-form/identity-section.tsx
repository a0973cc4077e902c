import { DOCUMENT_TYPES, type DocumentType, type Gender, parseIdNumber } from '../../../../shared/identity';
import { DOCUMENT_TYPE_LABELS, GENDER_LABELS } from '../../../../shared/people/people-enums';
import { Choice, Field, Section } from './form-controls';
import { documentEncodesBirth, type FormState } from './form-state';
import type { FieldErrors, FieldKey } from './form-validation';

interface Props {
  state: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  touch: (field: FieldKey) => void;
}

const GENDER_OPTIONS = (['male', 'female'] as const).map((value) => ({
  value,
  label: GENDER_LABELS[value].zh,
}));

/** 'resident_id' numbers are 18 characters: once that many are typed, check without waiting for blur. */
function complete(docType: DocumentType, value: string): boolean {
  return documentEncodesBirth(docType) && value.replace(/\s/g, '').length >= 18;
}

export function IdentitySection({ state, update, errors, touch }: Props) {
  const encodes = documentEncodesBirth(state.docType);
  const parsed = encodes && state.docNumber ? parseIdNumber(state.docType, state.docNumber) : null;
  const derived =
    parsed?.ok && parsed.birthDate
      ? `出生日期 ${parsed.birthDate}${parsed.gender ? ` · 性别 ${GENDER_LABELS[parsed.gender].zh}` : ''}`
      : null;
  return (
    <Section title="身份信息" index={1}>
      <Field field="name" label="姓名" htmlFor="rf-name" errors={errors}>
        <input
          id="rf-name"
          data-testid="rf-name"
          className="rf-input"
          value={state.name}
          autoComplete="name"
          maxLength={50}
          onChange={(e) => update({ name: e.target.value })}
          onBlur={() => touch('name')}
        />
      </Field>
      <div className="rf-field">
        <label className="rf-label" htmlFor="rf-docType">
          证件类型
        </label>
        <select
          id="rf-docType"
          data-testid="rf-docType"
          className="rf-input"
          value={state.docType}
          onChange={(e) => update({ docType: e.target.value as DocumentType })}
        >
          {DOCUMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {DOCUMENT_TYPE_LABELS[type].zh}
            </option>
          ))}
        </select>
      </div>
      <Field field="docNumber" label="证件号码" htmlFor="rf-docNumber" errors={errors} hint={derived}>
        <input
          id="rf-docNumber"
          data-testid="rf-docNumber"
          className="rf-input"
          value={state.docNumber}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          onChange={(e) => {
            update({ docNumber: e.target.value });
            if (complete(state.docType, e.target.value)) touch('docNumber');
          }}
          onBlur={() => touch('docNumber')}
        />
      </Field>
      <Field field="phone" label="手机号" htmlFor="rf-phone" errors={errors}>
        <input
          id="rf-phone"
          data-testid="rf-phone"
          className="rf-input"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={30}
          value={state.phone}
          onChange={(e) => {
            update({ phone: e.target.value });
            if (/^1\d{10}$/.test(e.target.value.trim())) touch('phone');
          }}
          onBlur={() => touch('phone')}
        />
      </Field>
      {encodes ? null : (
        <>
          <Field field="gender" label="性别" errors={errors} optional>
            <Choice
              label="性别"
              options={GENDER_OPTIONS}
              value={state.gender}
              onChange={(gender: Gender) => update({ gender })}
              testid={(v) => `rf-gender-${v}`}
            />
          </Field>
          <Field field="birthDate" label="出生日期" htmlFor="rf-birthDate" errors={errors} optional>
            <input
              id="rf-birthDate"
              data-testid="rf-birthDate"
              className="rf-input"
              type="date"
              min="1900-01-01"
              value={state.birthDate}
              onChange={(e) => update({ birthDate: e.target.value })}
              onBlur={() => touch('birthDate')}
            />
          </Field>
        </>
      )}
    </Section>
  );
}
