// 楼栋全覆盖: buildings × roles, gaps first; picking a person in a cell assigns them at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Progress, Select, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COVERAGE_ROLE_LABELS, COVERAGE_ROLES, type CoverageRole } from '../../../shared/helpers';
import { buildingLabel } from '../../../shared/places/address-label';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useCan } from '../auth/use-me';
import { type CoverageMatrix, helperKeys, helpersApi } from './helpers-api';

type Row = CoverageMatrix['rows'][number];

export function CoveragePanel({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const matrix = useQuery({
    queryKey: helperKeys.coverage(communityId),
    queryFn: () => helpersApi.coverage(communityId),
  });
  const helpers = useQuery({
    queryKey: helperKeys.list(communityId),
    queryFn: () => helpersApi.list(communityId),
    enabled: can('helpers.manage'),
  });
  const changed = () => void queryClient.invalidateQueries({ queryKey: helperKeys.all });
  const assign = useMutation({
    mutationFn: (v: { buildingId: number; role: CoverageRole; helperId: number }) =>
      helpersApi.assign(v.buildingId, v.role, v.helperId),
    onSuccess: changed,
  });
  const unassign = useMutation({ mutationFn: helpersApi.unassign, onSuccess: changed });
  if (matrix.isPending) return <Spin />;
  if (matrix.isError) return <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const m = matrix.data;
  const need = COVERAGE_ROLES.filter((r) => m.required[r] > 0)
    .map((r) => `${label(COVERAGE_ROLE_LABELS[r])} ×${m.required[r]}`)
    .join('、');
  const options = (helpers.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }));
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={16} wrap>
        <Progress
          type="circle"
          size={72}
          percent={Math.round(m.share * 100)}
          status={m.share === 1 ? 'success' : 'normal'}
        />
        <Flex vertical>
          <Typography.Text strong data-testid="coverage-share">
            {t('helpers.coverageShare', { covered: m.covered, total: m.buildings })} ·{' '}
            {Math.round(m.share * 100)}%
          </Typography.Text>
          <Typography.Text type="secondary">{t('helpers.coverageIntro', { need })}</Typography.Text>
        </Flex>
      </Flex>
      {(assign.error || unassign.error) && (
        <Typography.Text type="danger">{errorText(assign.error ?? unassign.error)}</Typography.Text>
      )}
      <Table<Row>
        rowKey="buildingId"
        size="small"
        pagination={false}
        dataSource={m.rows}
        scroll={{ x: true }}
        onRow={(r) => ({ 'data-testid': 'coverage-row', 'data-covered': String(r.covered) }) as object}
        columns={[
          {
            title: t('helpers.building'),
            dataIndex: 'buildingName',
            render: (_: string, r) => (
              <Flex gap={6} align="center">
                <Typography.Text strong>{buildingLabel(r)}</Typography.Text>
                {!r.covered && <Tag color="red">{t('helpers.missingN', { n: r.gaps })}</Tag>}
              </Flex>
            ),
          },
          ...COVERAGE_ROLES.filter((role) => m.required[role] > 0).map((role) => ({
            title: `${label(COVERAGE_ROLE_LABELS[role])} (${m.required[role]})`,
            key: role,
            render: (_: unknown, r: Row) => {
              const cell = r.cells.find((c) => c.role === role);
              if (!cell) return null;
              return (
                <Flex gap={4} wrap align="center" data-testid={`cell-${role}`}>
                  {cell.people.map((p) => (
                    <Tag
                      key={p.assignmentId}
                      color="green"
                      closable={can('helpers.manage')}
                      onClose={(e) => {
                        e.preventDefault();
                        unassign.mutate(p.assignmentId);
                      }}
                    >
                      {p.name}
                    </Tag>
                  ))}
                  {can('helpers.manage') && (cell.missing > 0 || cell.people.length === 0) && (
                    <Select
                      size="small"
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('helpers.pickHelper')}
                      style={{ minWidth: 120 }}
                      status={cell.missing > 0 ? 'warning' : undefined}
                      options={options.filter((o) => !cell.people.some((p) => p.helperId === o.value))}
                      value={null}
                      onChange={(helperId: number) =>
                        assign.mutate({ buildingId: r.buildingId, role, helperId })
                      }
                      data-testid={`assign-${role}`}
                    />
                  )}
                </Flex>
              );
            },
          })),
        ]}
      />
      {assign.isPending && <Button loading type="link" />}
    </Flex>
  );
}
