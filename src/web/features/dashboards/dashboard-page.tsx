import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Flex, Row, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatBeijingTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import {
  DASHBOARD_POLL_MS,
  dashboardKeys,
  dashboardsApi,
  type PlaceDashboard,
  ROW_KINDS,
} from './dashboards-api';
import { Chart } from './echarts';
import { useIndicators } from './use-indicators';

/** The columns set side by side (when the place's answer has them). */
const COMPARED = [
  'people.residents',
  'declarations.today',
  'status.referred_to_clinic',
  'status.home_observation',
  'status.to_verify',
  'screening.coverage',
  'gate.fevers',
  'findings.overdue',
];

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** 截至 HH:MM and the stale mark every tile and page carries. */
export function AsOf({ data }: { data: Pick<PlaceDashboard, 'asOf' | 'stale'> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} align="center">
      <Typography.Text type="secondary" data-testid="as-of">
        {data.asOf ? t('dashboards.asOf', { time: formatBeijingTime(data.asOf) }) : t('dashboards.never')}
      </Typography.Text>
      {data.stale && (
        <Tooltip title={t('dashboards.staleHint')}>
          <Tag color="warning" data-testid="stale">
            {t('dashboards.stale')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** 数据看板 of one place: tiles, the places under it side by side and ranked, 30-day trends, drill-down. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const placeId = Number(useParams().placeId);
  const indicators = useIndicators();
  const [chosen, setChosen] = useState('people.residents');
  const query = useQuery({
    queryKey: dashboardKeys.place(placeId),
    queryFn: () => dashboardsApi.place(placeId),
    refetchInterval: DASHBOARD_POLL_MS,
    enabled: Number.isInteger(placeId) && placeId > 0,
  });
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <Card loading />;
  const rowsOf = (indicator: string, id: number) => navigate(`/dashboards/${id}/rows/${indicator}`);
  const drillable = (indicator: string, kind: string) =>
    Boolean(indicators.byId.get(indicator)?.drill) && ROW_KINDS.has(kind);
  const compared = COMPARED.filter((id) => data.children.some((c) => id in c.values));
  const ranked = [...data.children].sort((a, b) => (b.values[chosen] ?? 0) - (a.values[chosen] ?? 0));
  const options = indicators.list.map((i) => ({ value: i.id, label: indicators.name(i.id) }));

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={data.trail.map((p, k) => ({
          key: p.id,
          title: k === data.trail.length - 1 ? p.name : <Link to={`/dashboards/${p.id}`}>{p.name}</Link>,
        }))}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboards.title', { place: data.place.name })}
        </Typography.Title>
        <AsOf data={data} />
      </Flex>
      <Row gutter={[12, 12]}>
        {data.tiles.map((tile) => {
          const canDrill = drillable(tile.indicator, data.place.kind) && (tile.value ?? 0) > 0;
          return (
            <Col key={tile.indicator} xs={12} sm={8} md={6} xl={4}>
              <Card
                size="small"
                hoverable={canDrill}
                data-testid={`tile-${tile.indicator}`}
                onClick={canDrill ? () => rowsOf(tile.indicator, data.place.id) : undefined}
              >
                <Tooltip title={indicators.definition(tile.indicator)}>
                  <Typography.Text type="secondary">{indicators.name(tile.indicator)}</Typography.Text>
                </Tooltip>
                <div style={{ fontSize: 26, fontWeight: 600 }} data-testid="tile-value">
                  {tile.value ?? '—'}
                  <Typography.Text type="secondary" style={{ fontSize: 13, marginLeft: 4 }}>
                    {indicators.unit(tile.indicator)}
                  </Typography.Text>
                </div>
                <Flex justify="space-between" wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tile.change === null
                      ? t('dashboards.noYesterday')
                      : t('dashboards.yesterday', { change: signed(tile.change) })}
                  </Typography.Text>
                  <Typography.Text type={data.stale ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                    {data.asOf ? t('dashboards.asOf', { time: formatBeijingTime(data.asOf) }) : ''}
                    {data.stale ? ` · ${t('dashboards.stale')}` : ''}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Flex gap={8} align="center">
        <Typography.Text>{t('dashboards.chooseIndicator')}</Typography.Text>
        <Select style={{ minWidth: 220 }} value={chosen} onChange={setChosen} options={options} />
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboards.trend', { indicator: indicators.name(chosen) })}>
            <Chart
              testId="trend-chart"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 40, right: 16, top: 16, bottom: 24 },
                xAxis: { type: 'category', data: data.trend.days.map((d) => d.slice(5)) },
                yAxis: { type: 'value' },
                series: [{ type: 'line', smooth: true, data: data.trend.series[chosen] ?? [] }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboards.ranking', { indicator: indicators.name(chosen) })}>
            <Chart
              testId="ranking-chart"
              onClick={({ dataIndex }) => {
                const child = ranked[dataIndex];
                if (child) navigate(`/dashboards/${child.place.id}`);
              }}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 90, right: 16, top: 16, bottom: 24 },
                yAxis: { type: 'category', inverse: true, data: ranked.map((c) => c.place.name) },
                xAxis: { type: 'value' },
                series: [{ type: 'bar', data: ranked.map((c) => c.values[chosen] ?? 0) }],
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={data.place.kind === 'community' ? t('dashboards.byBuilding') : t('dashboards.sideBySide')}
      >
        <Table
          size="small"
          rowKey={(c) => c.place.id}
          dataSource={data.children}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('dashboards.place'),
              key: 'place',
              render: (_: unknown, c) => <Link to={`/dashboards/${c.place.id}`}>{c.place.name}</Link>,
            },
            ...compared.map((id) => ({
              title: indicators.name(id),
              key: id,
              sorter: (a: (typeof data.children)[number], b: (typeof data.children)[number]) =>
                (a.values[id] ?? 0) - (b.values[id] ?? 0),
              render: (_: unknown, c: (typeof data.children)[number]) => {
                const value = c.values[id];
                const testId = `cell-${c.place.id}-${id}`;
                if (value === null || value === undefined) return <span data-testid={testId}>—</span>;
                return drillable(id, c.place.kind) && value > 0 ? (
                  <Typography.Link data-testid={testId} onClick={() => rowsOf(id, c.place.id)}>
                    {value}
                  </Typography.Link>
                ) : (
                  <span data-testid={testId}>{value}</span>
                );
              },
            })),
          ]}
        />
      </Card>
    </Flex>
  );
}
