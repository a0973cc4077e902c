import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { type JobQueueView, type JobRunView, type JobState, jobsApi, jobsKeys } from './jobs-api';

const POLL_MS = 10_000;

const STATE_COLORS: Record<JobState, string> = {
  created: 'default',
  retry: 'orange',
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
};

const KNOWN_QUEUES = [
  'purge-health-answers',
  'purge-observation-readings',
  'vacuum-embedded',
  'roster-import',
] as const;
type KnownQueue = (typeof KNOWN_QUEUES)[number];
const isKnown = (name: string): name is KnownQueue => (KNOWN_QUEUES as readonly string[]).includes(name);

/** 定时任务: the timed and deferred jobs (purge, vacuum, imports …), their last runs and failures. */
export function JobsPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: jobsKeys.overview,
    queryFn: jobsApi.overview,
    refetchInterval: POLL_MS,
  });
  const queueLabel = (name: string) => (isKnown(name) ? t(`jobs.queues.${name}`) : name);
  const time = (at: string | null) => (at ? formatBeijingDateTime(new Date(at)) : '—');
  const state = (s: JobState) => <Tag color={STATE_COLORS[s]}>{t(`jobs.states.${s}`)}</Tag>;

  const runColumns = [
    { title: t('jobs.queue'), dataIndex: 'queue', render: queueLabel },
    { title: t('jobs.state'), dataIndex: 'state', render: state },
    {
      title: t('jobs.tries'),
      key: 'tries',
      render: (_: unknown, run: JobRunView) => `${run.retries + 1} / ${run.retryLimit + 1}`,
    },
    { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: time },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: time },
    {
      title: t('jobs.community'),
      dataIndex: 'communityId',
      render: (id: number | null) => (id === null ? t('jobs.installation') : `#${id}`),
    },
  ];

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('jobs.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('jobs.intro')}</Typography.Text>
      <Card size="small" title={t('jobs.queuesTitle')}>
        <Table<JobQueueView>
          rowKey="name"
          size="small"
          loading={query.isPending}
          dataSource={data?.queues}
          pagination={false}
          scroll={{ x: true }}
          data-testid="jobs-queues"
          columns={[
            { title: t('jobs.queue'), dataIndex: 'name', render: queueLabel },
            {
              title: t('jobs.schedule'),
              dataIndex: 'schedule',
              render: (s: JobQueueView['schedule']) =>
                s ? (
                  <Typography.Text code>{`${s.cron} (${s.timeZone})`}</Typography.Text>
                ) : (
                  t('jobs.onDemand')
                ),
            },
            {
              title: t('jobs.retryPolicy'),
              key: 'retry',
              render: (_: unknown, q: JobQueueView) =>
                t('jobs.retryText', { limit: q.retryLimit, delay: q.retryDelaySeconds }),
            },
            {
              title: t('jobs.lastRun'),
              dataIndex: 'lastRun',
              render: (run: JobRunView | null) =>
                run ? (
                  <Flex gap={4} align="center">
                    {state(run.state)}
                    {time(run.finishedAt ?? run.startedAt)}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              title: t('jobs.week'),
              dataIndex: 'counts',
              render: (c: JobQueueView['counts']) =>
                t('jobs.countsText', {
                  completed: c.completed,
                  failed: c.failed,
                  waiting: c.waiting,
                  active: c.active,
                }),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('jobs.failuresTitle')}>
        <Table<JobRunView>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={data?.failures}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('jobs.noFailures') }}
          data-testid="jobs-failures"
          columns={[
            ...runColumns,
            {
              title: t('jobs.message'),
              dataIndex: 'message',
              render: (m: string | null) => <Typography.Text type="danger">{m ?? '—'}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('jobs.runsTitle')}>
        <Table<JobRunView>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={data?.runs}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={runColumns}
        />
      </Card>
    </Flex>
  );
}
