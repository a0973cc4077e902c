import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Gate } from './places-api';

/** A compound's gates: which let vehicles through and when they are open. */
export function GateList({ gates }: { gates: Gate[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('places.gates')} size="small">
      <Table<Gate>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={gates}
        scroll={{ x: true }}
        columns={[
          { title: t('places.name'), dataIndex: 'name' },
          {
            title: t('places.vehiclesAllowed'),
            dataIndex: 'vehiclesAllowed',
            render: (allowed: boolean) => (
              <Tag color={allowed ? 'green' : 'default'}>
                {allowed ? t('places.vehiclesAllowed') : t('places.pedestrianOnly')}
              </Tag>
            ),
          },
          {
            title: t('places.openingHours'),
            dataIndex: 'openingHours',
            render: (hours: string | null) => hours ?? t('places.allDay'),
          },
        ]}
        data-testid="gate-list"
      />
    </Card>
  );
}
