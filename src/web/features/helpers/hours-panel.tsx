// 服务时长: hours per helper in a month (care tasks, gate duty and door visits count at once; hours entered by
// hand wait for approval).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_MINUTES } from '../../../shared/helpers';
import { beijingToday } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { type HoursSummary, helperKeys, helpersApi } from './helpers-api';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export function HoursPanel({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(beijingToday().slice(0, 7));
  const summary = useQuery({
    queryKey: helperKeys.hours(communityId, month),
    queryFn: () => helpersApi.hours(communityId, month),
  });
  const decide = useMutation({
    mutationFn: (v: { id: number; approve: boolean }) => helpersApi.decideHours(v.id, v.approve),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['helpers', 'hours'] }),
  });
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Typography.Text>{t('helpers.month')}</Typography.Text>
        <Input
          type="month"
          value={month}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          style={{ width: 160 }}
        />
      </Flex>
      <Typography.Text type="secondary">{t('helpers.hoursNote', { m: VISIT_MINUTES })}</Typography.Text>
      <Table<HoursSummary['items'][number]>
        rowKey="helperId"
        size="small"
        loading={summary.isPending}
        dataSource={summary.data?.items ?? []}
        onRow={() => ({ 'data-testid': 'hours-row' }) as object}
        columns={[
          { title: t('helpers.name'), dataIndex: 'helperName' },
          {
            title: t('helpers.approvedHours'),
            render: (_, r) => (
              <span data-testid="approved-hours">
                {t('helpers.hoursValue', { h: hours(r.approvedMinutes) })}
              </span>
            ),
          },
          {
            title: t('helpers.dutyHours'),
            render: (_, r) => t('helpers.hoursValue', { h: hours(r.dutyMinutes) }),
          },
          { title: t('helpers.visitsN'), dataIndex: 'visits' },
          {
            title: t('helpers.pendingHours'),
            render: (_, r) => t('helpers.hoursValue', { h: hours(r.pendingMinutes) }),
          },
          { title: t('helpers.tasksN'), dataIndex: 'tasks' },
          { title: t('helpers.active'), render: (_, r) => (r.active ? <Tag color="green">✓</Tag> : null) },
        ]}
      />
      {(summary.data?.pending.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('helpers.pendingEntries')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={summary.data?.pending ?? []}
            columns={[
              { title: t('helpers.name'), dataIndex: 'helperName' },
              { title: t('helpers.workedOn'), dataIndex: 'workedOn' },
              { title: t('helpers.minutes'), dataIndex: 'minutes' },
              { title: t('helpers.note'), dataIndex: 'note' },
              ...(can('helpers.manage')
                ? [
                    {
                      key: 'decide',
                      render: (_: unknown, e: { id: number }) => (
                        <Flex gap={4}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => decide.mutate({ id: e.id, approve: true })}
                          >
                            {t('helpers.approve')}
                          </Button>
                          <Button size="small" onClick={() => decide.mutate({ id: e.id, approve: false })}>
                            {t('helpers.reject')}
                          </Button>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Flex>
  );
}
