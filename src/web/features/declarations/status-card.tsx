import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_SOURCE_LABELS } from '../../../shared/status';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { declarationKeys, declarationsApi } from './declarations-api';
import { STATUS_COLORS, StatusTag } from './status-tag';

/** 健康状态: the resident's current status, why, and every change with its cause. */
export function StatusCard({ residentId }: { residentId: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const query = useQuery({
    queryKey: declarationKeys.status(residentId),
    queryFn: () => declarationsApi.status(residentId),
  });

  let body: ReactNode;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (query.isError) body = <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const { status, history } = query.data;
    body = (
      <Flex vertical gap={16}>
        {status ? (
          <Flex vertical gap={8} align="start" data-testid="status-current">
            <StatusTag status={status.status} large />
            <Typography.Text>
              <Typography.Text type="secondary">
                {t('declarations.reason')}
                {t('declarations.colon')}
              </Typography.Text>
              {label(status.reason)}
            </Typography.Text>
            {status.observationUntil && (
              <Typography.Text>
                <Typography.Text type="secondary">
                  {t('declarations.observationUntil')}
                  {t('declarations.colon')}
                </Typography.Text>
                {status.observationUntil}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('declarations.updatedAt')}
              {t('declarations.colon')}
              {formatBeijingDateTime(status.updatedAt)}
              {status.source
                ? ` · ${t('declarations.reviews.setBy', { source: label(STATUS_SOURCE_LABELS[status.source]) })}`
                : null}
            </Typography.Text>
          </Flex>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('declarations.noStatus')}
            data-testid="status-current"
          />
        )}
        {history.length > 0 && (
          <div>
            <Typography.Title level={5}>{t('declarations.history')}</Typography.Title>
            <Timeline
              data-testid="status-history"
              items={history.map((change) => ({
                key: `${change.at}-${change.toStatus}`,
                color: STATUS_COLORS[change.toStatus],
                content: (
                  <Flex vertical gap={4} align="start">
                    <span>
                      {change.fromStatus && (
                        <>
                          <StatusTag status={change.fromStatus} /> →{' '}
                        </>
                      )}
                      <StatusTag status={change.toStatus} />
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatBeijingDateTime(change.at)} · {t(`declarations.causes.${change.cause}`)}
                    </Typography.Text>
                    <Typography.Text>{label(change.reason)}</Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </div>
        )}
      </Flex>
    );
  }

  return (
    <Card title={t('declarations.statusTitle')} size="small" data-testid="status-card">
      {body}
    </Card>
  );
}
