import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Cascader,
  Checkbox,
  DatePicker,
  type DatePickerProps,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNEL_LABELS,
  type Channel,
  SYMPTOM_LABELS,
  SYMPTOMS,
  type Symptom,
  TRANSPORT_LABELS,
  TRANSPORTS,
  type Transport,
} from '../../../shared/declarations';
import { beijingToday } from '../../../shared/time/beijing';
import { ApiError } from '../../shared/api-client';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { peopleKeys } from '../people/people-api';
import { DeclarationResult } from './declaration-result';
import {
  type DeclarationOutcome,
  type DeclarationPayload,
  declarationKeys,
  declarationsApi,
  type FormInForce,
} from './declarations-api';
import { ExtraQuestionsFields, type ExtraValues, extraPayload } from './extra-questions-fields';
import { deepestCode, regionTree } from './regions';

/** antd's date value (a Dayjs), named without importing dayjs, which is antd's dependency, not ours. */
type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];
type HomeConditions = 'yes' | 'no' | 'unknown';

interface FormValues {
  channel: Channel;
  leftCity: boolean;
  origin?: string[];
  returnDate?: Day | null;
  transport?: Transport;
  transportNumber?: string;
  seat?: string;
  riskRegions?: string[][];
  contactConfirmedCase?: boolean;
  contactRiskAreaPeople?: boolean;
  symptoms: Symptom[];
  temperature?: number | null;
  homeConditions: HomeConditions;
  companions?: string;
  extra?: ExtraValues;
}
type FieldName = keyof FormValues;

/** Staff mostly record at the door, then on the phone; a resident's own answers come last. */
const STAFF_CHANNEL_ORDER: readonly Channel[] = ['door_to_door', 'phone', 'self'];

const INITIAL: Partial<FormValues> = {
  channel: 'door_to_door',
  leftCity: false,
  symptoms: [],
  homeConditions: 'unknown',
};

/** Which form field a server error names: `riskRegionsVisited.0` is the risk-regions picker. */
function formFieldOf(serverField: string | undefined): FieldName | null {
  const head = serverField?.split('.')[0];
  switch (head) {
    case 'originRegion':
      return 'origin';
    case 'riskRegionsVisited':
      return 'riskRegions';
    case 'homeConditionsMet':
      return 'homeConditions';
    case 'channel':
    case 'leftCity':
    case 'returnDate':
    case 'transport':
    case 'transportNumber':
    case 'seat':
    case 'contactConfirmedCase':
    case 'contactRiskAreaPeople':
    case 'symptoms':
    case 'temperature':
    case 'companions':
    case 'extra':
      return head;
    default:
      return null;
  }
}

const trimmed = (value: string | undefined) => value?.trim() || null;

function toPayload(
  residentId: number,
  values: FormValues,
  form: FormInForce | undefined,
): DeclarationPayload {
  const payload: DeclarationPayload = {
    residentId,
    channel: values.channel,
    leftCity: values.leftCity,
    contactConfirmedCase: values.contactConfirmedCase ?? false,
    contactRiskAreaPeople: values.contactRiskAreaPeople ?? false,
    symptoms: SYMPTOMS.filter((s) => values.symptoms.includes(s)),
    temperature: values.temperature ?? null,
    homeConditionsMet: values.homeConditions === 'unknown' ? null : values.homeConditions === 'yes',
    companions: trimmed(values.companions),
    formVersionId: form?.versionId ?? null,
    extra: extraPayload(form?.questions ?? [], values.extra),
  };
  if (values.leftCity) {
    payload.originRegion = deepestCode(values.origin) ?? null;
    payload.returnDate = values.returnDate ? values.returnDate.format('YYYY-MM-DD') : null;
    payload.transport = values.transport ?? null;
    payload.transportNumber = trimmed(values.transportNumber);
    payload.seat = trimmed(values.seat);
  }
  const visited = [...new Set((values.riskRegions ?? []).map(deepestCode).filter((c): c is string => !!c))];
  if (visited.length > 0) payload.riskRegionsVisited = visited;
  return payload;
}

interface DeclarationDrawerProps {
  /** The person the form is about; null keeps the drawer closed. */
  resident: { id: number; name: string; communityId: number } | null;
  onClose: () => void;
}

/** 登记: staff fill the prevention form for a resident at the door or on the phone, then see the status. */
export function DeclarationDrawer({ resident, onClose }: DeclarationDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={resident !== null}
      onClose={onClose}
      title={resident ? t('declarations.drawerTitle', { name: resident.name }) : ''}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid="declaration-drawer"
    >
      {resident && (
        <DeclarationFormBody residentId={resident.id} communityId={resident.communityId} onDone={onClose} />
      )}
    </Drawer>
  );
}

