import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { DateRangeFilter } from '../../shared/date-range-filter';
import { ErrorAlert } from '../../shared/error-display';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  auditApi,
  auditKeys,
  isAuditAction,
  isAuditEntity,
} from './audit-api';

const PAGE_SIZE = 20;

const ACTION_COLORS: Partial<Record<AuditAction, string>> = {
  login_failed: 'red',
  login_locked: 'red',
  login_alarm: 'magenta',
  reveal: 'orange',
  search: 'gold',
  export: 'orange',
  create: 'green',
  update: 'blue',
  move: 'purple',
  import: 'cyan',
};

function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('；');
}

/** 操作记录: who did what and when, including every look at a full ID or phone number. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: PAGE_SIZE });
  const query = useQuery({
    queryKey: auditKeys.list(filter),
    queryFn: () => auditApi.list(filter),
    placeholderData: keepPreviousData,
  });
  const actionLabel = (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action);
  const entityLabel = (entity: string) => (isAuditEntity(entity) ? t(`audit.entities.${entity}`) : entity);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={8} wrap>
          <Select<AuditAction>
            allowClear
            placeholder={t('audit.allActions')}
            style={{ minWidth: 180 }}
            value={filter.action}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
            onChange={(action) => setFilter((prev) => ({ ...prev, action: action ?? undefined, page: 1 }))}
            aria-label={t('audit.action')}
            data-testid="audit-action"
          />
          <DateRangeFilter
            label={t('audit.dateRange')}
            testid="audit-dates"
            onChange={(range) => setFilter((prev) => ({ ...prev, ...range, page: 1 }))}
          />
        </Flex>
      </Card>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: filter.page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page) => setFilter((prev) => ({ ...prev, page })),
            }}
            columns={[
              {
                title: t('audit.time'),
                dataIndex: 'at',
                render: (at: string) => formatBeijingDateTime(at),
              },
              {
                title: t('audit.account'),
                dataIndex: 'accountName',
                render: (name: string | null) => name ?? '—',
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (action: string) => (
                  <Tag color={isAuditAction(action) ? ACTION_COLORS[action] : undefined}>
                    {actionLabel(action)}
                  </Tag>
                ),
              },
              {
                title: t('audit.entity'),
                dataIndex: 'entity',
                render: (entity: string, row) =>
                  `${entityLabel(entity)}${row.entityId ? ` #${row.entityId}` : ''}`,
              },
              {
                title: t('audit.reason'),
                dataIndex: 'reason',
                render: (reason: string | null) => reason ?? '',
              },
              {
                title: t('audit.detail'),
                dataIndex: 'detail',
                render: (detail: Record<string, unknown> | null) => (
                  <Typography.Text ellipsis={{ tooltip: detailText(detail) }} style={{ maxWidth: 320 }}>
                    {detailText(detail)}
                  </Typography.Text>
                ),
              },
              { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '' },
            ]}
            data-testid="audit-table"
          />
        </Card>
      )}
    </Flex>
  );
}
