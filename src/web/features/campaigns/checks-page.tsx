// 楼栋检查 on a phone: the campaign's buildings, checking one (check-form.tsx), following its findings;
// checks the phone still holds count as done and are sent when the network is back.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, List, Segmented, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CAMPAIGN_KIND_LABELS } from '../../../shared/campaigns';
import { buildingLabel } from '../../../shared/places/address-label';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { keptOnPhone } from '../../shared/kept-on-phone';
import { useAccount } from '../auth/use-me';
import { campaignKeys, campaignsApi, type GovBuilding } from './campaigns-api';
import { CheckDrawer } from './check-form';
import { dropCheck, useCheckQueue } from './check-queue';
import { FindingsList } from './governance';

/** 楼栋检查 (/checks/:campaignId): the campaign's buildings on a phone, check one, follow its findings. */
export function ChecksPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const id = Number(useParams().campaignId);
  const [view, setView] = useState<'buildings' | 'findings'>('buildings');
  const [checking, setChecking] = useState<GovBuilding | null>(null);
  const buildings = useQuery({
    queryKey: campaignKeys.buildings(id),
    queryFn: keptOnPhone(`buildings-${id}`, () => campaignsApi.buildings(id)),
    networkMode: 'offlineFirst',
  });
  const queryClient = useQueryClient();
  const onSent = useCallback(
    (campaignId: number) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.buildings(campaignId) });
      void queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'findings'] });
    },
    [queryClient],
  );
  const account = useAccount();
  const { queued, online, flush } = useCheckQueue(account.id, onSent);
  const mine = queued.filter((q) => q.payload.campaignId === id);
  const waiting = mine.filter((q) => !q.error);
  const rejected = mine.filter((q) => q.error);
  const onPhone = new Set(waiting.map((q) => q.payload.check.targetId));
  if (buildings.isPending) return <Spin />;
  if (buildings.isError)
    return <ErrorAlert error={buildings.error} onRetry={() => void buildings.refetch()} />;
  const { campaign, items } = buildings.data;
  const active = campaign.status === 'active';
  // What the phone still holds counts as checked here: the checker walks on without waiting for the network.
  const checked = items.filter((b) => b.checked || onPhone.has(b.targetId)).length;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Link to="/visits">{t('campaigns.backToMine')}</Link>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="checks-title">
        {campaign.name} <Tag>{label(CAMPAIGN_KIND_LABELS[campaign.kind])}</Tag>
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('campaigns.buildingsCheckedOf', { done: checked, total: items.length })}
      </Typography.Text>
      {!online && (
        <Alert type="warning" showIcon title={t('campaigns.offline')} data-testid="offline-banner" />
      )}
      {waiting.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('campaigns.checksWaiting', { count: waiting.length })}
          action={
            <Button size="small" onClick={() => void flush()}>
              {t('campaigns.sendNow')}
            </Button>
          }
          data-testid="checks-queue-banner"
        />
      )}
      {rejected.map((q) => (
        <Alert
          key={q.id}
          type="error"
          showIcon
          title={`${q.payload.buildingName}：${q.error}`}
          action={
            <Button size="small" onClick={() => void dropCheck(q)}>
              {t('campaigns.discard')}
            </Button>
          }
        />
      ))}
      <Segmented
        block
        value={view}
        onChange={(v) => setView(v as 'buildings' | 'findings')}
        options={[
          { value: 'buildings', label: t('campaigns.tabBuildings') },
          { value: 'findings', label: t('campaigns.tabFindings') },
        ]}
      />
      {view === 'buildings' ? (
        <List<GovBuilding>
          dataSource={items}
          locale={{ emptyText: <Empty description={t('campaigns.nothingAssigned')} /> }}
          renderItem={(b) => (
            <List.Item
              data-testid="gov-building"
              actions={
                active
                  ? [
                      <Button
                        key="check"
                        type={b.checked ? 'default' : 'primary'}
                        onClick={() => setChecking(b)}
                        data-testid="check-building"
                      >
                        {b.checked ? t('campaigns.checkAgain') : t('campaigns.checkBuilding')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2}>
                <Typography.Text strong>{buildingLabel(b)}</Typography.Text>
                <Flex gap={6} wrap>
                  {onPhone.has(b.targetId) ? (
                    <Tag color="blue">{t('campaigns.checkOnPhone')}</Tag>
                  ) : b.checked ? (
                    <Tag color="green">{t('campaigns.checked')}</Tag>
                  ) : (
                    <Tag>{t('campaigns.notChecked')}</Tag>
                  )}
                  {b.openFindings > 0 && (
                    <Tag color="orange">{t('campaigns.openFindingsN', { n: b.openFindings })}</Tag>
                  )}
                  {b.overdueFindings > 0 && (
                    <Tag color="red">{t('campaigns.overdueFindingsN', { n: b.overdueFindings })}</Tag>
                  )}
                  {b.assignee && <Typography.Text type="secondary">{b.assignee}</Typography.Text>}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <FindingsList campaignId={id} communityId={campaign.communityId} canRecheck />
      )}
      <CheckDrawer campaign={campaign} building={checking} onClose={() => setChecking(null)} flush={flush} />
    </Flex>
  );
}
