import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, type CampaignKind } from '../../../shared/campaigns';
import { beijingToday } from '../../../shared/declarations';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useAccount, useCan } from '../auth/use-me';
import { useCommunities } from '../imports/use-communities';
import { type Campaign, campaignKeys, campaignsApi } from './campaigns-api';

/** 排查任务: the secretary starts a sweep and follows it; officers above read. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: campaignKeys.list(), queryFn: () => campaignsApi.list() });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        {can('campaigns.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-campaign"
          >
            {t('campaigns.new')}
          </Button>
        )}
      </Flex>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Campaign>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('campaigns.empty') }}
        columns={[
          {
            title: t('campaigns.name'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <Link to={`/campaigns/${c.id}`} data-testid="campaign-link">
                {name}
              </Link>
            ),
          },
          {
            title: t('campaigns.kind'),
            dataIndex: 'kind',
            render: (k: CampaignKind) => label(CAMPAIGN_KIND_LABELS[k]),
          },
          { title: t('campaigns.community'), dataIndex: 'communityName' },
          { title: t('campaigns.households'), dataIndex: 'targetCount' },
          { title: t('campaigns.startsOn'), dataIndex: 'startsOn' },
          {
            title: t('campaigns.state'),
            dataIndex: 'status',
            render: (s: Campaign['status']) =>
              s === 'active' ? (
                <Tag color="green">{t('campaigns.active')}</Tag>
              ) : (
                <Tag>{t('campaigns.closed')}</Tag>
              ),
          },
        ]}
      />
      {creating && <NewCampaignModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}

function NewCampaignModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const account = useAccount();
  const queryClient = useQueryClient();
  const communities = useCommunities(account);
  const [form] = Form.useForm<{ communityId: number; name: string; kind: CampaignKind }>();
  const create = useMutation({
    mutationFn: campaignsApi.create,
    onSuccess: ({ campaign }) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      navigate(`/campaigns/${campaign.id}`);
    },
  });
  const first = communities.data?.[0]?.id;
  return (
    <Modal
      open
      title={t('campaigns.new')}
      onCancel={onClose}
      okText={t('campaigns.start')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'start-campaign' } as Record<`data-${string}`, string>}
    >
      <Typography.Paragraph type="secondary">{t('campaigns.newHint')}</Typography.Paragraph>
      {communities.data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            communityId: first,
            kind: 'screening',
            name: t('campaigns.defaultName', { date: beijingToday() }),
          }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="communityId" label={t('campaigns.community')} rules={[{ required: true }]}>
            <Select options={communities.data.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('campaigns.kind')}>
            <Select
              options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: label(CAMPAIGN_KIND_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('campaigns.name')}
            rules={[{ required: true, min: 2, max: 60, message: t('campaigns.nameRule') }]}
          >
            <Input maxLength={60} data-testid="campaign-name" />
          </Form.Item>
        </Form>
      )}
      {create.isError && <Alert type="error" showIcon title={errorText(create.error)} />}
    </Modal>
  );
}

export function PercentBar({ percent }: { percent: number }) {
  // Red under a third, amber under two thirds, green above: readable at a glance on a wall screen.
  const color = percent < 33 ? '#cf1322' : percent < 67 ? '#d48806' : '#389e0d';
  return <Progress percent={percent} strokeColor={color} size="small" />;
}
