import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateWeights } from '../../../shared/requests';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { requestKeys, requestsApi } from './requests-api';

const COMPOSITE = ['response', 'resolution', 'satisfaction'] as const;

/**
 * The weights the rates are computed with (a setting): shown to everyone reading the rates; a district
 * officer (at the top of the tree: the server refuses others) changes them, and every figure follows.
 */
export function RateWeightsCard() {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const notify = useNotifyError();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<RateWeights>();
  const query = useQuery({ queryKey: requestKeys.weights, queryFn: () => requestsApi.weights() });
  const save = useMutation({
    mutationFn: (body: RateWeights) => requestsApi.setWeights(body),
    onSuccess: (answer) => {
      client.setQueryData(requestKeys.weights, answer);
      void client.invalidateQueries({ queryKey: ['requests', 'rates'] });
      void client.invalidateQueries({ queryKey: ['requests', 'ranking'] });
      setEditing(false);
    },
    onError: notify,
  });
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <Card
      size="small"
      title={t('requests.weights.title')}
      extra={
        can('requests.categories') &&
        data && (
          <Button data-testid="rate-weights-edit" onClick={() => setEditing(true)}>
            {t('requests.weights.edit')}
          </Button>
        )
      }
    >
      {data && (
        <Flex vertical>
          <Typography.Text data-testid="rate-weights-formula">{data.formula}</Typography.Text>
          <Typography.Text type="secondary">
            {t('requests.weights.basic', { value: data.weights.basicSatisfied })}
          </Typography.Text>
        </Flex>
      )}
      <Modal
        open={editing}
        title={t('requests.weights.title')}
        okText={t('requests.weights.save')}
        confirmLoading={save.isPending}
        onOk={() => void form.validateFields().then((values) => save.mutate(values))}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('requests.weights.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={data?.weights}>
          <Form.Item
            name="basicSatisfied"
            label={t('requests.weights.basicLabel')}
            rules={[{ required: true, type: 'number', min: 0, max: 1 }]}
          >
            <InputNumber min={0} max={1} step={0.05} style={{ width: 160 }} />
          </Form.Item>
          {COMPOSITE.map((key) => (
            <Form.Item
              key={key}
              name={key}
              label={t(`requests.rateNames.${key}`)}
              rules={[{ required: true, type: 'integer', min: 0, max: 100 }]}
            >
              <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 160 }} />
            </Form.Item>
          ))}
          {data && (
            <Button type="link" style={{ padding: 0 }} onClick={() => form.setFieldsValue(data.defaults)}>
              {t('requests.weights.defaults')}
            </Button>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
