import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import type { MoveRecord } from './people-api';

function formatTime(value: string | null): string | null {
  return value ? formatBeijingDateTime(value) : null;
}

/** Where a resident has lived, newest first as the server sends it. */
export function MoveHistory({ history }: { history: MoveRecord[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('people.history')} size="small">
      <Table<MoveRecord>
        rowKey={(row) => `${row.householdId}-${row.fromAt}`}
        size="small"
        pagination={false}
        dataSource={history}
        scroll={{ x: true }}
        locale={{ emptyText: t('people.noHistory') }}
        columns={[
          {
            title: t('people.household'),
            dataIndex: 'label',
            render: (text: string, row) => (
              <Link to={`/households/${row.householdId}`}>{text || `#${row.householdId}`}</Link>
            ),
          },
          { title: t('people.historyFrom'), dataIndex: 'fromAt', render: (v: string) => formatTime(v) },
          {
            title: t('people.historyTo'),
            dataIndex: 'toAt',
            render: (v: string | null) => formatTime(v) ?? t('people.historyNow'),
          },
          { title: t('people.historyReason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        ]}
        data-testid="move-history"
      />
    </Card>
  );
}
