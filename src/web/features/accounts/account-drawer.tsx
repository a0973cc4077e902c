import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountItem, ROLE_SCOPE_KINDS, ROLES_WITH_BUILDINGS } from '../../../shared/auth/accounts';
import { GRANTABLE_ROLES, ROLE_LABELS, type Role } from '../../../shared/auth/roles';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useAccount } from '../auth/use-me';
import { buildingKeys, buildingsApi } from '../buildings/buildings-api';
import type { PlaceSummary } from '../places/places-api';
import { useLazyPlaceTree } from '../places/use-lazy-place-tree';
import { accountKeys, accountsApi, type SlipData } from './accounts-api';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;

interface TreeOption {
  value: number;
  key: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: TreeOption[];
}

interface Values {
  username: string;
  displayName: string;
  role: Role;
  place: { value: number; label: string } | undefined;
  buildingIds: number[];
}

/** 新建账号 / 修改账号: the server checks every rule again; the form only offers what it would accept. */
export function AccountDrawer({
  editing,
  onClose,
  onCreated,
}: {
  editing: 'new' | AccountItem | null;
  onClose: () => void;
  onCreated: (slip: SlipData) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      title={editing === 'new' ? t('accounts.addTitle') : t('accounts.editTitle')}
      size={480}
      destroyOnHidden
      data-testid="account-drawer"
    >
      {editing !== null && <AccountForm editing={editing} onDone={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function AccountForm({
  editing,
  onDone,
  onCreated,
}: {
  editing: 'new' | AccountItem;
  onDone: () => void;
  onCreated: (slip: SlipData) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useAccount();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { roots, childrenOf, load } = useLazyPlaceTree();
  const grantable = GRANTABLE_ROLES[me.role];
  const isNew = editing === 'new';
  const firstRole: Role = isNew
    ? grantable.includes('volunteer')
      ? 'volunteer'
      : (grantable[0] as Role)
    : editing.role;
  const ownPlaceFits = ROLE_SCOPE_KINDS[firstRole].includes(me.scope.placeKind);
  const [initial] = useState<Partial<Values>>(() =>
    isNew
      ? {
          role: firstRole,
          place: ownPlaceFits ? { value: me.scope.placeId, label: me.scope.placeName } : undefined,
          buildingIds: [],
        }
      : {
          username: editing.username,
          displayName: editing.displayName,
          role: editing.role,
          place: { value: editing.scopePlaceId, label: editing.scopePlaceName },
          buildingIds: editing.buildings?.map((b) => b.id) ?? [],
        },
  );
  const role = Form.useWatch('role', form) ?? firstRole;
  const place = Form.useWatch('place', form) ?? initial.place;
  const withBuildings = ROLES_WITH_BUILDINGS.includes(role);
  const communityId = withBuildings && place ? place.value : null;
  const buildings = useQuery({
    queryKey: buildingKeys.grid(communityId ?? 0),
    queryFn: () => buildingsApi.grid(communityId as number),
    enabled: communityId !== null,
  });

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const scopePlaceId = values.place?.value as number;
      const scopeBuildingIds = ROLES_WITH_BUILDINGS.includes(values.role) ? values.buildingIds : [];
      if (isNew) {
        const made = await accountsApi.create({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          scopePlaceId,
          ...(scopeBuildingIds.length ? { scopeBuildingIds } : {}),
        });
        return { slip: { ...made.account, password: made.password } };
      }
      await accountsApi.update(editing.id, {
        displayName: values.displayName.trim(),
        role: values.role,
        scopePlaceId,
        scopeBuildingIds: scopeBuildingIds.length ? scopeBuildingIds : null,
      });
      return { slip: null };
    },
    onSuccess: ({ slip }) => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
      if (slip) {
        void message.success(t('accounts.created'));
        onCreated({
          displayName: slip.displayName,
          username: slip.username,
          role: slip.role,
          password: slip.password,
        });
      } else void message.success(t('accounts.saved'));
      onDone();
    },
  });

  const build = (p: PlaceSummary): TreeOption => {
    // Accounts are scoped to a community at the deepest: nothing below it is offered.
    const stop = p.kind === 'community';
    return {
      value: p.id,
      key: p.id,
      title: `${p.name}（${label(PLACE_KIND_LABELS[p.kind])}）`,
      isLeaf: stop || p.childCount === 0,
      selectable: ROLE_SCOPE_KINDS[role].includes(p.kind),
      children: stop ? undefined : childrenOf.get(p.id)?.map(build),
    };
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={save.isPending}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.role && !ROLES_WITH_BUILDINGS.includes(changed.role))
          form.setFieldValue('buildingIds', []);
        if (changed.place) form.setFieldValue('buildingIds', []);
      }}
    >
      <Form.Item
        name="username"
        label={t('accounts.username')}
        extra={isNew ? t('accounts.usernameHint') : undefined}
        rules={[{ required: true, pattern: USERNAME, message: t('accounts.usernameInvalid') }]}
      >
        <Input disabled={!isNew} autoComplete="off" maxLength={32} data-testid="account-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('accounts.displayName')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid="account-name" />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
        <Select<Role>
          options={grantable.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
          data-testid="account-role"
        />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('accounts.scope')}
        extra={t('accounts.scopeHint')}
        rules={[{ required: true }]}
      >
        <TreeSelect
          labelInValue
          treeData={(roots.data ?? []).map(build)}
          loadData={(node) => load([Number(node.value)])}
          treeExpandAction="click"
          loading={roots.isPending}
          placeholder={t('common.selectPlaceholder')}
          style={{ width: '100%' }}
          data-testid="account-place"
        />
      </Form.Item>
      {withBuildings && (
        <Form.Item name="buildingIds" label={t('accounts.buildings')} extra={t('accounts.buildingsHint')}>
          <Select<number[]>
            mode="multiple"
            allowClear
            loading={buildings.isFetching}
            placeholder={t('accounts.allBuildings')}
            optionFilterProp="label"
            options={(buildings.data?.items ?? []).map((b) => ({
              value: b.id,
              label: b.compoundName ? `${b.compoundName} ${b.name}` : b.name,
            }))}
            data-testid="account-buildings"
          />
        </Form.Item>
      )}
      {save.isError && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Flex gap={8} justify="end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="account-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
