import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { type ImportJob, importKeys, importsApi } from './imports-api';

const STATUS_COLORS: Record<ImportJob['status'], string> = {
  running: 'processing',
  previewed: 'warning',
  discarded: 'default',
  done: 'success',
  failed: 'error',
};

interface RecentImportsProps {
  communityId: number;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** The community's past imports; choosing one shows its result above. */
export function RecentImports({ communityId, selectedId, onSelect }: RecentImportsProps) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: importKeys.list(communityId),
    queryFn: () => importsApi.list(communityId),
  });
  const statusText = (status: ImportJob['status']) =>
    status === 'running'
      ? t('imports.running')
      : status === 'previewed'
        ? t('imports.previewed')
        : status === 'discarded'
          ? t('imports.discarded')
          : status === 'done'
            ? t('imports.done')
            : t('imports.failed');

  return (
    <Card title={t('imports.recent')} size="small">
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ImportJob>
          rowKey="id"
          size="small"
          loading={query.isFetching}
          dataSource={query.data ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('imports.noRecent') }}
          rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
          onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('imports.fileName'), dataIndex: 'fileName' },
            {
              title: t('imports.startedAt'),
              dataIndex: 'startedAt',
              render: (v: string) => formatBeijingDateTime(v),
            },
            {
              title: t('imports.status'),
              dataIndex: 'status',
              render: (status: ImportJob['status']) => (
                <Tag color={STATUS_COLORS[status]}>{statusText(status)}</Tag>
              ),
            },
            { title: t('imports.inserted'), dataIndex: 'inserted', align: 'right' },
            { title: t('imports.updated'), dataIndex: 'updated', align: 'right' },
            { title: t('imports.rejected'), dataIndex: 'rejected', align: 'right' },
          ]}
          data-testid="recent-imports"
        />
      )}
    </Card>
  );
}
