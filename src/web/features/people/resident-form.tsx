import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Gender, parseIdNumber } from '../../../shared/identity';
import { ApiError } from '../../shared/api-client';
import { errorText } from '../../shared/error-display';
import { useLang } from '../../shared/i18n';
import { placeKeys } from '../places/places-api';
import { peopleApi, peopleKeys, type Resident, type ResidentPayload } from './people-api';
import { ResidentFormFields } from './resident-form-fields';
import {
  birthDateHiddenOnEdit,
  checkResidentForm,
  type FieldMessages,
  FORM_FIELDS,
  type FormField,
  formFieldOf,
  initialValues,
  type ResidentFormValues,
} from './resident-form-state';

interface ResidentFormProps {
  open: boolean;
  onClose: () => void;
  householdId: number;
  /** The resident to edit; without it a new one is added to the household. */
  resident?: Resident;
  /** A household's first resident is usually its head. */
  firstInHousehold?: boolean;
}

/** 新增居民 / 修改居民信息 in a drawer. The body remounts on every opening, so it starts clean. */
export function ResidentForm({
  open,
  onClose,
  householdId,
  resident,
  firstInHousehold = false,
}: ResidentFormProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={resident ? t('people.editResident') : t('people.addResident')}
      size={screens.md ? 520 : '100%'}
      destroyOnHidden
      data-testid="resident-drawer"
    >
      {open && (
        <ResidentFormBody
          householdId={householdId}
          resident={resident}
          firstInHousehold={firstInHousehold}
          onDone={onClose}
        />
      )}
    </Drawer>
  );
}

interface BodyProps {
  householdId: number;
  resident: Resident | undefined;
  firstInHousehold: boolean;
  onDone: () => void;
}

function ResidentFormBody({ householdId, resident, firstInHousehold, onDone }: BodyProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(resident, firstInHousehold));
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set(resident ? FORM_FIELDS : []));
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const autoFilled = useRef<{ birthDate?: string; gender?: Gender }>({});
  const check = useMemo(() => checkResidentForm(values, lang, resident), [values, lang, resident]);

  const update = <K extends FormField>(field: K, value: ResidentFormValues[K]) => {
    const next = { ...values, [field]: value };
    if (field === 'docNumber' || field === 'docType') {
      // A valid ID carries birth date and gender: the date is read from it (the field is locked then),
      // the gender filled in unless the user chose one.
      const parsed = parseIdNumber(next.docType, next.docNumber);
      if (parsed.ok && parsed.birthDate) {
        next.birthDate = parsed.birthDate;
        autoFilled.current.birthDate = parsed.birthDate;
      } else if (next.birthDate === autoFilled.current.birthDate) {
        next.birthDate = '';
      }
      if (parsed.ok && parsed.gender && (next.gender === null || next.gender === autoFilled.current.gender)) {
        next.gender = parsed.gender;
        autoFilled.current.gender = parsed.gender;
      }
    }
    setValues(next);
    setTouched((prev) => new Set(prev).add(field));
    setServerErrors((prev) => {
      const { [field]: _dropped, ...rest } = prev;
      return rest;
    });
  };

  const save = useMutation({
    mutationFn: (payload: ResidentPayload) =>
      resident
        ? peopleApi.update(resident.id, { ...payload, version: resident.version })
        : peopleApi.create({ ...payload, householdId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.households });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.residents });
      void queryClient.invalidateQueries({ queryKey: placeKeys.all });
      void message.success(resident ? t('people.saved') : t('people.created'));
      onDone();
    },
    onError: (error) => {
      const field = error instanceof ApiError ? formFieldOf(error.field) : null;
      if (field) setServerErrors({ [field]: errorText(error) });
    },
  });

  const messages: FieldMessages = {};
  for (const field of FORM_FIELDS) {
    const text = serverErrors[field] ?? (touched.has(field) ? check.issues[field] : undefined);
    if (text) messages[field] = text;
  }
  const hints: FieldMessages = {};
  const hiddenBirthDate = birthDateHiddenOnEdit(values, resident);
  const parsed = parseIdNumber(values.docType, values.docNumber);
  const birthDateFromNumber = parsed.ok && !!parsed.birthDate;
  if (hiddenBirthDate) hints.birthDate = t('people.birthDateHidden');
  else if (birthDateFromNumber) hints.birthDate = t('people.birthDateHint');
  if (resident && values.docNumber === resident.docNumberMasked) hints.docNumber = t('people.maskedHint');
  if (resident?.phoneMasked && values.phone === resident.phoneMasked) hints.phone = t('people.maskedHint');

  const pending = Object.keys(check.issues).length + Object.keys(serverErrors).length;
  const unplacedError = save.isError && !(save.error instanceof ApiError && formFieldOf(save.error.field));
  const canSave = check.payload !== null && Object.keys(serverErrors).length === 0 && !save.isPending;

  return (
    <Form
      layout="vertical"
      onFinish={() => check.payload && canSave && save.mutate(check.payload)}
      data-testid="resident-form"
    >
      <ResidentFormFields
        values={values}
        messages={messages}
        hints={hints}
        locked={{ birthDate: hiddenBirthDate || birthDateFromNumber }}
        update={update}
      />
      {unplacedError && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          htmlType="submit"
          disabled={!canSave}
          loading={save.isPending}
          data-testid="resident-save"
        >
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        {pending > 0 && (
          <Typography.Text type="secondary" data-testid="resident-pending">
            {t('people.pendingIssues', { count: pending })}
          </Typography.Text>
        )}
      </Flex>
    </Form>
  );
}
