import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyReport, ReportRow, ReportTemplates } from '../../../shared/dashboards/reports-responses';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { api, apiUrl } from '../../shared/api-client';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useAccount, useCan } from '../auth/use-me';
import { useIndicators } from './use-indicators';

const STATE_COLORS: Record<string, string> = {
  waiting: 'default',
  frozen: 'processing',
  resubmitted: 'orange',
  confirmed: 'success',
};

/** 日报: a template's report of a day for the caller's place — corrected by communities, confirmed above. */
export function ReportsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const can = useCan();
  const notify = useNotifyError();
  const client = useQueryClient();
  const indicators = useIndicators();
  const placeId = account.scope.placeId;
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [day, setDay] = useState(addDays(beijingToday(), -1));
  const [edits, setEdits] = useState<Record<string, number>>({});
  const templates = useQuery({
    queryKey: ['reports', 'templates', placeId],
    queryFn: () => api.get<ReportTemplates>('/reports/templates', { placeId }),
  });
  const chosen = templateId ?? templates.data?.items[0]?.id ?? null;
  const reportKey = ['reports', 'day', chosen, day, placeId];
  const report = useQuery({
    queryKey: reportKey,
    queryFn: () => api.get<DailyReport>(`/reports/templates/${chosen}/days/${day}`, { placeId }),
    enabled: chosen !== null,
  });
  const base = `/reports/templates/${chosen}/days/${day}/communities`;
  const resubmit = useMutation({
    mutationFn: (communityId: number) => api.put(`${base}/${communityId}`, { values: edits }),
    onSuccess: () => {
      setEdits({});
      void client.invalidateQueries({ queryKey: reportKey });
    },
    onError: notify,
  });
  const confirm = useMutation({
    mutationFn: (communityId: number) => api.post(`${base}/${communityId}/confirm`),
    onSuccess: () => void client.invalidateQueries({ queryKey: reportKey }),
    onError: notify,
  });
  if (templates.isError)
    return <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
  const data = report.data;
  const columns = data?.template.columns ?? [];
  const groups = [...new Set(columns.map((c) => c.group ?? ''))];
  const cell = (kind: 'values' | 'change', id: string) => (row: ReportRow | DailyReport['total']) => {
    const v = row[kind][id];
    if (v === null || v === undefined) return '—';
    return kind === 'change' && v > 0 ? `+${v}` : v;
  };
  const editable = can('reports.submit');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dashboards.reportsTitle')}
      </Typography.Title>
      <Space wrap>
        <Select
          style={{ minWidth: 220 }}
          value={chosen ?? undefined}
          onChange={setTemplateId}
          options={(templates.data?.items ?? []).map((x) => ({
            value: x.id,
            label: `${x.name}（${x.cutoff}）`,
          }))}
        />
        <Select
          style={{ minWidth: 140 }}
          value={day}
          onChange={setDay}
          options={Array.from({ length: 14 }, (_, k) => addDays(beijingToday(), -k)).map((d) => ({
            value: d,
            label: d,
          }))}
        />
        {chosen !== null && (
          <Button
            data-testid="report-export"
            href={apiUrl(`/reports/templates/${chosen}/days/${day}/export`, { placeId })}
          >
            {t('dashboards.exportExcel')}
          </Button>
        )}
      </Space>
      {data && (
        <Card size="small">
          <Table<ReportRow>
            data-testid="report-table"
            size="small"
            bordered
            rowKey={(r) => r.place.id}
            dataSource={data.rows}
            pagination={false}
            scroll={{ x: true }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('dashboards.total')}</Table.Summary.Cell>
                {columns.map((c, i) => (
                  <Table.Summary.Cell key={c.indicator} index={i + 1}>
                    {cell('values', c.indicator)(data.total)} ({cell('change', c.indicator)(data.total)})
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
            columns={[
              { title: t('dashboards.place'), key: 'place', render: (_, r) => r.place.name },
              ...groups.map((group) => ({
                title: group || ' ',
                children: columns
                  .filter((c) => (c.group ?? '') === group)
                  .map((c) => ({
                    title: indicators.name(c.indicator),
                    key: c.indicator,
                    render: (_: unknown, r: ReportRow) =>
                      editable &&
                      r.state !== 'confirmed' &&
                      r.state !== 'waiting' &&
                      indicators.byId.get(c.indicator)?.kind !== 'ratio' ? (
                        <InputNumber
                          size="small"
                          min={0}
                          defaultValue={r.values[c.indicator] ?? 0}
                          onChange={(v) => setEdits((e) => ({ ...e, [c.indicator]: Number(v ?? 0) }))}
                        />
                      ) : (
                        <span>
                          {cell('values', c.indicator)(r)}{' '}
                          <Typography.Text type="secondary">
                            ({cell('change', c.indicator)(r)})
                          </Typography.Text>
                        </span>
                      ),
                  })),
              })),
              {
                title: t('dashboards.state'),
                key: 'state',
                render: (_, r) => (
                  <Tag color={STATE_COLORS[r.state]}>{t(`dashboards.states.${r.state}`)}</Tag>
                ),
              },
              {
                title: '',
                key: 'act',
                render: (_, r) => (
                  <Space>
                    {editable && r.state !== 'confirmed' && r.state !== 'waiting' && (
                      <Button
                        size="small"
                        onClick={() => resubmit.mutate(r.place.id)}
                        disabled={Object.keys(edits).length === 0}
                      >
                        {t('dashboards.resubmit')}
                      </Button>
                    )}
                    {can('reports.confirm') && r.state !== 'confirmed' && r.state !== 'waiting' && (
                      <Button size="small" type="primary" onClick={() => confirm.mutate(r.place.id)}>
                        {t('dashboards.confirm')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
