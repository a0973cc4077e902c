import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../shared/declarations';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useAccount, useCan } from '../auth/use-me';
import { declarationKeys } from '../declarations/declarations-api';
import { PolicyPlaceSelect } from '../places/policy-place-select';
import { RiskAreaModal } from './risk-area-modal';
import { type RiskAreaItem, riskAreaKeys, riskAreasApi } from './risk-areas-api';
import { RiskAreasImport } from './risk-areas-import';
import { RiskLevelTag } from './risk-level-tag';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; area: RiskAreaItem };

/**
 * 风险地区: the list the status rules check origins against. Each area belongs to a place (the city, a
 * district, a sub-district…); a community reads those of every place above it. Versioned, never
 * overwritten. An officer picks the place to work on (their own or one under it); areas set above it
 * are listed read-only with the place that set them.
 */
export function RiskAreasPage() {
  const { t } = useTranslation();
  const can = useCan();
  const account = useAccount();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [placeId, setPlaceId] = useState(account.scope.placeId);
  const query = useQuery({
    queryKey: riskAreaKeys.list(history, placeId),
    queryFn: () => riskAreasApi.list(history, placeId),
  });
  const writable = can('rules.write');

  const lift = useMutation({
    mutationFn: (area: RiskAreaItem) => riskAreasApi.lift(area.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all });
      void queryClient.invalidateQueries({ queryKey: declarationKeys.all });
      void message.success(t('riskAreas.lifted'));
    },
    onError: notifyError,
  });

  const confirmLift = (area: RiskAreaItem) => {
    modal.confirm({
      title: t('riskAreas.liftConfirm', { name: area.regionName }),
      content: t('riskAreas.liftHint'),
      okText: t('riskAreas.lift'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => lift.mutateAsync(area),
    });
  };

  const stateOf = (area: RiskAreaItem) => {
    if (!area.retiredAt) return <Tag color="green">{t('riskAreas.current')}</Tag>;
    return (
      <Tag>
        {area.replacedBy ? t('riskAreas.replaced', { id: area.replacedBy }) : t('riskAreas.liftedState')}
      </Tag>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('riskAreas.title')}
        </Typography.Title>
        <Space wrap>
          <Space>
            <Switch checked={history} onChange={setHistory} data-testid="risk-areas-history" />
            <Typography.Text>{t('riskAreas.showHistory')}</Typography.Text>
          </Space>
          {writable && (
            <Space size={4}>
              <Typography.Text>{t('riskAreas.setFor')}</Typography.Text>
              <PolicyPlaceSelect value={placeId} onChange={setPlaceId} testId="risk-areas-place" />
            </Space>
          )}
          {writable && <RiskAreasImport placeId={placeId} />}
          {writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'new' })}
              data-testid="add-risk-area"
            >
              {t('riskAreas.add')}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Text type="secondary">
        {writable ? t('riskAreas.placeHint') : t('riskAreas.readOnlyHint')}
      </Typography.Text>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<RiskAreaItem>
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('riskAreas.empty') }}
            columns={[
              {
                title: t('riskAreas.region'),
                dataIndex: 'regionName',
                render: (name: string, row) => (
                  <Space size={4}>
                    <span>{name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.regionCode}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('riskAreas.setBy'),
                dataIndex: 'placeName',
                render: (name: string, row) => (
                  <Space size={4}>
                    <span>{name}</span>
                    {!row.editable && writable && <Tag>{t('riskAreas.inherited')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('riskAreas.level'),
                dataIndex: 'level',
                render: (level: RiskLevel) => <RiskLevelTag level={level} />,
              },
              { title: t('riskAreas.validFrom'), dataIndex: 'validFrom' },
              {
                title: t('riskAreas.validTo'),
                dataIndex: 'validTo',
                render: (day: string | null) => day ?? t('riskAreas.openEnded'),
              },
              { title: t('riskAreas.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
              {
                title: t('riskAreas.createdAt'),
                dataIndex: 'createdAt',
                render: (at: string) => formatBeijingDateTime(at),
              },
              ...(history
                ? [
                    {
                      title: t('riskAreas.state'),
                      key: 'state',
                      render: (_: unknown, row: RiskAreaItem) => (
                        <Space size={4} orientation="vertical">
                          {stateOf(row)}
                          {row.retiredAt && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {formatBeijingDateTime(row.retiredAt)}
                            </Typography.Text>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
              ...(writable
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, row: RiskAreaItem) =>
                        row.retiredAt || !row.editable ? null : (
                          <Space size={0}>
                            <Button
                              type="link"
                              size="small"
                              onClick={() => setEditing({ mode: 'edit', area: row })}
                              data-testid={`edit-risk-area-${row.id}`}
                            >
                              {t('riskAreas.change')}
                            </Button>
                            <Button
                              type="link"
                              size="small"
                              danger
                              onClick={() => confirmLift(row)}
                              data-testid={`lift-risk-area-${row.id}`}
                            >
                              {t('riskAreas.lift')}
                            </Button>
                          </Space>
                        ),
                    },
                  ]
                : []),
            ]}
            data-testid="risk-areas-table"
          />
        </Card>
      )}
      <RiskAreaModal
        open={editing.mode !== 'closed'}
        area={editing.mode === 'edit' ? editing.area : null}
        placeId={placeId}
        onClose={() => setEditing({ mode: 'closed' })}
      />
    </Flex>
  );
}
