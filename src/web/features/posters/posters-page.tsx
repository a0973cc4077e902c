import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { usePublicBase } from '../../shared/public-url';
import { useCan } from '../auth/use-me';
import { NewPosterModal } from './new-poster-modal';
import { type Poster, posterKeys, postersApi, posterUrl } from './posters-api';
import { PublicUrlCard } from './public-url-card';

/** 登记二维码: posters residents scan to open the electronic registration form. */
export function PostersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const { link } = usePublicBase();
  const query = useQuery({ queryKey: posterKeys.list, queryFn: postersApi.list });
  const writable = can('registry.write');

  const revoke = useMutation({
    mutationFn: (poster: Poster) => postersApi.revoke(poster.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: posterKeys.all });
      void message.success(t('posters.revoked'));
    },
    onError: notifyError,
  });

  const confirmRevoke = (poster: Poster) => {
    modal.confirm({
      title: t('posters.revokeConfirm', { name: poster.placeName }),
      content: t('posters.revokeHint'),
      okText: t('posters.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync(poster),
    });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('posters.title')}
        </Typography.Title>
        {writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-poster"
          >
            {t('posters.add')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('posters.intro')}</Typography.Text>
      <PublicUrlCard />
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<Poster>
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={query.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('posters.empty') }}
            columns={[
              {
                title: t('posters.place'),
                dataIndex: 'placeName',
                render: (name: string, row) => (
                  <Space size={4}>
                    <span>{name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {label(PLACE_KIND_LABELS[row.placeKind])}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('posters.createdAt'),
                dataIndex: 'createdAt',
                render: (at: string) => formatBeijingDateTime(at),
              },
              {
                title: t('posters.state'),
                key: 'state',
                render: (_: unknown, row) =>
                  row.revokedAt ? (
                    <Tag>{t('posters.stateRevoked')}</Tag>
                  ) : (
                    <Tag color="green">{t('posters.stateActive')}</Tag>
                  ),
              },
              {
                title: t('posters.link'),
                key: 'link',
                render: (_: unknown, row) => (
                  <Typography.Text copyable={!row.revokedAt} delete={row.revokedAt !== null}>
                    {posterUrl(row, link)}
                  </Typography.Text>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, row) =>
                  row.revokedAt ? null : (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => navigate(`/posters/${row.id}/print`)}
                        data-testid={`poster-print-${row.id}`}
                      >
                        {t('posters.print')}
                      </Button>
                      {writable && (
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => confirmRevoke(row)}
                          data-testid={`poster-revoke-${row.id}`}
                        >
                          {t('posters.revoke')}
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
            data-testid="posters-table"
          />
        </Card>
      )}
      <NewPosterModal open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
