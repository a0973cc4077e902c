import { DesktopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ScreenLinkMade,
  ScreenLinkOut,
  ScreenLinks,
} from '../../../shared/dashboards/screens-responses';
import { api } from '../../shared/api-client';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { LocalAddressWarning, usePublicBase } from '../../shared/public-url';
import { useAccount } from '../auth/use-me';

const screensKey = (placeId: number) => ['screens', placeId] as const;

/**
 * 数据大屏 links: an officer makes a read-only link to her place's aggregates for a wall or a meeting room,
 * sees it once (only its hash is kept, so it cannot be shown again), and revokes it when it leaks or the
 * wall goes. The list shows her place's links and those made for places under it.
 */
export function ScreensPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const notify = useNotifyError();
  const client = useQueryClient();
  const { link } = usePublicBase();
  const placeId = account.scope.placeId;
  const [made, setMade] = useState<ScreenLinkMade | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const links = useQuery({
    queryKey: screensKey(placeId),
    queryFn: () => api.get<ScreenLinks>('/screens', { placeId }),
  });
  const create = useMutation({
    mutationFn: (name: string) => api.post<ScreenLinkMade>('/screens', { placeId, name }),
    onSuccess: (answer) => {
      setMade(answer);
      form.resetFields();
      void client.invalidateQueries({ queryKey: screensKey(placeId) });
    },
    onError: notify,
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.post(`/screens/${id}/revoke`),
    onSuccess: () => void client.invalidateQueries({ queryKey: screensKey(placeId) }),
    onError: notify,
  });
  const madeUrl = made ? link(`/admin/screen/${made.token}`) : '';

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dashboards.screens.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('dashboards.screens.intro')}
      </Typography.Paragraph>
      <LocalAddressWarning />
      <Card size="small" title={t('dashboards.screens.new')}>
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => create.mutate(values.name.trim())}
          data-testid="screen-form"
        >
          <Form.Item
            name="name"
            label={t('dashboards.screens.name')}
            rules={[
              { required: true, whitespace: true, max: 60, message: t('dashboards.screens.nameRequired') },
            ]}
          >
            <Input
              placeholder={t('dashboards.screens.namePlaceholder')}
              style={{ width: 240 }}
              maxLength={60}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<DesktopOutlined />} loading={create.isPending}>
            {t('dashboards.screens.make')}
          </Button>
        </Form>
      </Card>
      {links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : (
        <Table<ScreenLinkOut>
          rowKey="id"
          size="small"
          loading={links.isPending}
          dataSource={links.data?.items ?? []}
          pagination={false}
          data-testid="screen-links"
          columns={[
            { title: t('dashboards.screens.name'), dataIndex: 'name' },
            {
              title: t('dashboards.screens.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
            },
            {
              title: t('dashboards.state'),
              render: (_: unknown, row) =>
                row.revokedAt ? (
                  <Tag>{t('dashboards.screens.revoked')}</Tag>
                ) : (
                  <Tag color="success">{t('dashboards.screens.active')}</Tag>
                ),
            },
            {
              title: '',
              render: (_: unknown, row) =>
                row.revokedAt ? null : (
                  <Popconfirm
                    title={t('dashboards.screens.revokeConfirm')}
                    onConfirm={() => revoke.mutate(row.id)}
                    okText={t('dashboards.screens.revoke')}
                  >
                    <Button size="small" danger data-testid={`screen-revoke-${row.id}`}>
                      {t('dashboards.screens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={made !== null}
        title={t('dashboards.screens.madeTitle', { name: made?.screen.name ?? '' })}
        onCancel={() => setMade(null)}
        footer={
          <Flex gap={8} justify="end">
            <Button href={madeUrl} target="_blank" rel="noreferrer">
              {t('dashboards.screens.open')}
            </Button>
            <Button type="primary" onClick={() => setMade(null)}>
              {t('dashboards.screens.done')}
            </Button>
          </Flex>
        }
      >
        <Alert type="info" showIcon title={t('dashboards.screens.onceOnly')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          copyable={{ text: madeUrl }}
          data-testid="screen-link"
          style={{ wordBreak: 'break-all' }}
        >
          {madeUrl}
        </Typography.Paragraph>
      </Modal>
    </Flex>
  );
}
