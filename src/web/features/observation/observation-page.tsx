import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { buildingLabel } from '../../../shared/places/address-label';
import { ErrorAlert } from '../../shared/error-display';
import { useAccount, useCan } from '../auth/use-me';
import { NoticePrintMenu } from './notice-print-menu';
import { type ListFilter, type ObservationOut, observationApi, observationKeys } from './observation-api';
import { AlertsCard, POLL_MS, TasksCard } from './observation-cards';
import { type ChangeKind, ChangeModal, CheckinModal, LinkModal } from './observation-modals';

type CountKey =
  | 'active'
  | 'home'
  | 'centralised'
  | 'openAlerts'
  | 'endingToday'
  | 'endingTomorrow'
  | 'slotsDone'
  | 'slotsDue'
  | 'slotsMissed';
const FILTERS: ListFilter[] = [
  'active',
  'alerts',
  'due_today',
  'missed_today',
  'ending_today',
  'ending_tomorrow',
  'ended',
];

/** 观察看板: a community's board, or for officers above a community the counts of each. */
export function ObservationPage() {
  const account = useAccount();
  const [params] = useSearchParams();
  const fromQuery = Number(params.get('communityId'));
  const communityId =
    Number.isInteger(fromQuery) && fromQuery > 0
      ? fromQuery
      : account.scope.placeKind === 'community'
        ? account.scope.placeId
        : null;
  return communityId ? <CommunityBoard communityId={communityId} /> : <SummaryPage />;
}

function SummaryPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: observationKeys.summary,
    queryFn: observationApi.summary,
    refetchInterval: POLL_MS,
  });
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const count = (key: CountKey) => ({
    title: t(`observation.counts.${key}`),
    dataIndex: key,
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('observation.summaryTitle')}
      </Typography.Title>
      <Card size="small">
        <Table
          rowKey="communityId"
          size="small"
          loading={query.isPending}
          dataSource={query.data?.items}
          pagination={false}
          scroll={{ x: true }}
          data-testid="observation-summary"
          columns={[
            {
              title: t('observation.community'),
              dataIndex: 'communityName',
              render: (name: string, row: { communityId: number }) => (
                <Link to={`/observation?communityId=${row.communityId}`}>{name}</Link>
              ),
            },
            count('active'),
            count('openAlerts'),
            count('slotsDone'),
            count('slotsDue'),
            count('slotsMissed'),
            count('endingToday'),
            count('endingTomorrow'),
          ]}
        />
      </Card>
    </Flex>
  );
}

