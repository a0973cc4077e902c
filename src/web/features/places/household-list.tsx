import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { NewHouseholdModal } from './new-household-modal';
import { type HouseholdRow, placeKeys, placesApi } from './places-api';

const PAGE_SIZE = 20;

/** The households of a building, entrance or bungalow area, a page at a time. */
export function HouseholdList({ placeId }: { placeId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const query = useQuery({
    queryKey: placeKeys.households(placeId, page, PAGE_SIZE),
    queryFn: () => placesApi.households(placeId, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });

  return (
    <Card
      title={t('places.householdList')}
      size="small"
      extra={
        can('registry.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-household"
          >
            {t('places.addHousehold')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<HouseholdRow>
          rowKey="id"
          size="small"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: t('places.noHouseholds') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          onRow={(row) => ({
            onClick: () => navigate(`/households/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('places.door'),
              dataIndex: 'label',
              render: (text: string, row) => (
                <>
                  <Link to={`/households/${row.id}`}>{text || row.room}</Link>{' '}
                  {row.vacant && <Tag>{t('places.vacant')}</Tag>}
                </>
              ),
            },
            {
              title: t('places.head'),
              dataIndex: 'headName',
              render: (name: string | null) =>
                name ?? <Typography.Text type="secondary">{t('places.noHead')}</Typography.Text>,
            },
            { title: t('places.people'), dataIndex: 'residentCount', align: 'right' },
          ]}
          data-testid="household-list"
        />
      )}
      <NewHouseholdModal placeId={placeId} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
