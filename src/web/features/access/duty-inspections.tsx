// 值守巡查: the secretary walks between the gates and records what was found (R8), with a photo.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Form, Input, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTION_ITEMS } from '../../../shared/access/duty';
import { formatBeijingShort } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { resizePhoto } from '../../shared/resize-photo';
import type { ConsoleGate } from './access-api';
import { dutyApi } from './duty-api';

/** Duty inspections of a gate (R8): the secretary's checklist, notes and photo, and the gate's history. */
export function InspectionsCard({ gate, inspect }: { gate: ConsoleGate; inspect: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ checks: string[]; notes?: string }>();
  const [photo, setPhoto] = useState<File | null>(null);
  // A new file input after each save: resetting the form does not empty a native file input.
  const [photoInput, setPhotoInput] = useState(0);
  const key = ['access', 'inspections', gate.id] as const;
  const history = useQuery({ queryKey: key, queryFn: () => dutyApi.inspections(gate.id) });
  const record = useMutation({
    mutationFn: async (v: { checks?: string[]; notes?: string }) => {
      const photoId = photo
        ? (await dutyApi.uploadPhoto(gate.communityId, await resizePhoto(photo))).id
        : null;
      const checks = new Set(v.checks ?? []);
      return dutyApi.inspect({
        gateId: gate.id,
        staffed: checks.has('staffed'),
        thermometerOk: checks.has('thermometerOk'),
        logComplete: checks.has('logComplete'),
        visitorsRegistered: checks.has('visitorsRegistered'),
        notes: v.notes || null,
        photoId,
      });
    },
    onSuccess: () => {
      message.success(t('access.duty.inspected'));
      form.resetFields();
      setPhoto(null);
      setPhotoInput((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: dutyApi.deleteInspection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
    onError: notifyError,
  });
  return (
    <Card title={t('access.duty.inspections', { gate: gate.name })}>
      {inspect && (
        <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v)} data-testid="inspection-form">
          <Form.Item name="checks" label={t('access.duty.checklist')}>
            <Checkbox.Group
              options={INSPECTION_ITEMS.map((i) => ({ value: i, label: t(`access.duty.item.${i}`) }))}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('access.duty.notes')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
          <Form.Item label={t('access.duty.photo')}>
            <input
              key={photoInput}
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('access.duty.record')}
          </Button>
        </Form>
      )}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={history.data ?? []}
        locale={{ emptyText: t('access.duty.noInspections') }}
        columns={[
          { title: t('access.duty.time'), render: (_, i) => formatBeijingShort(i.inspectedAt) },
          { title: t('access.duty.inspector'), dataIndex: 'inspectorName' },
          {
            title: t('access.duty.checklist'),
            render: (_, i) => (
              <Flex gap={4} wrap>
                {INSPECTION_ITEMS.map((item) => (
                  <Tag key={item} color={i[item] ? 'green' : 'red'}>
                    {t(`access.duty.item.${item}`)}
                    {i[item] ? ' ✓' : ' ✗'}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('access.duty.notes'), dataIndex: 'notes' },
          {
            title: t('access.duty.photo'),
            render: (_, i) =>
              i.photoId ? (
                <a href={`/api/photos/${i.photoId}`} target="_blank" rel="noreferrer">
                  {t('access.duty.viewPhoto')}
                </a>
              ) : null,
          },
          ...(inspect
            ? [
                {
                  title: '',
                  render: (_: unknown, i: { id: number }) => (
                    <Popconfirm title={t('access.duty.deleteConfirm')} onConfirm={() => remove.mutate(i.id)}>
                      <Button size="small" danger>
                        {t('access.duty.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
