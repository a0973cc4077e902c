import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isGovernance } from '../../../shared/campaigns';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { AssignmentPanel } from './assignment-panel';
import { campaignKeys, campaignsApi } from './campaigns-api';
import { FindingsList, GovernanceProgress } from './governance';
import { PhoneQueue } from './phone-queue';
import { ProgressView } from './progress-view';

/** One campaign: live progress, who covers which building, and the phone follow-up queue. */
export function CampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().campaignId);
  const can = useCan();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => campaignsApi.get(id) });
  const close = useMutation({
    mutationFn: () => campaignsApi.close(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
    onError: notifyError,
  });
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const { campaign } = detail.data;
  const manage = can('campaigns.manage') && campaign.status === 'active';
  const governance = isGovernance(campaign.kind);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="campaign-title">
          {campaign.name}{' '}
          {campaign.status === 'active' ? (
            <Tag color="green">{t('campaigns.active')}</Tag>
          ) : (
            <Tag>{t('campaigns.closed')}</Tag>
          )}
        </Typography.Title>
        <Flex gap={8} wrap>
          {governance && can('campaigns.visit') && campaign.status === 'active' && (
            <Link to={`/checks/${id}`} data-testid="go-check">
              <Button type="primary">{t('campaigns.checkBuildings')}</Button>
            </Link>
          )}
          {!governance && (
            <Button
              icon={<DownloadOutlined />}
              href={campaignsApi.summaryUrl(id)}
              data-testid="campaign-summary"
            >
              {t('campaigns.summary')}
            </Button>
          )}
          {manage && (
            <Button
              danger
              loading={close.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('campaigns.closeConfirm'),
                  content: t('campaigns.closeHint'),
                  okText: t('campaigns.close'),
                  cancelText: t('common.cancel'),
                  onOk: () => close.mutateAsync(),
                })
              }
            >
              {t('campaigns.close')}
            </Button>
          )}
        </Flex>
      </Flex>
      {governance && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="campaign-checklist">
          {t('campaigns.checklist')}：{campaign.checklist.map((c) => c.text).join('；')}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'progress',
            label: t('campaigns.tabProgress'),
            children: governance ? <GovernanceProgress campaignId={id} /> : <ProgressView campaignId={id} />,
          },
          {
            key: 'assign',
            label: t('campaigns.tabAssign'),
            children: <AssignmentPanel campaignId={id} editable={manage} governance={governance} />,
          },
          governance
            ? {
                key: 'findings',
                label: t('campaigns.tabFindings'),
                children: (
                  <FindingsList
                    campaignId={id}
                    communityId={campaign.communityId}
                    canRecheck={can('campaigns.visit')}
                  />
                ),
              }
            : {
                key: 'queue',
                label: t('campaigns.tabQueue'),
                children: (
                  <PhoneQueue
                    campaignId={id}
                    active={campaign.status === 'active' && can('campaigns.visit')}
                  />
                ),
              },
        ]}
      />
    </Flex>
  );
}
