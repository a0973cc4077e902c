import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { useLabel } from '../../shared/i18n';
import type { PlaceSummary } from './places-api';

/** The places inside this one; a click goes down into it. */
export function PlaceChildren({ items }: { items: PlaceSummary[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  return (
    <Card title={t('places.children')} size="small">
      <Table<PlaceSummary>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('places.noChildren') }}
        scroll={{ x: true }}
        onRow={(row) => ({ onClick: () => navigate(`/places/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('places.name'),
            dataIndex: 'name',
            // A real link, so keyboards, screen readers and "open in new tab" work as well as the row click.
            render: (name: string, row) => <Link to={`/places/${row.id}`}>{name}</Link>,
          },
          {
            title: t('places.kind'),
            dataIndex: 'kind',
            render: (_, row) => label(PLACE_KIND_LABELS[row.kind]),
          },
          { title: t('places.households'), dataIndex: 'households', align: 'right' },
          { title: t('places.residents'), dataIndex: 'residents', align: 'right' },
        ]}
        data-testid="place-children"
      />
    </Card>
  );
}
