import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { AssignmentPanel } from './assignment-panel';
import { campaignKeys, campaignsApi } from './campaigns-api';
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
        <Flex gap={8}>
          <Button
            icon={<DownloadOutlined />}
            href={campaignsApi.summaryUrl(id)}
            data-testid="campaign-summary"
          >
            {t('campaigns.summary')}
          </Button>
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
      <Tabs
        items={[
          { key: 'progress', label: t('campaigns.tabProgress'), children: <ProgressView campaignId={id} /> },
          {
            key: 'assign',
            label: t('campaigns.tabAssign'),
            children: <AssignmentPanel campaignId={id} editable={manage} />,
          },
          {
            key: 'queue',
            label: t('campaigns.tabQueue'),
            children: (
              <PhoneQueue campaignId={id} active={campaign.status === 'active' && can('campaigns.visit')} />
            ),
          },
        ]}
      />
    </Flex>
  );
}
