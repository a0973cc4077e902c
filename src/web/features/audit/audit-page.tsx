import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { apiUrl } from '../../shared/api-client';
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
} from './audit-api';
import { AccountFilter, PersonFilter, PlaceFilter } from './audit-filters';
import { AuditSentence } from './audit-sentence-view';

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

// Person, place, account and kind live in the address, so a link (a person's page, an account named in a
// sentence) opens the log already filtered, and the filtered log can be shared.
const ID_FILTERS = ['residentId', 'placeId', 'accountId'] as const;
type IdFilter = (typeof ID_FILTERS)[number];

function idParam(params: URLSearchParams, key: IdFilter): number | undefined {
  const n = Number(params.get(key));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** 操作记录: who did what and when, as sentences, including every look at a full ID or phone number. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [dates, setDates] = useState<{ from?: string | undefined; to?: string | undefined }>({});
  const [page, setPage] = useState(1);
  const action = params.get('action') ?? '';
  const filter: AuditFilter = {
    action: isAuditAction(action) ? action : undefined,
    residentId: idParam(params, 'residentId'),
    placeId: idParam(params, 'placeId'),
    accountId: idParam(params, 'accountId'),
    ...(dates.from ? { from: dates.from } : {}),
    ...(dates.to ? { to: dates.to } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const query = useQuery({
    queryKey: auditKeys.list(filter),
    queryFn: () => auditApi.list(filter),
    placeholderData: keepPreviousData,
  });
  const setParam = (key: IdFilter | 'action', value: string | number | undefined) => {
    setPage(1);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
        return next;
      },
      { replace: true },
    );
  };
  const actionLabel = (a: string) => (isAuditAction(a) ? t(`audit.actions.${a}`) : a);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={8} wrap>
          <PersonFilter value={filter.residentId} onChange={(id) => setParam('residentId', id)} />
          <PlaceFilter value={filter.placeId} onChange={(id) => setParam('placeId', id)} />
          <Select<AuditAction>
            allowClear
            placeholder={t('audit.allActions')}
            style={{ minWidth: 180 }}
            value={filter.action}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            onChange={(a) => setParam('action', a ?? undefined)}
            aria-label={t('audit.action')}
            data-testid="audit-action"
          />
          <AccountFilter value={filter.accountId} onChange={(id) => setParam('accountId', id)} />
          <DateRangeFilter
            label={t('audit.dateRange')}
            testid="audit-dates"
            onChange={(range) => {
              setPage(1);
              setDates(range);
            }}
          />
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/audit/export', { ...filter, page: undefined, pageSize: undefined })}
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
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
              current: page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
            columns={[
              {
                title: t('audit.time'),
                dataIndex: 'at',
                width: 160,
                render: (at: string) => formatBeijingDateTime(at),
              },
              {
                title: t('audit.account'),
                dataIndex: 'accountName',
                render: (name: string | null, row) =>
                  name && row.accountId ? (
                    <Typography.Link onClick={() => setParam('accountId', row.accountId ?? undefined)}>
                      {name}
                    </Typography.Link>
                  ) : (
                    (name ?? t('audit.noAccount'))
                  ),
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (a: string) => (
                  <Tag color={isAuditAction(a) ? ACTION_COLORS[a] : undefined}>{actionLabel(a)}</Tag>
                ),
              },
              {
                title: t('audit.what'),
                dataIndex: 'sentence',
                render: (_: unknown, row) => <AuditSentence parts={row.sentence} />,
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
