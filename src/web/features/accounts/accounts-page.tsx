import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountItem, AccountStatus } from '../../../shared/auth/accounts';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/auth/roles';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { AccountDrawer } from './account-drawer';
import { type AccountFilters, accountKeys, accountsApi, type SlipData } from './accounts-api';
import { SignInSlipModal } from './sign-in-slip';

/**
 * 账号管理: the accounts of the caller's area. Those below the caller can be changed, disabled or given a
 * new password (printed on a sign-in slip, shown once); the rest are listed read-only.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AccountFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<'new' | AccountItem | null>(null);
  const [slip, setSlip] = useState<SlipData | null>(null);
  const query = useQuery({
    queryKey: accountKeys.list(filters),
    queryFn: () => accountsApi.list(filters),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: accountKeys.all });

  const toggle = useMutation({
    mutationFn: (row: AccountItem) =>
      row.disabled ? accountsApi.enable(row.id) : accountsApi.disable(row.id),
    onSuccess: (account) => {
      refresh();
      void message.success(account.disabled ? t('accounts.disabled') : t('accounts.enabled'));
    },
    onError: notifyError,
  });
  const reset = useMutation({
    mutationFn: (row: AccountItem) => accountsApi.resetPassword(row.id),
    onSuccess: ({ account, password }) => {
      refresh();
      setSlip({ displayName: account.displayName, username: account.username, role: account.role, password });
    },
    onError: notifyError,
  });

  const confirmToggle = (row: AccountItem) =>
    row.disabled
      ? toggle.mutate(row)
      : modal.confirm({
          title: t('accounts.disableConfirm', { name: row.displayName }),
          content: t('accounts.disableHint'),
          okButtonProps: { danger: true },
          okText: t('accounts.disable'),
          onOk: () => toggle.mutateAsync(row),
        });
  const confirmReset = (row: AccountItem) =>
    modal.confirm({
      title: t('accounts.resetConfirm', { name: row.displayName }),
      content: t('accounts.resetHint'),
      okText: t('accounts.resetPassword'),
      onOk: () => reset.mutateAsync(row),
    });

  const set = (change: Partial<AccountFilters>) => setFilters((prev) => ({ ...prev, ...change, page: 1 }));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('accounts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('accounts.intro')}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="add-account"
        >
          {t('accounts.add')}
        </Button>
      </Flex>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('accounts.search')}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="accounts-search"
        />
        <Select<Role | ''>
          value={filters.role ?? ''}
          onChange={(role) => set({ role: role || undefined })}
          style={{ width: 180 }}
          options={[
            { value: '', label: t('accounts.anyRole') },
            ...ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) })),
          ]}
        />
        <Select<AccountStatus | ''>
          value={filters.status ?? ''}
          onChange={(status) => set({ status: status || undefined })}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('accounts.anyStatus') },
            { value: 'active', label: t('accounts.statusActive') },
            { value: 'disabled', label: t('accounts.statusDisabled') },
          ]}
        />
      </Space>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<AccountItem>
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('accounts.empty') }}
            data-testid="accounts-table"
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: query.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setFilters((prev) => ({ ...prev, page, pageSize })),
            }}
            columns={[
              { title: t('accounts.displayName'), dataIndex: 'displayName' },
              { title: t('accounts.username'), dataIndex: 'username' },
              {
                title: t('accounts.role'),
                dataIndex: 'role',
                render: (role: Role) => label(ROLE_LABELS[role]),
              },
              {
                title: t('accounts.scope'),
                key: 'scope',
                render: (_: unknown, row) => (
                  <Space size={4} wrap>
                    <span>{row.scopePlaceName}</span>
                    {row.buildings?.map((b) => (
                      <Tag key={b.id}>{b.compoundName ? `${b.compoundName} ${b.name}` : b.name}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('accounts.status'),
                dataIndex: 'disabled',
                render: (disabled: boolean) =>
                  disabled ? (
                    <Tag color="default">{t('accounts.statusDisabled')}</Tag>
                  ) : (
                    <Tag color="green">{t('accounts.statusActive')}</Tag>
                  ),
              },
              {
                title: t('accounts.createdAt'),
                dataIndex: 'createdAt',
                render: (at: string) => formatBeijingDateTime(at),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, row) =>
                  row.manageable ? (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(row)}
                        data-testid={`edit-account-${row.username}`}
                      >
                        {t('accounts.edit')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        danger={!row.disabled}
                        onClick={() => confirmToggle(row)}
                        data-testid={`toggle-account-${row.username}`}
                      >
                        {row.disabled ? t('accounts.enable') : t('accounts.disable')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        disabled={row.disabled}
                        onClick={() => confirmReset(row)}
                        data-testid={`reset-account-${row.username}`}
                      >
                        {t('accounts.resetPassword')}
                      </Button>
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('accounts.readOnly')}</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <AccountDrawer editing={editing} onClose={() => setEditing(null)} onCreated={setSlip} />
      <SignInSlipModal slip={slip} onClose={() => setSlip(null)} />
    </Flex>
  );
}
