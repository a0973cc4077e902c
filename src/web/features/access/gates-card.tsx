import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { accessApi, accessKeys, type ConsoleGate } from './access-api';

/** The compound's gates: add one (a gate fitted where there was none) or switch vehicles on and off. */
export function GatesCard({ compoundId }: { compoundId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const gates = useQuery({ queryKey: accessKeys.gates, queryFn: accessApi.gates });
  const [form] = Form.useForm<{ name: string; vehiclesAllowed: boolean; openingHours?: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.gates });
  const create = useMutation({
    mutationFn: (v: { name: string; vehiclesAllowed: boolean; openingHours?: string }) =>
      accessApi.createGate({
        compoundId,
        name: v.name,
        vehiclesAllowed: v.vehiclesAllowed,
        openingHours: v.openingHours || null,
      }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('access.gates.added'));
      return refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (g: ConsoleGate) => accessApi.updateGate(g.id, { vehiclesAllowed: !g.vehiclesAllowed }),
    onSuccess: refresh,
  });
  const mine = (gates.data ?? []).filter((g) => g.compoundId === compoundId);
  return (
    <Card size="small" title={t('access.gates.title')}>
      {gates.isError && <ErrorAlert error={gates.error} />}
      {create.isError && <ErrorAlert error={create.error} />}
      <Table<ConsoleGate>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={mine}
        loading={gates.isPending}
        columns={[
          { title: t('access.gates.name'), dataIndex: 'name' },
          {
            title: t('access.gates.hours'),
            dataIndex: 'openingHours',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('access.gates.vehicles'),
            render: (_: unknown, g) =>
              can('access.manage') ? (
                <Switch size="small" checked={g.vehiclesAllowed} onChange={() => toggle.mutate(g)} />
              ) : (
                <Tag>{g.vehiclesAllowed ? t('access.gates.yes') : t('access.gates.no')}</Tag>
              ),
          },
        ]}
        data-testid="access-gates"
      />
      {can('access.manage') && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{ vehiclesAllowed: false }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="name" rules={[{ required: true, message: t('access.gates.nameRequired') }]}>
            <Input placeholder={t('access.gates.name')} maxLength={40} />
          </Form.Item>
          <Form.Item
            name="openingHours"
            rules={[{ pattern: /^\d{2}:\d{2}-\d{2}:\d{2}$/, message: t('access.gates.hoursFormat') }]}
          >
            <Input placeholder="06:00-22:00" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="vehiclesAllowed" valuePropName="checked" label={t('access.gates.vehicles')}>
            <Switch size="small" />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            {t('access.gates.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
