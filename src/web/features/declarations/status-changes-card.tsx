import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonStatus } from '../../../shared/declarations';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { declarationKeys, declarationsApi, type StatusChangeItem } from './declarations-api';
import { StatusTag } from './status-tag';

/** 昨天以来状态有变化的人: the list a secretary starts her morning with. */
export function StatusChangesCard() {
  const { t } = useTranslation();
  const label = useLabel();
  const query = useQuery({
    queryKey: declarationKeys.changes,
    queryFn: declarationsApi.changesSinceYesterday,
  });
  return (
    <Card size="small" title={t('declarations.changesTitle')} data-testid="status-changes">
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<StatusChangeItem>
          rowKey={(row) => `${row.residentId}-${row.at}`}
          size="small"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('declarations.noChanges') }}
          scroll={{ x: true }}
          columns={[
            {
              title: t('people.name'),
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/residents/${row.residentId}`}>{name}</Link>,
            },
            { title: t('people.address'), dataIndex: 'address' },
            {
              title: t('declarations.change'),
              render: (_, row) => (
                <>
                  {row.fromStatus ? <StatusTag status={row.fromStatus as PersonStatus} /> : '—'} →{' '}
                  <StatusTag status={row.toStatus} />
                </>
              ),
            },
            {
              title: t('declarations.reason'),
              dataIndex: 'reason',
              render: (reason: StatusChangeItem['reason']) => (
                <Typography.Text>{label(reason)}</Typography.Text>
              ),
            },
            {
              title: t('declarations.changedAt'),
              dataIndex: 'at',
              render: (at: string) => formatBeijingDateTime(at),
            },
          ]}
        />
      )}
    </Card>
  );
}
