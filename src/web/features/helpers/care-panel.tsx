// 关怀对象与任务: who needs care (overdue for contact first), sending a task for one of them, and the
// tasks with their state — escalated ones (nobody accepted in 30 minutes) on top.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARE_OUTCOME_LABELS,
  CARE_TAG_LABELS,
  CARE_TASK_KIND_LABELS,
  CARE_TASK_KINDS,
  CARE_TASK_STATUS_LABELS,
  type CareTaskKind,
} from '../../../shared/helpers';
import { addressLabel } from '../../../shared/places/address-label';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useCan } from '../auth/use-me';
import { type CareNeed, type CareTask, helperKeys, helpersApi } from './helpers-api';

const when = (at: string | null) => (at ? formatBeijingDateTime(at) : '—');

export function CarePanel({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [taskFor, setTaskFor] = useState<CareNeed | null>(null);
  const needs = useQuery({
    queryKey: [...helperKeys.needs(communityId), overdueOnly],
    queryFn: () => helpersApi.needs(communityId, overdueOnly),
  });
  const tasks = useQuery({
    queryKey: helperKeys.tasks(communityId),
    queryFn: () => helpersApi.tasks(communityId),
    refetchInterval: 10_000,
  });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('helpers.needsTitle')}
        </Typography.Title>
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {t('helpers.overdueOnly')}
        </Checkbox>
      </Flex>
      {needs.isError && <ErrorAlert error={needs.error} onRetry={() => void needs.refetch()} />}
      <Table<CareNeed>
        rowKey="id"
        size="small"
        loading={needs.isPending}
        dataSource={needs.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('helpers.person'), dataIndex: 'name' },
          { title: t('helpers.address'), render: (_, n) => addressLabel(n) },
          {
            title: t('helpers.tags'),
            render: (_, n) =>
              n.tags.map((x) => <Tag key={x}>{label(CARE_TAG_LABELS[x as never] ?? { zh: x, en: x })}</Tag>),
          },
          {
            title: t('helpers.contactEvery'),
            render: (_, n) => t('helpers.everyNDays', { n: n.contactEveryDays }),
          },
          {
            title: t('helpers.lastContact'),
            render: (_, n) => (n.lastContactAt ? when(n.lastContactAt) : t('helpers.never')),
          },
          {
            title: t('helpers.due'),
            render: (_, n) => (
              <Typography.Text type={n.overdue ? 'danger' : undefined}>
                {when(n.dueAt)} {n.overdue && <Tag color="red">{t('helpers.overdue')}</Tag>}
              </Typography.Text>
            ),
          },
          ...(can('helpers.manage')
            ? [
                {
                  key: 'task',
                  render: (_: unknown, n: CareNeed) => (
                    <Button size="small" onClick={() => setTaskFor(n)} data-testid="new-care-task">
                      {t('helpers.newTask')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('helpers.tasksTitle')}
      </Typography.Title>
      {tasks.isError && <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
      <Table<CareTask>
        rowKey="id"
        size="small"
        loading={tasks.isPending}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: true }}
        onRow={(task) => ({ 'data-testid': 'care-task-row', 'data-status': task.status }) as object}
        columns={[
          { title: t('helpers.kind'), render: (_, x) => label(CARE_TASK_KIND_LABELS[x.kind]) },
          { title: t('helpers.person'), dataIndex: 'residentName' },
          { title: t('helpers.address'), render: (_, x) => addressLabel(x) },
          { title: t('helpers.what'), dataIndex: 'what' },
          {
            title: t('helpers.status'),
            render: (_, x) => (
              <Tag color={x.status === 'escalated' ? 'red' : x.status === 'done' ? 'green' : undefined}>
                {label(CARE_TASK_STATUS_LABELS[x.status])}
              </Tag>
            ),
          },
          { title: t('helpers.helper'), dataIndex: 'helperName' },
          {
            title: t('helpers.outcome'),
            render: (_, x) =>
              x.outcome ? (
                <span data-testid="care-outcome">
                  {label(CARE_OUTCOME_LABELS[x.outcome])}
                  {x.photoId && (
                    <>
                      {' '}
                      <a href={`/api/photos/${x.photoId}`} target="_blank" rel="noreferrer">
                        {t('helpers.photo')}
                      </a>
                    </>
                  )}
                </span>
              ) : null,
          },
          { title: t('helpers.offeredAt'), render: (_, x) => when(x.offeredAt) },
          { title: t('helpers.doneAt'), render: (_, x) => when(x.doneAt) },
        ]}
      />
      <NewTask need={taskFor} communityId={communityId} onClose={() => setTaskFor(null)} />
    </Flex>
  );
}

function NewTask({
  need,
  communityId,
  onClose,
}: {
  need: CareNeed | null;
  communityId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ kind: CareTaskKind; what?: string }>();
  const create = useMutation({
    mutationFn: (v: { kind: CareTaskKind; what?: string }) =>
      helpersApi.createTask((need as CareNeed).residentId, v.kind, v.what?.trim() || null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: helperKeys.tasks(communityId) });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={need !== null}
      title={`${t('helpers.newTask')} · ${need?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'create-care-task' } as Record<string, string>}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'groceries' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="kind" label={t('helpers.kind')} rules={[{ required: true }]}>
          <Select
            options={CARE_TASK_KINDS.map((k) => ({ value: k, label: label(CARE_TASK_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="what" label={t('helpers.what')}>
          <Input maxLength={200} data-testid="care-task-what" />
        </Form.Item>
        {create.error && <div style={{ color: '#cf1322' }}>{errorText(create.error)}</div>}
      </Form>
    </Modal>
  );
}
