import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Cascader, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  PERSON_STATUSES,
  type PersonStatus,
} from '../../../shared/declarations';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { apiUrl } from '../../shared/api-client';
import { DateRangeFilter } from '../../shared/date-range-filter';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useCan } from '../auth/use-me';
import { DeclarationAnswersModal } from './declaration-answers-modal';
import {
  type DeclarationFilter,
  type DeclarationListItem,
  declarationKeys,
  declarationsApi,
} from './declarations-api';
import { deepestCode, provinceCityTree, regionName, regionPrefix } from './regions';
import { StatusChangesCard } from './status-changes-card';
import { StatusTag } from './status-tag';

const PAGE_SIZE = 20;

/** 登记表: every declaration recorded, newest first, filtered by status, channel, origin and day. */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const [filter, setFilter] = useState<DeclarationFilter>({ page: 1, pageSize: PAGE_SIZE });
  const [answersOf, setAnswersOf] = useState<number | null>(null);
  const origins = useMemo(() => provinceCityTree(), []);
  const query = useQuery({
    queryKey: declarationKeys.list(filter),
    queryFn: () => declarationsApi.list(filter),
    placeholderData: keepPreviousData,
  });
  const dash = '—';

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('declarations.listTitle')}
      </Typography.Title>
      <StatusChangesCard />
      <Card size="small">
        <Flex gap={8} wrap>
          <Select<PersonStatus>
            allowClear
            placeholder={t('declarations.allStatuses')}
            style={{ minWidth: 180 }}
            popupMatchSelectWidth={false}
            value={filter.status}
            options={PERSON_STATUSES.map((s) => ({ value: s, label: <StatusTag status={s} /> }))}
            onChange={(status) => setFilter((prev) => ({ ...prev, status: status ?? undefined, page: 1 }))}
            aria-label={t('declarations.status')}
            data-testid="declarations-status-filter"
          />
          <Select<Channel>
            allowClear
            placeholder={t('declarations.allChannels')}
            style={{ minWidth: 160 }}
            value={filter.channel}
            options={CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]) }))}
            onChange={(channel) => setFilter((prev) => ({ ...prev, channel: channel ?? undefined, page: 1 }))}
            aria-label={t('declarations.channel')}
            data-testid="declarations-channel-filter"
          />
          <Cascader
            changeOnSelect
            options={origins}
            showSearch
            placeholder={t('declarations.originFilter')}
            style={{ minWidth: 200 }}
            onChange={(path) => {
              const code = deepestCode(path as string[] | undefined);
              setFilter((prev) => ({ ...prev, origin: code ? regionPrefix(code) : undefined, page: 1 }));
            }}
            aria-label={t('declarations.origin')}
            data-testid="declarations-origin-filter"
          />
          <DateRangeFilter
            label={t('declarations.dateRange')}
            testid="declarations-dates"
            onChange={(range) => setFilter((prev) => ({ ...prev, ...range, page: 1 }))}
          />
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/declarations/export', { ...filter, page: undefined, pageSize: undefined })}
            data-testid="declarations-export"
          >
            {t('declarations.export')}
          </Button>
        </Flex>
      </Card>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<DeclarationListItem>
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('declarations.empty') }}
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
                title: t('people.name'),
                dataIndex: 'name',
                fixed: 'left',
                render: (name: string, row) => <Link to={`/residents/${row.residentId}`}>{name}</Link>,
              },
              { title: t('people.address'), dataIndex: 'address', render: (a: string) => a || dash },
              {
                title: t('declarations.currentStatus'),
                dataIndex: 'currentStatus',
                render: (status: PersonStatus) => <StatusTag status={status} />,
              },
              {
                title: t('declarations.statusAtDeclaration'),
                dataIndex: 'status',
                render: (status: PersonStatus, row) => (
                  <>
                    <StatusTag status={status} />
                    {row.review ? (
                      <Tag
                        color={row.review === 'pending' ? 'gold' : undefined}
                        data-testid="declaration-review"
                      >
                        {t(`declarations.reviews.states.${row.review}`)}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t('declarations.channel'),
                dataIndex: 'channel',
                render: (channel: Channel) => label(CHANNEL_LABELS[channel]),
              },
              {
                title: t('declarations.leftCityShort'),
                dataIndex: 'leftCity',
                render: (left: boolean) => (left ? t('declarations.yes') : t('declarations.no')),
              },
              {
                title: t('declarations.origin'),
                dataIndex: 'originRegion',
                render: (code: string | null) => (code ? regionName(code) : dash),
              },
              {
                title: t('declarations.returnDate'),
                dataIndex: 'returnDate',
                render: (day: string | null) => day ?? dash,
              },
              {
                title: t('declarations.declaredAt'),
                dataIndex: 'declaredAt',
                render: (at: string) => formatBeijingDateTime(at),
              },
              ...(can('registry.reveal')
                ? [
                    {
                      title: t('common.actions'),
                      key: 'answers',
                      render: (_: unknown, row: DeclarationListItem) =>
                        row.hasAnswers ? (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setAnswersOf(row.id)}
                            data-testid="declaration-answers-open"
                          >
                            {t('declarations.answersOpen')}
                          </Button>
                        ) : (
                          <Typography.Text type="secondary">
                            {t('declarations.answersPurged')}
                          </Typography.Text>
                        ),
                    },
                  ]
                : []),
            ]}
            data-testid="declarations-table"
          />
        </Card>
      )}
      <DeclarationAnswersModal declarationId={answersOf} onClose={() => setAnswersOf(null)} />
    </Flex>
  );
}
