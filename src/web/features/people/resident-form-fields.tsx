import { Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../../../shared/identity';
import {
  GENDER_LABELS,
  GENDERS,
  RELATION_LABELS,
  RELATIONS,
  RESIDENCE_TYPE_LABELS,
  RESIDENCE_TYPES,
  RESIDENT_TAG_LABELS,
  RESIDENT_TAGS,
} from '../../../shared/people/people-enums';
import { useLabel } from '../../shared/i18n';
import type { FieldMessages, FormField, ResidentFormValues } from './resident-form-state';

interface FieldsProps {
  values: ResidentFormValues;
  messages: FieldMessages;
  hints: FieldMessages;
  /** Fields that come from elsewhere (the birth date from the document number). */
  locked?: Partial<Record<FormField, boolean>>;
  update: <K extends FormField>(field: K, value: ResidentFormValues[K]) => void;
}

/** The resident form's inputs; ids `resident-<field>` tie each label to its input for screen readers and tests. */
export function ResidentFormFields({ values, messages, hints, locked = {}, update }: FieldsProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const item = (field: FormField, text: string, input: ReactNode, required = false) => (
    <Form.Item
      label={text}
      htmlFor={`resident-${field}`}
      required={required}
      validateStatus={messages[field] ? 'error' : undefined}
      help={messages[field]}
      extra={hints[field]}
    >
      {input}
    </Form.Item>
  );
  const idOf = (field: FormField) => ({ id: `resident-${field}`, 'data-testid': `resident-${field}` });
  const selectPlaceholder = t('common.selectPlaceholder');

  return (
    <>
      {item(
        'name',
        t('people.name'),
        <Input
          {...idOf('name')}
          value={values.name}
          maxLength={50}
          placeholder={t('people.namePlaceholder')}
          onChange={(e) => update('name', e.target.value)}
        />,
        true,
      )}
      {item(
        'docType',
        t('people.docType'),
        <Select
          {...idOf('docType')}
          value={values.docType}
          options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`docTypes.${type}`) }))}
          onChange={(value) => update('docType', value)}
        />,
        true,
      )}
      {item(
        'docNumber',
        t('people.docNumber'),
        <Input
          {...idOf('docNumber')}
          value={values.docNumber}
          maxLength={40}
          autoComplete="off"
          placeholder={t('people.docNumberPlaceholder')}
          onFocus={(e) => e.target.value.includes('*') && e.target.select()}
          onChange={(e) => update('docNumber', e.target.value)}
        />,
        true,
      )}
      {item(
        'phone',
        t('people.phone'),
        <Input
          {...idOf('phone')}
          value={values.phone}
          maxLength={40}
          inputMode="tel"
          autoComplete="off"
          placeholder={t('people.phonePlaceholder')}
          onFocus={(e) => e.target.value.includes('*') && e.target.select()}
          onChange={(e) => update('phone', e.target.value)}
        />,
      )}
      {item(
        'gender',
        t('people.gender'),
        <Select
          {...idOf('gender')}
          value={values.gender ?? undefined}
          allowClear
          placeholder={selectPlaceholder}
          options={GENDERS.map((g) => ({ value: g, label: label(GENDER_LABELS[g]) }))}
          onChange={(value) => update('gender', value ?? null)}
        />,
      )}
      {item(
        'birthDate',
        t('people.birthDate'),
        <Input
          {...idOf('birthDate')}
          value={values.birthDate}
          disabled={locked.birthDate}
          maxLength={10}
          placeholder={t('people.birthDatePlaceholder')}
          onChange={(e) => update('birthDate', e.target.value)}
        />,
      )}
      {item(
        'relationToHead',
        t('people.relation'),
        <Select
          {...idOf('relationToHead')}
          value={values.relationToHead ?? undefined}
          placeholder={selectPlaceholder}
          options={RELATIONS.map((r) => ({ value: r, label: label(RELATION_LABELS[r]) }))}
          onChange={(value) => update('relationToHead', value)}
        />,
        true,
      )}
      {item(
        'residenceType',
        t('people.residenceType'),
        <Select
          {...idOf('residenceType')}
          value={values.residenceType ?? undefined}
          placeholder={selectPlaceholder}
          options={RESIDENCE_TYPES.map((r) => ({ value: r, label: label(RESIDENCE_TYPE_LABELS[r]) }))}
          onChange={(value) => update('residenceType', value)}
        />,
        true,
      )}
      {item(
        'tags',
        t('people.tags'),
        <Select
          {...idOf('tags')}
          mode="multiple"
          value={values.tags}
          placeholder={t('people.tagsPlaceholder')}
          options={RESIDENT_TAGS.map((tag) => ({ value: tag, label: label(RESIDENT_TAG_LABELS[tag]) }))}
          onChange={(value) => update('tags', value)}
        />,
      )}
      {item(
        'notes',
        t('people.notes'),
        <Input.TextArea
          {...idOf('notes')}
          value={values.notes}
          rows={3}
          maxLength={500}
          placeholder={t('people.notesPlaceholder')}
          onChange={(e) => update('notes', e.target.value)}
        />,
      )}
    </>
  );
}
