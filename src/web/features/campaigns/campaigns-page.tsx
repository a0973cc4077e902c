import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  type CampaignKind,
  CHECKLIST_ITEM_MAX,
  CHECKLIST_MAX_ITEMS,
  DEFAULT_CHECKLISTS,
  isGovernance,
} from '../../../shared/campaigns';
import { beijingToday } from '../../../shared/time/beijing';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useAccount, useCan } from '../auth/use-me';
import { useCommunities } from '../imports/use-communities';
import { type CampaignListItem, campaignKeys, campaignsApi } from './campaigns-api';

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
      <Table<CampaignListItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        // The progress and due-date columns make the table wider than a phone: it scrolls inside its card
        // rather than widening the page (a phone would zoom the whole page out, dialogs included).
        scroll={{ x: 'max-content' }}
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
          {
            title: t('campaigns.targets'),
            dataIndex: 'targetCount',
            render: (n: number, c) =>
              isGovernance(c.kind) ? t('campaigns.nBuildings', { n }) : t('campaigns.nHouseholds', { n }),
          },
          {
            title: t('campaigns.progress'),
            key: 'progress',
            width: 200,
            render: (_: unknown, c) => (
              <Flex vertical gap={0} data-testid="campaign-progress">
                <PercentBar percent={c.percent} />
                <Typography.Text type="secondary">
                  {t(isGovernance(c.kind) ? 'campaigns.doneOfBuildings' : 'campaigns.doneOfHouseholds', {
                    done: c.done,
                    total: c.targetCount,
                  })}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('campaigns.startsOn'), dataIndex: 'startsOn' },
          {
            title: t('campaigns.endsOn'),
            dataIndex: 'endsOn',
            render: (d: string | null, c) =>
              !d ? (
                <Typography.Text type="secondary">{t('campaigns.noDueDate')}</Typography.Text>
              ) : c.status === 'active' && d < beijingToday() ? (
                // Dates are YYYY-MM-DD in Beijing time, so a string comparison orders them.
                <Tag color="red">
                  {d} {t('campaigns.overdue')}
                </Tag>
              ) : (
                d
              ),
          },
          {
            title: t('campaigns.state'),
            dataIndex: 'status',
            render: (s: CampaignListItem['status']) =>
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
  const [form] = Form.useForm<{
    communityId: number;
    name: string;
    kind: CampaignKind;
    checklist?: string[];
    endsOn?: { format: (f: string) => string } | null;
  }>();
  const kind = Form.useWatch('kind', form) ?? 'screening';
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
      <Typography.Paragraph type="secondary">
        {isGovernance(kind) ? t('campaigns.newHintGovernance') : t('campaigns.newHint')}
      </Typography.Paragraph>
      {communities.data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            communityId: first,
            kind: 'screening',
            name: t('campaigns.defaultName', { date: beijingToday() }),
          }}
          onFinish={({ endsOn, ...v }) =>
            create.mutate({
              ...v,
              endsOn: endsOn ? endsOn.format('YYYY-MM-DD') : null,
              checklist: isGovernance(v.kind) ? (v.checklist ?? []) : undefined,
            })
          }
          onValuesChange={(changed: { kind?: CampaignKind }) => {
            // A new kind starts from its own default checklist (and name); the items stay editable.
            if (changed.kind && isGovernance(changed.kind)) {
              form.setFieldsValue({
                checklist: [...DEFAULT_CHECKLISTS[changed.kind]],
                name: `${label(CAMPAIGN_KIND_LABELS[changed.kind])} ${beijingToday()}`,
              });
            } else if (changed.kind === 'screening') {
              form.setFieldsValue({ name: t('campaigns.defaultName', { date: beijingToday() }) });
            }
          }}
        >
          <Form.Item name="communityId" label={t('campaigns.community')} rules={[{ required: true }]}>
            <Select options={communities.data.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('campaigns.kind')}>
            <Select
              data-testid="campaign-kind"
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
          <Form.Item name="endsOn" label={t('campaigns.endsOn')} extra={t('campaigns.endsOnHint')}>
            <DatePicker data-testid="campaign-ends-on" />
          </Form.Item>
          {isGovernance(kind) && (
            <Form.List name="checklist">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4} data-testid="checklist-editor">
                  <Typography.Text strong>{t('campaigns.checklist')}</Typography.Text>
                  <Typography.Text type="secondary">{t('campaigns.checklistHint')}</Typography.Text>
                  {fields.map((field, i) => (
                    <Flex key={field.key} gap={4} align="baseline">
                      <Typography.Text>{i + 1}.</Typography.Text>
                      <Form.Item
                        name={field.name}
                        style={{ flex: 1, marginBottom: 4 }}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            min: 2,
                            max: CHECKLIST_ITEM_MAX,
                            message: t('campaigns.checklistItemRule', { max: CHECKLIST_ITEM_MAX }),
                          },
                        ]}
                      >
                        <Input maxLength={CHECKLIST_ITEM_MAX} data-testid="checklist-item" />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={fields.length <= 1}
                        aria-label={t('campaigns.checklistRemove')}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    disabled={fields.length >= CHECKLIST_MAX_ITEMS}
                    onClick={() => add('')}
                    data-testid="checklist-add"
                  >
                    {t('campaigns.checklistAdd')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          )}
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
