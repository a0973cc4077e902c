import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Empty,
  Flex,
  List,
  Progress,
  Segmented,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isDone, isGovernance, type VisitOutcome } from '../../../shared/campaigns';
import { ErrorAlert } from '../../shared/error-display';
import { keptOnPhone } from '../../shared/kept-on-phone';
import { useAccount } from '../auth/use-me';
import { campaignKeys, campaignsApi, type Target, type VisitPayload } from './campaigns-api';
import { OutcomeTag } from './outcome-tag';
import { dropVisit, queueVisit, useVisitQueue } from './visit-queue';
import { doorLabel, VisitSheet } from './visit-sheet';

/**
 * The volunteer's phone page (走访): "my households" in walking order and what is left. It lives in the
 * console (same sign-in, same bundle already cached on the phone) and is laid out for a narrow screen.
 */
export function VisitsPage() {
  const { campaignId } = useParams();
  return campaignId ? <HouseholdsOfCampaign campaignId={Number(campaignId)} /> : <MyCampaigns />;
}

function MyCampaigns() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: campaignKeys.mine,
    queryFn: keptOnPhone('campaigns-mine', campaignsApi.mine),
    networkMode: 'offlineFirst',
  });
  if (mine.isPending) return <Spin />;
  if (mine.isError) return <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data.items.filter((c) => c.mine > 0);
  if (items.length === 0) return <Empty description={t('campaigns.nothingAssigned')} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('campaigns.myVisits')}
      </Typography.Title>
      {items.map((c) => (
        <Link
          key={c.id}
          to={isGovernance(c.kind) ? `/checks/${c.id}` : `/visits/${c.id}`}
          data-testid="my-campaign"
        >
          <Card size="small" hoverable>
            <Typography.Text strong>{c.name}</Typography.Text>
            <div>{t('campaigns.leftOf', { left: c.left, total: c.mine })}</div>
            <Progress percent={Math.round(((c.mine - c.left) / c.mine) * 100)} size="small" />
          </Card>
        </Link>
      ))}
    </Flex>
  );
}

function HouseholdsOfCampaign({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Target | null>(null);
  const [show, setShow] = useState<'left' | 'all'>('left');
  const households = useQuery({
    queryKey: campaignKeys.households(campaignId),
    queryFn: keptOnPhone(`households-${campaignId}`, () => campaignsApi.myHouseholds(campaignId)),
    networkMode: 'offlineFirst',
  });
  const onSent = useCallback(
    (id: number, visit: VisitPayload) => {
      const key = campaignKeys.households(id);
      // The server has it now: show it as the server will, then ask for the real list.
      queryClient.setQueryData<Awaited<ReturnType<typeof campaignsApi.myHouseholds>>>(key, (data) =>
        data
          ? {
              ...data,
              items: data.items.map((h) =>
                h.id === visit.targetId ? { ...h, outcome: visit.outcome, attempts: h.attempts + 1 } : h,
              ),
            }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: key });
    },
    [queryClient],
  );
  const account = useAccount();
  const { queued, online, flush } = useVisitQueue(account.id, onSent);

  // What the phone still holds counts as done here: the volunteer walks on without waiting for the network.
  const pending = useMemo(() => {
    const map = new Map<number, VisitOutcome>();
    for (const q of queued)
      if (q.campaignId === campaignId && !q.error) map.set(q.visit.targetId, q.visit.outcome);
    return map;
  }, [queued, campaignId]);
  const rejected = queued.filter((q) => q.campaignId === campaignId && q.error);

  if (households.isPending) return <Spin />;
  if (households.isError)
    return <ErrorAlert error={households.error} onRetry={() => void households.refetch()} />;
  const items = households.data.items;
  const outcomeOf = (h: Target) => pending.get(h.id) ?? h.outcome;
  const left = items.filter((h) => !isDone(outcomeOf(h))).length;
  const shown = show === 'left' ? items.filter((h) => !isDone(outcomeOf(h))) : items;
  const waiting = queued.filter((q) => !q.error).length;

  async function record(visit: VisitPayload) {
    await queueVisit(account.id, campaignId, visit);
    setOpen(null);
    const sent = await flush();
    if (sent > 0) message.success(t('campaigns.saved'));
    else message.info(t('campaigns.savedOnPhone'));
  }

  return (
    <Flex vertical gap={8} style={{ maxWidth: 560, margin: '0 auto' }} data-testid="visits-page">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {households.data.campaign.name}
      </Typography.Title>
      <Flex justify="space-between" align="center">
        <Typography.Text data-testid="visits-left">
          {t('campaigns.leftOf', { left, total: items.length })}
        </Typography.Text>
        <Segmented
          size="small"
          value={show}
          onChange={(v) => setShow(v as 'left' | 'all')}
          options={[
            { value: 'left', label: t('campaigns.showLeft') },
            { value: 'all', label: t('campaigns.showAll') },
          ]}
        />
      </Flex>
      {!online && (
        <Alert type="warning" showIcon title={t('campaigns.offline')} data-testid="offline-banner" />
      )}
      {waiting > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('campaigns.waiting', { count: waiting })}
          action={
            <Button size="small" onClick={() => void flush()}>
              {t('campaigns.sendNow')}
            </Button>
          }
          data-testid="queue-banner"
        />
      )}
      {rejected.map((q) => (
        <Alert
          key={q.visit.id}
          type="error"
          showIcon
          title={q.error}
          action={
            <Button size="small" onClick={() => void dropVisit(q.visit.id)}>
              {t('campaigns.discard')}
            </Button>
          }
        />
      ))}
      {items.length === 0 ? (
        <Empty description={t('campaigns.nothingAssigned')} />
      ) : (
        <List
          dataSource={shown}
          locale={{ emptyText: t('campaigns.allDone') }}
          renderItem={(h) => {
            const outcome = outcomeOf(h);
            return (
              <List.Item
                onClick={() => setOpen(h)}
                style={{ cursor: 'pointer', padding: '10px 4px' }}
                data-testid="household-row"
                data-room={h.room}
                actions={[
                  <Button key="go" type={outcome ? 'default' : 'primary'} size="small">
                    {t('campaigns.record')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={6} wrap align="center">
                      <span>{doorLabel(h)}</span>
                      {outcome && <OutcomeTag outcome={outcome} />}
                      {pending.has(h.id) && (
                        <Badge status="processing" text={<small>{t('campaigns.notSent')}</small>} />
                      )}
                      {h.attempts > 1 && <Tag>{t('campaigns.attempts', { count: h.attempts })}</Tag>}
                    </Flex>
                  }
                  description={
                    h.residents.map((r) => r.nameMasked).join('、') || t('campaigns.noResidentsShort')
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      <VisitSheet target={open} onClose={() => setOpen(null)} onRecord={record} />
    </Flex>
  );
}