function CommunityBoard({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useState<ListFilter>('active');
  const [checkin, setCheckin] = useState<ObservationOut | null>(null);
  const [link, setLink] = useState<ObservationOut | null>(null);
  const [change, setChange] = useState<{ o: ObservationOut; kind: ChangeKind } | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);
  const board = useQuery({
    queryKey: observationKeys.board(communityId),
    queryFn: () => observationApi.board(communityId),
    refetchInterval: POLL_MS,
  });
  const list = useQuery({
    queryKey: observationKeys.list(communityId, filter),
    queryFn: () => observationApi.list(communityId, filter),
    refetchInterval: POLL_MS,
  });
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;
  const stat = (key: CountKey, to: ListFilter, danger = false) => (
    <Col xs={12} sm={8} md={6} lg={3} key={key}>
      <Card size="small" hoverable onClick={() => setFilter(to)} data-testid={`observation-count-${key}`}>
        <Statistic
          title={t(`observation.counts.${key}`)}
          value={b?.[key] ?? 0}
          valueStyle={danger && (b?.[key] ?? 0) > 0 ? { color: '#cf1322' } : undefined}
        />
      </Card>
    </Col>
  );
  const manage = can('observation.manage');
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('observation.title')}
        </Typography.Title>
        <Space wrap>
          {can('observation.manage') && <NoticePrintMenu communityId={communityId} ticked={ticked} />}
          <Button
            icon={<DownloadOutlined />}
            href={observationApi.exportUrl(communityId)}
            data-testid="observation-export"
          >
            {t('observation.export')}
          </Button>
        </Space>
      </Flex>
      <Typography.Text type="secondary">{t('observation.intro')}</Typography.Text>
      <Row gutter={[8, 8]}>
        {stat('active', 'active')}
        {stat('openAlerts', 'alerts', true)}
        {stat('slotsDone', 'active')}
        {stat('slotsDue', 'due_today')}
        {stat('slotsMissed', 'missed_today', true)}
        {stat('endingToday', 'ending_today')}
        {stat('endingTomorrow', 'ending_tomorrow')}
        {stat('centralised', 'active')}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <AlertsCard communityId={communityId} />
        </Col>
        <Col xs={24} lg={12}>
          <TasksCard communityId={communityId} />
        </Col>
      </Row>
      <Card
        size="small"
        title={t('observation.list')}
        extra={
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as ListFilter)}
            options={FILTERS.map((f) => ({ value: f, label: t(`observation.filters.${f}`) }))}
            data-testid="observation-filter"
          />
        }
      >
        <Table<ObservationOut>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items}
          rowSelection={
            can('observation.manage')
              ? { selectedRowKeys: ticked, onChange: (keys) => setTicked(keys as number[]) }
              : undefined
          }
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="observation-list"
          columns={[
            { title: t('observation.name'), dataIndex: 'name' },
            {
              title: t('observation.building'),
              render: (_: unknown, o: { compoundName: string | null; buildingName: string | null }) =>
                buildingLabel(o),
            },
            { title: t('observation.room'), dataIndex: 'room' },
            {
              title: t('observation.kind'),
              dataIndex: 'kind',
              render: (k: 'home' | 'centralised') => <Tag>{t(`observation.kinds.${k}`)}</Tag>,
            },
            {
              title: t('observation.dayOfPeriod'),
              dataIndex: 'dayOfPeriod',
              render: (d: number, o) => `${d} / ${o.periodDays}`,
            },
            { title: t('observation.plannedEnd'), dataIndex: 'plannedEnd' },
            {
              title: t('observation.counts.openAlerts'),
              dataIndex: 'openAlerts',
              render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : null),
            },
            {
              title: t('observation.actions'),
              key: 'actions',
              render: (_: unknown, o) =>
                o.endedAt ? (
                  <Typography.Text type="secondary">{o.endReason}</Typography.Text>
                ) : (
                  <Space size={4} wrap>
                    {can('observation.checkin') && (
                      <Button size="small" onClick={() => setCheckin(o)} data-testid={`checkin-${o.id}`}>
                        {t('observation.record')}
                      </Button>
                    )}
                    {manage && (
                      <Button size="small" onClick={() => setLink(o)} data-testid={`link-${o.id}`}>
                        {t('observation.link')}
                      </Button>
                    )}
                    {manage && (
                      <Button size="small" onClick={() => setChange({ o, kind: 'extend' })}>
                        {t('observation.extend')}
                      </Button>
                    )}
                    {can('observation.shorten') && (
                      <Button size="small" onClick={() => setChange({ o, kind: 'shorten' })}>
                        {t('observation.shorten')}
                      </Button>
                    )}
                    {manage && (
                      <Button size="small" danger onClick={() => setChange({ o, kind: 'end' })}>
                        {t('observation.end')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('observation.byBuilding')}>
            <Table
              rowKey={(r) => String(r.buildingId)}
              size="small"
              pagination={false}
              dataSource={b?.byBuilding}
              columns={[
                {
                  title: t('observation.building'),
                  dataIndex: 'buildingName',
                  render: (n: string | null, r) =>
                    n
                      ? buildingLabel({ compoundName: r.compoundName, buildingName: n })
                      : t('observation.noBuilding'),
                },
                { title: t('observation.counts.active'), dataIndex: 'active' },
                { title: t('observation.counts.openAlerts'), dataIndex: 'openAlerts' },
                { title: t('observation.counts.slotsMissed'), dataIndex: 'slotsMissed' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('observation.byDay')}>
            <Flex wrap gap={8}>
              {(b?.byDay ?? []).map((d) => (
                <Tag key={d.day}>
                  {t('observation.dayN', { day: d.day })}: {d.count}
                </Tag>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
      {checkin && <CheckinModal observation={checkin} onClose={() => setCheckin(null)} />}
      {link && <LinkModal observation={link} onClose={() => setLink(null)} />}
      {change && <ChangeModal observation={change.o} kind={change.kind} onClose={() => setChange(null)} />}
    </Flex>
  );
}
