import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/error-display';
import { campaignKeys, campaignsApi, type Target, type VisitPayload } from './campaigns-api';
import { doorLabel, VisitSheet } from './visit-sheet';

/**
 * 电话随访: households where nobody was home, most tried first. Staff (or elderly members phoning from
 * home) call them, reveal the number on the household page when they need it (audited), and record the
 * call with the same form as at the door.
 */
export function PhoneQueue({ campaignId, active }: { campaignId: number; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Target | null>(null);
  const queue = useQuery({
    queryKey: campaignKeys.queue(campaignId),
    queryFn: () => campaignsApi.queue(campaignId),
    refetchInterval: 10_000,
  });
  if (queue.isPending) return <Spin />;
  if (queue.isError) return <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  if (queue.data.items.length === 0) return <Empty description={t('campaigns.queueEmpty')} />;

  async function record(visit: VisitPayload) {
    await campaignsApi.recordVisit(campaignId, visit);
    setOpen(null);
    void message.success(t('campaigns.saved'));
    void queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId] });
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('campaigns.queueHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={queue.data.items}
        data-testid="phone-queue"
        columns={[
          {
            title: t('campaigns.door'),
            render: (_, h) =>
              h.householdId ? <Link to={`/households/${h.householdId}`}>{doorLabel(h)}</Link> : doorLabel(h),
          },
          {
            title: t('campaigns.residents'),
            render: (_, h) =>
              h.residents
                .map((r) => `${r.nameMasked}${r.phoneMasked ? ` ${r.phoneMasked}` : ''}`)
                .join('；') || '—',
          },
          { title: t('campaigns.tries'), dataIndex: 'attempts' },
          { title: t('campaigns.assignee'), dataIndex: 'assignee' },
          ...(active
            ? [
                {
                  title: '',
                  key: 'record',
                  render: (_: unknown, h: Target) => (
                    <Button size="small" onClick={() => setOpen(h)}>
                      {t('campaigns.recordCall')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <VisitSheet target={open} onClose={() => setOpen(null)} onRecord={record} />
    </>
  );
}
