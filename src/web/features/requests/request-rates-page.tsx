import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Input, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingToday } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { RateWeightsCard } from './rate-weights-card';
import { type RequestRanking, type RequestRates, requestKeys, requestsApi } from './requests-api';

type Rated = RequestRates['total'];
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
const KEYS = ['response', 'resolution', 'satisfaction', 'on_time'] as const;

/** 接诉即办考核: the four rates of a period with their formulas, per community, and the monthly ranking. */
export function RequestRatesPage() {
  const { t } = useTranslation();
  const today = beijingToday();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const rates = useQuery({
    queryKey: requestKeys.rates(from, to),
    queryFn: () => requestsApi.rates(from, to),
    enabled: valid,
    refetchInterval: 30_000,
  });
  const ranking = useQuery({
    queryKey: requestKeys.ranking(month),
    queryFn: () => requestsApi.ranking(month),
    enabled: /^\d{4}-\d{2}$/.test(month),
    refetchInterval: 60_000,
  });
  const rateOf = (r: Rated, key: (typeof KEYS)[number]) => r.rates.find((x) => x.key === key);
  const columns = [
    ...KEYS.map((key) => ({
      title: t(`requests.rateNames.${key}`),
      key,
      render: (_: unknown, row: Rated) => pct(rateOf(row, key)?.value),
    })),
    {
      title: t('requests.composite'),
      key: 'composite',
      render: (_: unknown, row: Rated) => pct(row.composite),
    },
    {
      title: t('requests.evaluated'),
      key: 'evaluated',
      render: (_: unknown, row: Rated) => row.counts.evaluated,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('requests.ratesTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('requests.ratesIntro')}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        {t('requests.from')}
        <Input
          style={{ width: 140 }}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          data-testid="rates-from"
        />
        {t('requests.to')}
        <Input
          style={{ width: 140 }}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="rates-to"
        />
      </Flex>
      {rates.isError && <ErrorAlert error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.data && (
        <Card size="small" title={rates.data.place.name}>
          <Row gutter={[16, 16]}>
            {KEYS.map((key) => {
              const figure = rateOf(rates.data.total, key);
              return (
                <Col xs={24} md={12} key={key}>
                  <Statistic
                    title={t(`requests.rateNames.${key}`)}
                    value={pct(figure?.value)}
                    valueStyle={{ fontSize: 24 }}
                  />
                  <Typography.Text type="secondary" data-testid={`rate-formula-${key}`}>
                    {figure?.formula}
                  </Typography.Text>
                </Col>
              );
            })}
          </Row>
          {rates.data.communities.length > 1 && (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="communityId"
              pagination={false}
              dataSource={rates.data.communities}
              columns={[{ title: t('requests.community'), dataIndex: 'communityName' }, ...columns]}
            />
          )}
        </Card>
      )}
      <RateWeightsCard />
      <Card
        size="small"
        title={t('requests.ranking')}
        extra={
          <Flex gap={8}>
            <Input style={{ width: 110 }} value={month} onChange={(e) => setMonth(e.target.value)} />
            <Button href={requestsApi.rankingUrl(month)}>{t('requests.export')}</Button>
          </Flex>
        }
      >
        {ranking.isError && <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />}
        <Table<RequestRanking['communities'][number]>
          size="small"
          rowKey="communityId"
          loading={ranking.isPending}
          pagination={false}
          dataSource={ranking.data?.communities}
          columns={[
            { title: t('requests.rank'), dataIndex: 'rank', render: (r: number | null) => r ?? '—' },
            { title: t('requests.community'), dataIndex: 'communityName' },
            ...columns,
          ]}
        />
      </Card>
    </Flex>
  );
}
