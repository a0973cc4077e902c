import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HOLD_REASON_LABELS, type HoldReason, STATUS_SOURCE_LABELS } from '../../../shared/status';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { ConfirmReviewModal, RejectReviewModal } from './review-decision-modals';
import { type PendingReview, reviewKeys, reviewsApi } from './reviews-api';
import { StatusTag } from './status-tag';

const PAGE_SIZE = 20;
const REASON_COLORS: Record<HoldReason, string> = {
  name_mismatch: 'red',
  needs_confirmation: 'blue',
  would_lower: 'orange',
};

/**
 * 居民自报待确认: what residents sent from a poster that changed no status, oldest first, each with why
 * it waits — the two names side by side, the change it would make — and confirm / reject.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<PendingReview | null>(null);
  const [rejecting, setRejecting] = useState<PendingReview | null>(null);
  const query = useQuery({
    queryKey: reviewKeys.list(page),
    queryFn: () => reviewsApi.list(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('declarations.reviews.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('declarations.reviews.intro')}
      </Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<PendingReview>
            rowKey="declarationId"
            size="small"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('declarations.reviews.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
            data-testid="review-queue"
            columns={[
              {
                title: t('declarations.reviews.declaredAt'),
                dataIndex: 'declaredAt',
                render: (at: string, row) => (
                  <Flex vertical>
                    <span>{formatBeijingDateTime(at)}</span>
                    <Typography.Text type="secondary">{row.receiptNo}</Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('declarations.reviews.resident'),
                dataIndex: 'name',
                render: (name: string, row) => (
                  <Flex vertical>
                    <Link to={`/residents/${row.residentId}`}>{name}</Link>
                    <Typography.Text type="secondary">{row.address || '—'}</Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('declarations.reviews.why'),
                dataIndex: 'reasons',
                render: (reasons: HoldReason[]) => (
                  <Space size={[0, 4]} wrap>
                    {reasons.map((r) => (
                      <Tag key={r} color={REASON_COLORS[r]}>
                        {label(HOLD_REASON_LABELS[r])}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('declarations.reviews.names'),
                key: 'names',
                render: (_, row) =>
                  row.typedName ? (
                    <Flex vertical data-testid="review-names">
                      <span>
                        <Typography.Text type="secondary">
                          {t('declarations.reviews.registryName')}：
                        </Typography.Text>
                        {row.name}
                      </span>
                      <span>
                        <Typography.Text type="secondary">
                          {t('declarations.reviews.typedName')}：
                        </Typography.Text>
                        <Typography.Text type="danger">{row.typedName}</Typography.Text>
                      </span>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">
                      {t('declarations.reviews.nameMatches')}
                    </Typography.Text>
                  ),
              },
              {
                title: t('declarations.reviews.change'),
                key: 'change',
                render: (_, row) => (
                  <Flex vertical gap={4} data-testid="review-change">
                    <span>
                      {row.currentStatus ? (
                        <StatusTag status={row.currentStatus} />
                      ) : (
                        <Tag>{t('declarations.reviews.noStatus')}</Tag>
                      )}
                      → <StatusTag status={row.toStatus} />
                    </span>
                    {row.currentSource && row.currentStatus ? (
                      <Typography.Text type="secondary">
                        {t('declarations.reviews.setBy', {
                          source: label(STATUS_SOURCE_LABELS[row.currentSource]),
                        })}
                      </Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary">{label(row.statusReason)}</Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, row) => (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setConfirming(row)}
                      data-testid="review-confirm"
                    >
                      {t('declarations.reviews.confirm')}
                    </Button>
                    <Button size="small" danger onClick={() => setRejecting(row)} data-testid="review-reject">
                      {t('declarations.reviews.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <ConfirmReviewModal review={confirming} onClose={() => setConfirming(null)} />
      <RejectReviewModal review={rejecting} onClose={() => setRejecting(null)} />
    </Flex>
  );
}
