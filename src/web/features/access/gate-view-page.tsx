import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  GateAnomaly as Anomaly,
  GateDayView as DayView,
  GateDay,
} from '../../../shared/access/access-responses';
import { beijingToday, formatBeijingTime } from '../../../shared/time/beijing';
import { api } from '../../shared/api-client';
import { ErrorAlert } from '../../shared/error-display';

/** antd's date value, named without importing dayjs (antd's dependency, not ours). */
type DateValue = { format: (pattern: string) => string } | null;

const time = (iso: string) => formatBeijingTime(iso, { seconds: true });

/** One day at the gates: checks per hour per gate, fevers, refusals, visitors, passes, anomalies. */
export function GateViewPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState<DateValue>(null);
  const day = date?.format('YYYY-MM-DD') ?? beijingToday();
  const view = useQuery({
    queryKey: ['access', 'gate-view', day],
    queryFn: () => api.get<DayView>('/access/gate-view', { day }),
    refetchInterval: 60_000,
  });
  const gateName = (id: number) => view.data?.gates.find((g) => g.id === id)?.name ?? `#${id}`;
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const totals = (view.data?.gates ?? []).reduce(
    (a, g) => ({
      checks: a.checks + g.checks,
      fevers: a.fevers + g.fevers,
      refusals: a.refusals + g.refusals,
      visitors: a.visitors + g.visitors,
    }),
    { checks: 0, fevers: 0, refusals: 0, visitors: 0 },
  );
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('access.view.title')}
        </Typography.Title>
        <Flex gap={12} align="center">
          <Link to="/access">{t('access.view.back')}</Link>
          <DatePicker value={date as never} onChange={(v) => setDate(v as DateValue)} placeholder={day} />
        </Flex>
      </Flex>
      {view.isError && <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />}
      <Row gutter={[12, 12]}>
        {(
          [
            ['checks', totals.checks],
            ['fevers', totals.fevers],
            ['refusals', totals.refusals],
            ['visitors', totals.visitors],
            ['issued', view.data?.passesIssued ?? 0],
            ['revoked', view.data?.passesRevoked ?? 0],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={4}>
            <Card size="small">
              <Statistic
                title={t(`access.view.${key}`)}
                value={value}
                valueStyle={key === 'fevers' && value > 0 ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('access.view.perHour')}>
        <Table<GateDay>
          size="small"
          rowKey="id"
          pagination={false}
          loading={view.isPending}
          dataSource={view.data?.gates ?? []}
          scroll={{ x: true }}
          columns={[
            {
              title: t('access.view.gate'),
              fixed: 'left',
              render: (_: unknown, g) => `${g.compoundName} · ${g.name}`,
            },
            ...hours.map((h) => ({
              title: String(h),
              align: 'center' as const,
              render: (_: unknown, g: GateDay) => (g.perHour[h] ? g.perHour[h] : ''),
            })),
            { title: t('access.view.checks'), dataIndex: 'checks' },
            {
              title: t('access.view.fevers'),
              render: (_: unknown, g) => (g.fevers ? <Tag color="red">{g.fevers}</Tag> : 0),
            },
            { title: t('access.view.refusals'), dataIndex: 'refusals' },
            { title: t('access.view.visitors'), dataIndex: 'visitors' },
          ]}
          data-testid="gate-view-hours"
        />
      </Card>
      <Card size="small" title={t('access.view.anomalies')}>
        <Table<Anomaly>
          size="small"
          rowKey={(a) => `${a.passNumber}-${a.at}`}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={view.data?.anomalies ?? []}
          locale={{ emptyText: t('access.view.noAnomalies') }}
          columns={[
            { title: t('access.view.time'), render: (_: unknown, a) => time(a.at) },
            { title: t('access.passes.number'), dataIndex: 'passNumber' },
            {
              title: t('access.view.what'),
              render: (_: unknown, a) =>
                a.kind === 'double_entry'
                  ? t('access.view.doubleEntry', { gate: gateName(a.gateId), previous: time(a.previousAt) })
                  : t('access.view.twoGates', {
                      gate: gateName(a.gateId),
                      other: gateName(a.previousGateId),
                      previous: time(a.previousAt),
                    }),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
