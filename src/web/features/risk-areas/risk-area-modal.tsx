import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Cascader, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from '../../../shared/declarations';
import { beijingToday } from '../../../shared/time/beijing';
import { ApiError } from '../../shared/api-client';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { declarationKeys } from '../declarations/declarations-api';
import { deepestCode, regionName, regionPath, regionTree } from '../declarations/regions';
import { PolicyPlaceSelect } from '../places/policy-place-select';
import { type RiskAreaItem, type RiskAreaPayload, riskAreaKeys, riskAreasApi } from './risk-areas-api';

interface FormValues {
  placeId?: number;
  region?: string[];
  level?: RiskLevel;
  validFrom?: string;
  validTo?: string;
  note?: string;
}
type FieldName = keyof FormValues;

function formFieldOf(serverField: string | undefined): FieldName | null {
  switch (serverField?.split('.')[0]) {
    case 'regionCode':
    case 'regionName':
      return 'region';
    case 'level':
      return 'level';
    case 'validFrom':
      return 'validFrom';
    case 'validTo':
      return 'validTo';
    case 'note':
      return 'note';
    case 'placeId':
      return 'placeId';
    default:
      return null;
  }
}

interface RiskAreaModalProps {
  open: boolean;
  /** The area to change (a new version is saved, at its place); without it a new area is added. */
  area: RiskAreaItem | null;
  /** Where a new area is set: the place chosen on the page. */
  placeId: number;
  onClose: () => void;
}

/** 新增 / 调整风险地区. The body remounts on each opening so it starts from the area shown. */
export function RiskAreaModal({ open, area, placeId, onClose }: RiskAreaModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={area ? t('riskAreas.editTitle') : t('riskAreas.addTitle')}
      footer={null}
      destroyOnHidden
      data-testid="risk-area-modal"
    >
      {open && <RiskAreaForm area={area} placeId={placeId} onDone={onClose} />}
    </Modal>
  );
}

function RiskAreaForm({
  area,
  placeId,
  onDone,
}: {
  area: RiskAreaItem | null;
  placeId: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const regions = useMemo(() => regionTree(), []);
  const initial: FormValues = area
    ? {
        region: regionPath(area.regionCode),
        level: area.level,
        validFrom: area.validFrom,
        validTo: area.validTo ?? '',
        note: area.note ?? '',
      }
    : { validFrom: beijingToday(), placeId };

  const save = useMutation({
    mutationFn: (payload: RiskAreaPayload) =>
      area ? riskAreasApi.replace(area.id, payload) : riskAreasApi.create(payload),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all });
      // Statuses are re-evaluated on the server after every change.
      void queryClient.invalidateQueries({ queryKey: declarationKeys.all });
      void message.success(t('riskAreas.saved'));
      onDone();
    },
    onError: (error) => {
      const field = error instanceof ApiError ? formFieldOf(error.field) : null;
      if (field) form.setFields([{ name: field, errors: [errorText(error)] }]);
    },
  });

  const onFinish = (values: FormValues) => {
    const code = deepestCode(values.region);
    if (!code || !values.level || !values.validFrom) return;
    save.mutate({
      ...(area ? {} : { placeId: values.placeId }),
      regionCode: code,
      // A new version keeps the name it was published under; a new area takes it from the picker.
      regionName: area && area.regionCode === code ? area.regionName : regionName(code),
      level: values.level,
      validFrom: values.validFrom,
      validTo: values.validTo || null,
      note: values.note?.trim() || null,
    });
  };

  const unplacedError = save.isError && !(save.error instanceof ApiError && formFieldOf(save.error.field));
  const required = [{ required: true, message: t('riskAreas.required') }];

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      disabled={save.isPending}
      data-testid="risk-area-form"
    >
      {area ? (
        <Form.Item label={t('riskAreas.setBy')}>
          <Typography.Text>{area.placeName}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="placeId"
          label={t('riskAreas.setBy')}
          extra={t('riskAreas.setByHint')}
          rules={required}
        >
          <PolicyPlaceSelect testId="risk-area-place" />
        </Form.Item>
      )}
      <Form.Item
        name="region"
        label={t('riskAreas.region')}
        rules={required}
        extra={area ? t('riskAreas.regionFixed') : t('riskAreas.regionHint')}
      >
        <Cascader
          options={regions}
          changeOnSelect
          showSearch
          disabled={area !== null}
          placeholder={t('declarations.regionPlaceholder')}
          data-testid="risk-area-region"
        />
      </Form.Item>
      <Form.Item name="level" label={t('riskAreas.level')} rules={required}>
        <Radio.Group
          optionType="button"
          options={RISK_LEVELS.map((l) => ({ value: l, label: label(RISK_LEVEL_LABELS[l]) }))}
          data-testid="risk-area-level"
        />
      </Form.Item>
      <Form.Item name="validFrom" label={t('riskAreas.validFrom')} rules={required}>
        <Input type="date" data-testid="risk-area-valid-from" />
      </Form.Item>
      <Form.Item
        name="validTo"
        label={t('riskAreas.validTo')}
        extra={t('riskAreas.validToHint')}
        dependencies={['validFrom']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const from = getFieldValue('validFrom') as string | undefined;
              return value && from && value < from
                ? Promise.reject(new Error(t('riskAreas.validToBeforeFrom')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <Input type="date" data-testid="risk-area-valid-to" />
      </Form.Item>
      <Form.Item name="note" label={t('riskAreas.note')}>
        <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      {area && <Alert type="info" showIcon title={t('riskAreas.versionHint')} style={{ marginBottom: 16 }} />}
      {unplacedError && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item style={{ marginBottom: 0 }}>
        <Flex gap={8} justify="end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="risk-area-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
