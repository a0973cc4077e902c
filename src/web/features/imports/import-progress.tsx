import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/error-display';
import { peopleKeys } from '../people/people-api';
import { placeKeys } from '../places/places-api';
import { ImportPreview } from './import-preview';
import { type ImportJob, importKeys, importsApi } from './imports-api';
import { RejectedDownloads } from './rejected-downloads';

const POLL_MS = 500;

function percentOf(job: ImportJob): number {
  if (job.status !== 'running') return 100;
  if (!job.totalRows) return 0;
  return Math.min(99, Math.floor((job.processedRows / job.totalRows) * 100));
}

/** Follows one import until it ends (every half second), then shows what it did. */
export function ImportProgress({ jobId }: { jobId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(jobId),
    queryFn: () => importsApi.get(jobId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
    staleTime: 0,
  });
  const status = query.data?.status;

  useEffect(() => {
    if (status === 'previewed' || status === 'discarded') {
      // Nothing was written: only the list of imports shows a new state.
      void queryClient.invalidateQueries({ queryKey: importKeys.all, exact: false, refetchType: 'active' });
    }
    if (status === 'done' || status === 'failed') {
      void queryClient.invalidateQueries({ queryKey: importKeys.all, exact: false, refetchType: 'active' });
      void queryClient.invalidateQueries({ queryKey: placeKeys.all });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.residents });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.households });
    }
  }, [status, queryClient]);

  if (query.isPending) return <Progress percent={0} status="active" />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const job = query.data;
  const previewing = job.mode === 'preview';
  const phaseText =
    job.status === 'previewed'
      ? t('imports.previewed')
      : job.status === 'discarded'
        ? t('imports.discarded')
        : job.status === 'done'
          ? t('imports.done')
          : job.status === 'failed'
            ? t('imports.failed')
            : t(`imports.${job.phase === 'writing' ? (previewing ? 'checking' : 'writing') : 'reading'}`);
  const rowsText = job.totalRows
    ? t('imports.rows', { processed: job.processedRows, total: job.totalRows })
    : t('imports.rowsUnknown', { processed: job.processedRows });

  return (
    <Card size="small" title={job.fileName} data-testid="import-progress" data-status={job.status}>
      <Typography.Text strong>{phaseText}</Typography.Text>{' '}
      <Typography.Text type="secondary">{rowsText}</Typography.Text>
      <Progress
        percent={percentOf(job)}
        status={job.status === 'running' ? 'active' : job.status === 'failed' ? 'exception' : 'success'}
      />
      {job.status === 'failed' && job.error && (
        <Alert type="error" showIcon title={job.error} style={{ marginTop: 8 }} />
      )}
      {job.status === 'previewed' && <ImportPreview job={job} />}
      {(job.status === 'done' || job.status === 'failed') && (
        <>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="import-result">
            {(['inserted', 'updated', 'unchanged', 'rejected', 'conflicts', 'placesCreated'] as const).map(
              (key) => (
                <Col xs={12} sm={8} md={4} key={key}>
                  <Statistic
                    title={t(`imports.${key}`)}
                    value={job[key]}
                    styles={
                      (key === 'rejected' || key === 'conflicts') && job[key] > 0
                        ? { content: { color: '#cf1322' } }
                        : undefined
                    }
                    data-testid={`import-${key}`}
                  />
                </Col>
              ),
            )}
          </Row>
          {job.rejected + job.conflicts > 0 && <RejectedDownloads jobId={job.id} />}
        </>
      )}
    </Card>
  );
}
