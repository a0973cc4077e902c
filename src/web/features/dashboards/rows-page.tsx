import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { buildingLabel } from '../../../shared/places/address-label';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { type DrillRow, dashboardKeys, dashboardsApi } from './dashboards-api';
import { useIndicators } from './use-indicators';

/** The rows behind a number (drill-down), masked as in every list, with the way back in breadcrumbs. */
export function DrillRowsPage() {
  const { t } = useTranslation();
  const params = useParams();
  const placeId = Number(params.placeId);
  const indicator = params.indicator ?? '';
  const [page, setPage] = useState(1);
  const indicators = useIndicators();
  const query = useQuery({
    queryKey: dashboardKeys.rows(indicator, placeId, page),
    queryFn: () => dashboardsApi.rows(indicator, placeId, page),
  });
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const people = data?.kind !== 'findings';
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          ...(data?.trail ?? []).map((p) => ({
            key: p.id,
            title: <Link to={`/dashboards/${p.id}`}>{p.name}</Link>,
          })),
          { key: 'rows', title: indicators.name(indicator) },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dashboards.rowsTitle', { indicator: indicators.name(indicator), place: data?.place.name ?? '' })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('dashboards.rowsIntro')}</Typography.Text>
      <Card size="small">
        <Table<DrillRow>
          data-testid="drill-rows"
          size="small"
          loading={query.isLoading}
          rowKey="id"
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            {
              title: t('dashboards.name'),
              dataIndex: 'name',
              render: (name: string | null, row) =>
                row.residentId ? <Link to={`/residents/${row.residentId}`}>{name}</Link> : name,
            },
            ...(people
              ? [
                  { title: t('dashboards.doc'), dataIndex: 'docMasked' },
                  { title: t('dashboards.phone'), dataIndex: 'phoneMasked' },
                ]
              : []),
            {
              title: t('dashboards.building'),
              dataIndex: 'buildingName',
              render: (n: string | null, r) =>
                buildingLabel({ compoundName: r.compoundName, buildingName: n }),
            },
            { title: t('dashboards.room'), dataIndex: 'room' },
            { title: t('dashboards.status'), dataIndex: 'status' },
            {
              title: t('dashboards.time'),
              dataIndex: 'at',
              render: (at: string | null) => formatBeijingDateTime(at),
            },
            { title: t('dashboards.detail'), dataIndex: 'detail' },
          ]}
        />
      </Card>
    </Flex>
  );
}
