import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Checkbox, Collapse, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PREVIEW_CATEGORIES,
  type PreviewCategory,
  type PreviewRow,
} from '../../../shared/imports/import-preview';
import {
  GENDER_LABELS,
  RELATION_LABELS,
  RESIDENCE_TYPE_LABELS,
  RESIDENT_TAG_LABELS,
} from '../../../shared/people/people-enums';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { type ImportJob, importKeys, importsApi } from './imports-api';

const LABELS: Record<string, Record<string, { zh: string; en: string }>> = {
  gender: GENDER_LABELS,
  relationToHead: RELATION_LABELS,
  residenceType: RESIDENCE_TYPE_LABELS,
};

type PreviewField =
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'relationToHead'
  | 'residenceType'
  | 'tags'
  | 'notes'
  | 'movedOut';

const COLORS: Partial<Record<PreviewCategory, string>> = {
  new: '#389e0d',
  updated: '#1677ff',
  moved: '#d46b08',
  conflict: '#cf1322',
  rejected: '#cf1322',
};

/**
 * What a previewed import will do, before anything is written: each category a count with its rows, the
 * conflicts each with a box the user ticks to import that row (the file's version wins); unticked
 * conflicts stay unimported. The confirm button starts the import of exactly this.
 */
export function ImportPreview({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [accepted, setAccepted] = useState<number[]>([]);
  const query = useQuery({ queryKey: importKeys.preview(job.id), queryFn: () => importsApi.preview(job.id) });
  const discard = useMutation({
    mutationFn: () => importsApi.discard(job.id),
    onSuccess: (next) => queryClient.setQueryData(importKeys.job(job.id), next),
  });
  const confirm = useMutation({
    mutationFn: () => importsApi.confirm(job.id, accepted),
    onSuccess: (next) => queryClient.setQueryData(importKeys.job(job.id), next),
  });

  if (query.isPending) return null;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const preview = query.data;
  // Every conflict the user may choose (a second name within the file must be fixed in the file).
  const acceptable = preview.rows.conflict.filter((r) => r.acceptable).map((r) => r.rowNumber);

  const value = (field: string, text: string | null) => {
    if (text === null || text === '') return '—';
    if (field === 'tags')
      return text
        .split('、')
        .map((tag) => (RESIDENT_TAG_LABELS as Record<string, { zh: string; en: string }>)[tag])
        .map((l, i) => (l ? label(l) : text.split('、')[i]))
        .join('、');
    if (field === 'movedOut') return t('imports.preview.movedOutValue');
    const known = LABELS[field]?.[text];
    return known ? label(known) : text;
  };

  const columns = (category: PreviewCategory) => [
    ...(category === 'conflict'
      ? [
          {
            title: (
              <Checkbox
                checked={acceptable.length > 0 && accepted.length === acceptable.length}
                indeterminate={accepted.length > 0 && accepted.length < acceptable.length}
                disabled={acceptable.length === 0}
                onChange={(e) => setAccepted(e.target.checked ? acceptable : [])}
                data-testid="accept-all"
              >
                {t('imports.preview.importIt')}
              </Checkbox>
            ),
            key: 'accept',
            width: 120,
            render: (_: unknown, row: PreviewRow) =>
              row.acceptable ? (
                <Checkbox
                  checked={accepted.includes(row.rowNumber)}
                  onChange={(e) =>
                    setAccepted((list) =>
                      e.target.checked ? [...list, row.rowNumber] : list.filter((n) => n !== row.rowNumber),
                    )
                  }
                  aria-label={t('imports.preview.importRow', { row: row.rowNumber })}
                  data-testid={`accept-${row.rowNumber}`}
                />
              ) : (
                <Typography.Text type="secondary">{t('imports.preview.fixFile')}</Typography.Text>
              ),
          },
        ]
      : []),
    {
      title: t('imports.preview.row'),
      key: 'row',
      width: 90,
      render: (_: unknown, row: PreviewRow) =>
        row.rowNumbers.length > 1 ? row.rowNumbers.join('、') : row.rowNumber,
    },
    { title: t('imports.preview.name'), dataIndex: 'name', key: 'name', width: 110 },
    { title: t('imports.preview.doc'), dataIndex: 'doc', key: 'doc', width: 190 },
    {
      title: t('imports.preview.door'),
      key: 'door',
      render: (_: unknown, row: PreviewRow) =>
        row.fromDoor ? `${row.fromDoor} → ${row.door}` : row.door || '—',
    },
    {
      title: t('imports.preview.what'),
      key: 'what',
      render: (_: unknown, row: PreviewRow) => (
        <Flex vertical gap={2}>
          {row.conflicts.map((c) => (
            <Typography.Text key={c.kind} type="danger">
              {t(`imports.preview.conflictKinds.${c.kind}`, { detail: c.detail ?? '' })}
            </Typography.Text>
          ))}
          {row.changes.map((c) => (
            <span key={c.field}>
              {t(`imports.preview.fields.${c.field as PreviewField}`)}：{value(c.field, c.from)} →{' '}
              {value(c.field, c.to)}
            </span>
          ))}
          {row.reasons.map((reason) => (
            <span key={reason}>{reason}</span>
          ))}
        </Flex>
      ),
    },
  ];

  const items = PREVIEW_CATEGORIES.filter((c) => preview.counts[c] > 0).map((category) => ({
    key: category,
    label: (
      <span data-testid={`preview-${category}`}>
        {t(`imports.preview.categories.${category}`)}{' '}
        <Badge
          count={preview.counts[category]}
          showZero
          overflowCount={999_999}
          color={COLORS[category] ?? '#8c8c8c'}
        />
      </span>
    ),
    children: (
      <>
        {preview.rows[category].length < preview.counts[category] && (
          <Typography.Paragraph type="secondary">
            {t('imports.preview.firstRows', { shown: preview.rows[category].length })}
          </Typography.Paragraph>
        )}
        <Table<PreviewRow>
          size="small"
          rowKey="rowNumber"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={preview.rows[category]}
          columns={columns(category)}
          scroll={{ x: 720 }}
        />
      </>
    ),
  }));

  return (
    <Flex vertical gap={12} data-testid="import-preview" style={{ marginTop: 12 }}>
      <Alert type="info" showIcon title={t('imports.preview.nothingWritten')} />
      {preview.unrecognisedColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="preview-unrecognised"
          title={t('imports.preview.unrecognised', {
            columns: preview.unrecognisedColumns.map((c) => `“${c}”`).join('、'),
          })}
        />
      )}
      {preview.counts.conflict > 0 && (
        <Alert type="warning" showIcon title={t('imports.preview.conflictsHint')} />
      )}
      <Collapse items={items} defaultActiveKey={preview.counts.conflict > 0 ? ['conflict'] : []} />
      {preview.placesCreated > 0 && (
        <Typography.Text>
          {t('imports.preview.placesCreated', { count: preview.placesCreated })}
        </Typography.Text>
      )}
      {(confirm.error ?? discard.error) && (
        <Alert type="error" showIcon title={errorText(confirm.error ?? discard.error)} />
      )}
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          loading={confirm.isPending}
          onClick={() => confirm.mutate()}
          data-testid="import-confirm"
        >
          {t('imports.preview.confirm')}
        </Button>
        <Button
          loading={discard.isPending}
          disabled={confirm.isPending}
          onClick={() => discard.mutate()}
          data-testid="import-discard"
        >
          {t('imports.preview.discard')}
        </Button>
        <Typography.Text type="secondary">
          {t('imports.preview.confirmHint', {
            accepted: accepted.length,
            held: preview.counts.conflict - accepted.length,
          })}
        </Typography.Text>
        {accepted.length > 0 && (
          <Tag color="orange">{t('imports.preview.acceptedTag', { count: accepted.length })}</Tag>
        )}
      </Flex>
    </Flex>
  );
}
