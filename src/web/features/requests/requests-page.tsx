import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  REQUEST_CHANNEL_LABELS,
  REQUEST_CHANNELS,
  REQUEST_LISTS,
  REQUEST_STATUS_LABELS,
  type RequestList,
} from '../../../shared/requests';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useAccount, useCan } from '../auth/use-me';
import { Countdown } from './countdown';
import { HotlineImport } from './hotline-import';
import { type RequestSummary, requestKeys, requestsApi } from './requests-api';

const POLL_MS = 15_000;

/** 居民诉求: the working lists (due soon, overdue, waiting for callback, mine …), refreshed without reload. */
export function RequestsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [list, setList] = useState<RequestList>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: requestKeys.list(list, page),
    queryFn: () => requestsApi.list(list, page),
    refetchInterval: POLL_MS,
  });
  // The two lists that need attention, counted on every tab.
  const dueSoon = useQuery({
    queryKey: requestKeys.list('due_soon', 1),
    queryFn: () => requestsApi.list('due_soon', 1),
    refetchInterval: POLL_MS,
  });
  const overdue = useQuery({
    queryKey: requestKeys.list('overdue', 1),
    queryFn: () => requestsApi.list('overdue', 1),
    refetchInterval: POLL_MS,
  });
  // New requests since the page was opened (or since the last look at "all").
  const all = useQuery({
    queryKey: requestKeys.list('all', 1),
    queryFn: () => requestsApi.list('all', 1),
    refetchInterval: POLL_MS,
  });
  const seenTotal = useRef<number | null>(null);
  const total = all.data?.total;
  if (seenTotal.current === null && total !== undefined) seenTotal.current = total;
  const fresh = total !== undefined && seenTotal.current !== null ? total - seenTotal.current : 0;
  useEffect(() => {
    if (list === 'all' && total !== undefined) seenTotal.current = total;
  }, [list, total]);

  const counts: Partial<Record<RequestList, number | undefined>> = {
    due_soon: dueSoon.data?.total,
    overdue: overdue.data?.total,
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('requests.title')}
        </Typography.Title>
        {can('requests.write') && (
          <Flex gap={8}>
            <HotlineImport />
            <Button type="primary" onClick={() => setCreating(true)} data-testid="request-new">
              {t('requests.newRequest')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('requests.intro')}</Typography.Text>
      {fresh > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="requests-new-arrived"
          message={t('requests.newArrived', { count: fresh })}
          action={
            <Button size="small" onClick={() => setList('all')}>
              {t('requests.lists.all')}
            </Button>
          }
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={list}
          onChange={(key) => {
            setList(key as RequestList);
            setPage(1);
          }}
          items={REQUEST_LISTS.map((key) => ({
            key,
            label: (
              <span data-testid={`requests-tab-${key}`}>
                {t(`requests.lists.${key}`)}{' '}
                {counts[key] ? (
                  <Badge count={counts[key]} color={key === 'overdue' ? 'red' : 'orange'} />
                ) : null}
              </span>
            ),
          }))}
        />
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<RequestSummary>
            rowKey="id"
            size="small"
            loading={query.isPending}
            dataSource={query.data?.items}
            data-testid="requests-table"
            scroll={{ x: true }}
            onRow={(r) => ({ onClick: () => navigate(`/requests/${r.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: 50,
              total: query.data?.total,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            columns={[
              {
                title: t('requests.received'),
                dataIndex: 'receivedAt',
                render: (at: string) => formatBeijingDateTime(new Date(at)),
              },
              { title: t('requests.requester'), dataIndex: 'requesterName' },
              { title: t('requests.category'), dataIndex: 'categoryName' },
              {
                title: t('requests.text'),
                dataIndex: 'text',
                render: (text: string) => (
                  <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                    {text}
                  </Typography.Text>
                ),
              },
              {
                title: t('requests.status'),
                dataIndex: 'status',
                render: (s: RequestSummary['status']) => <Tag>{label(REQUEST_STATUS_LABELS[s])}</Tag>,
              },
              {
                title: t('requests.deadline'),
                key: 'deadline',
                render: (_: unknown, r: RequestSummary) => <Countdown request={r} />,
              },
              {
                title: t('requests.assignee'),
                dataIndex: 'assigneeName',
                render: (n: string | null) => n ?? '—',
              },
              { title: t('requests.community'), dataIndex: 'communityName' },
            ]}
          />
        )}
      </Card>
      {creating && <NewRequestModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}

function NewRequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const account = useAccount();
  const navigate = useNavigate();
  const client = useQueryClient();
  const notify = useNotifyError();
  const [form] = Form.useForm();
  const categories = useQuery({ queryKey: requestKeys.categories, queryFn: requestsApi.categories });
  const channel = Form.useWatch('channel', form);
  const create = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      requestsApi.create({ ...values, communityId: account.scope.placeId }),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: requestKeys.all });
      onClose();
      navigate(`/requests/${answer.request.id}`);
    },
    onError: notify,
  });
  return (
    <Modal
      open
      title={t('requests.newRequest')}
      onCancel={onClose}
      okText={t('requests.save')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'request-save' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="requesterName" label={t('requests.requester')} rules={[{ required: true }]}>
          <Input maxLength={50} data-testid="request-requester" />
        </Form.Item>
        <Form.Item name="phone" label={t('requests.phone')}>
          <Input maxLength={20} inputMode="tel" data-testid="request-phone" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('requests.category')} rules={[{ required: true }]}>
          <Select
            data-testid="request-category"
            options={(categories.data?.items ?? [])
              .filter((c) => !c.retired)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('requests.channel')} rules={[{ required: true }]}>
          <Select
            options={REQUEST_CHANNELS.filter((c) => c !== 'public').map((c) => ({
              value: c,
              label: label(REQUEST_CHANNEL_LABELS[c]),
            }))}
          />
        </Form.Item>
        {channel === 'hotline_12345' && (
          <Form.Item name="orderNumber" label={t('requests.orderNumber')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('requests.text')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="request-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