function DeclarationFormBody(props: { residentId: number; communityId: number; onDone: () => void }) {
  const { residentId, communityId, onDone } = props;
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const leftCity = Form.useWatch('leftCity', form) ?? false;
  const [outcome, setOutcome] = useState<DeclarationOutcome | null>(null);
  const regions = useMemo(() => regionTree(), []);
  const today = useMemo(() => beijingToday(), []);
  // The questions officers added for this community; the core form works while they load.
  const extraForm = useQuery({
    queryKey: declarationKeys.form(communityId),
    queryFn: () => declarationsApi.formInForce(communityId),
    staleTime: 60_000,
  });

  const submit = useMutation({
    mutationFn: (payload: DeclarationPayload) => declarationsApi.create(payload),
    onSuccess: ({ declaration }) => {
      void queryClient.invalidateQueries({ queryKey: declarationKeys.all });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.resident(residentId) });
      setOutcome(declaration);
    },
    onError: (error) => {
      const field = error instanceof ApiError ? formFieldOf(error.field) : null;
      if (field === 'extra' && error instanceof ApiError && error.field)
        form.setFields([{ name: ['extra', error.field.slice('extra.'.length)], errors: [errorText(error)] }]);
      else if (field) form.setFields([{ name: field, errors: [errorText(error)] }]);
    },
  });

  if (outcome) return <DeclarationResult outcome={outcome} onDone={onDone} />;

  const unplacedError =
    submit.isError && !(submit.error instanceof ApiError && formFieldOf(submit.error.field));
  const required = (message: string) => [{ required: true, message }];
  const yesNo = [
    { value: true, label: t('declarations.yes') },
    { value: false, label: t('declarations.no') },
  ];
  const searchRegion = {
    filter: (input: string, path: { label?: unknown }[]) =>
      path.some((option) => String(option.label ?? '').includes(input.trim())),
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={INITIAL}
      disabled={submit.isPending}
      onFinish={(values) => submit.mutate(toPayload(residentId, values, extraForm.data))}
      onValuesChange={() => submit.isError && submit.reset()}
      scrollToFirstError
      data-testid="declaration-form"
    >
      <Form.Item
        name="channel"
        label={t('declarations.channel')}
        rules={required(t('declarations.required'))}
      >
        <Radio.Group
          optionType="button"
          options={STAFF_CHANNEL_ORDER.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]) }))}
          data-testid="declaration-channel"
        />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('declarations.sectionTravel')}
      </Divider>
      <Form.Item name="leftCity" label={t('declarations.leftCity')} valuePropName="checked">
        <Switch
          checkedChildren={t('declarations.yes')}
          unCheckedChildren={t('declarations.no')}
          data-testid="declaration-left-city"
        />
      </Form.Item>
      {leftCity && (
        <>
          <Form.Item
            name="origin"
            label={t('declarations.origin')}
            rules={required(t('declarations.originRequired'))}
            extra={t('declarations.originHint')}
          >
            <Cascader
              options={regions}
              showSearch={searchRegion}
              placeholder={t('declarations.regionPlaceholder')}
              data-testid="declaration-origin"
            />
          </Form.Item>
          <Form.Item
            name="returnDate"
            label={t('declarations.returnDate')}
            rules={required(t('declarations.returnDateRequired'))}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.format('YYYY-MM-DD') > today}
              data-testid="declaration-return-date"
            />
          </Form.Item>
          <Form.Item name="transport" label={t('declarations.transport')}>
            <Select
              allowClear
              placeholder={t('common.selectPlaceholder')}
              options={TRANSPORTS.map((x) => ({ value: x, label: label(TRANSPORT_LABELS[x]) }))}
              data-testid="declaration-transport"
            />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="transportNumber" label={t('declarations.transportNumber')} style={{ flex: 1 }}>
              <Input maxLength={20} placeholder={t('declarations.transportNumberPlaceholder')} />
            </Form.Item>
            <Form.Item name="seat" label={t('declarations.seat')} style={{ flex: 1 }}>
              <Input maxLength={20} />
            </Form.Item>
          </Flex>
        </>
      )}
      <Form.Item
        name="riskRegions"
        label={t('declarations.riskRegions')}
        extra={t('declarations.riskRegionsHint')}
      >
        <Cascader
          multiple
          options={regions}
          showSearch={searchRegion}
          showCheckedStrategy={Cascader.SHOW_PARENT}
          maxTagCount="responsive"
          placeholder={t('declarations.regionPlaceholder')}
          data-testid="declaration-risk-regions"
        />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('declarations.sectionHealth')}
      </Divider>
      <Form.Item
        name="contactConfirmedCase"
        label={t('declarations.contactConfirmedCase')}
        rules={required(t('declarations.answerRequired'))}
      >
        <Radio.Group options={yesNo} data-testid="declaration-contact-case" />
      </Form.Item>
      <Form.Item
        name="contactRiskAreaPeople"
        label={t('declarations.contactRiskAreaPeople')}
        rules={required(t('declarations.answerRequired'))}
      >
        <Radio.Group options={yesNo} data-testid="declaration-contact-risk" />
      </Form.Item>
      <Form.Item name="symptoms" label={t('declarations.symptoms')} extra={t('declarations.symptomsHint')}>
        <Checkbox.Group
          options={SYMPTOMS.map((s) => ({ value: s, label: label(SYMPTOM_LABELS[s]) }))}
          data-testid="declaration-symptoms"
        />
      </Form.Item>
      <Form.Item name="temperature" label={t('declarations.temperature')}>
        <InputNumber<number>
          min={34}
          max={43}
          step={0.1}
          precision={1}
          suffix="°C"
          placeholder="36.5"
          style={{ width: 160 }}
          data-testid="declaration-temperature"
        />
      </Form.Item>
      <Form.Item name="homeConditions" label={t('declarations.homeConditions')}>
        <Radio.Group
          options={[
            { value: 'yes', label: t('declarations.yes') },
            { value: 'no', label: t('declarations.no') },
            { value: 'unknown', label: t('declarations.unsure') },
          ]}
          data-testid="declaration-home-conditions"
        />
      </Form.Item>
      <Form.Item name="companions" label={t('declarations.companions')}>
        <Input.TextArea
          maxLength={200}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('declarations.companionsPlaceholder')}
        />
      </Form.Item>

      <ExtraQuestionsFields questions={extraForm.data?.questions ?? []} />

      {unplacedError && (
        <Alert type="error" showIcon title={errorText(submit.error)} style={{ marginBottom: 16 }} />
      )}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="declaration-submit">
          {t('declarations.submit')}
        </Button>
        <Button onClick={onDone} disabled={false}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}
