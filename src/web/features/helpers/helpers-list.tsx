// 志愿者/党员: the community's helpers, their teams, Party details and buildings; staff add them here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COVERAGE_ROLE_LABELS,
  HELPER_TEAM_LABELS,
  HELPER_TEAMS,
  PARTY_KIND_LABELS,
  PARTY_KINDS,
} from '../../../shared/helpers';
import { buildingLabel } from '../../../shared/places/address-label';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { accountsApi } from '../accounts/accounts-api';
import { useCan } from '../auth/use-me';
import { type Helper, helperKeys, helpersApi } from './helpers-api';

export function HelpersList({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: helperKeys.list(communityId),
    queryFn: () => helpersApi.list(communityId),
  });
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {can('helpers.manage') && (
        <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
          {t('helpers.addHelper')}
        </Button>
      )}
      <Table<Helper>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('helpers.name'), dataIndex: 'name' },
          { title: t('helpers.phone'), dataIndex: 'phoneMasked' },
          {
            title: t('helpers.teams'),
            render: (_, h) =>
              h.teams.map((x) => (
                <Tag key={x}>{label(HELPER_TEAM_LABELS[x as never] ?? { zh: x, en: x })}</Tag>
              )),
          },
          { title: t('helpers.skills'), render: (_, h) => h.skills.join('、') },
          {
            title: t('helpers.partyKind'),
            render: (_, h) =>
              h.partyKind ? (
                <Flex gap={4} wrap>
                  <Tag color="red">{label(PARTY_KIND_LABELS[h.partyKind])}</Tag>
                  {h.partyBranchName}
                  {h.nextReportDue && (
                    <Tag color={h.reportDue ? 'orange' : 'default'}>
                      {h.reportDue ? t('helpers.reportDue') : t('helpers.nextReportDue')} {h.nextReportDue}
                    </Tag>
                  )}
                </Flex>
              ) : (
                t('helpers.notParty')
              ),
          },
          {
            title: t('helpers.buildings'),
            render: (_, h) =>
              h.buildings.map((b) => (
                <Tag key={`${b.buildingId}-${b.role}`}>
                  {buildingLabel(b)} · {label(COVERAGE_ROLE_LABELS[b.role])}
                </Tag>
              )),
          },
          { title: t('helpers.verified'), render: (_, h) => (h.verified ? '✓' : '') },
        ]}
      />
      <AddHelper communityId={communityId} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}

interface AddValues {
  name: string;
  phone?: string;
  teams?: string[];
  skills?: string;
  partyKind?: string;
  employerPartyOrg?: string;
  reportedOn?: string;
  verified?: boolean;
  accountId?: number;
}

function AddHelper({
  communityId,
  open,
  onClose,
}: {
  communityId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<AddValues>();
  const queryClient = useQueryClient();
  const can = useCan();
  // Volunteer accounts of this community, to link one: the helper then takes care tasks on that phone.
  const accounts = useQuery({
    queryKey: ['accounts', 'volunteers-for-helpers'],
    queryFn: () => accountsApi.list({ role: 'volunteer', page: 1, pageSize: 100 }),
    enabled: open && can('accounts.manage'),
  });
  const accountOptions = (accounts.data?.items ?? [])
    .filter((a) => a.scopePlaceId === communityId && !a.disabled)
    .map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }));
  const create = useMutation({
    mutationFn: (v: AddValues) =>
      helpersApi.create({
        communityId,
        name: v.name,
        phone: v.phone || null,
        teams: v.teams ?? [],
        skills: (v.skills ?? '').split(/[,，、\s]+/).filter(Boolean),
        verified: v.verified ?? false,
        partyKind: v.partyKind ?? null,
        employerPartyOrg: v.employerPartyOrg || null,
        reportedOn: v.reportedOn || null,
        accountId: v.accountId ?? null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: helperKeys.all });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('helpers.addHelper')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label={t('helpers.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('helpers.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="teams" label={t('helpers.teams')}>
          <Select
            mode="multiple"
            options={HELPER_TEAMS.map((x) => ({ value: x, label: label(HELPER_TEAM_LABELS[x]) }))}
          />
        </Form.Item>
        <Form.Item name="skills" label={t('helpers.skills')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="partyKind" label={t('helpers.partyKind')}>
          <Select
            allowClear
            options={PARTY_KINDS.map((x) => ({ value: x, label: label(PARTY_KIND_LABELS[x]) }))}
          />
        </Form.Item>
        <Form.Item name="employerPartyOrg" label={t('helpers.employerPartyOrg')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reportedOn" label={t('helpers.reportedOn')}>
          <Input type="date" />
        </Form.Item>
        {accountOptions.length > 0 && (
          <Form.Item name="accountId" label={t('helpers.account')}>
            <Select allowClear showSearch optionFilterProp="label" options={accountOptions} />
          </Form.Item>
        )}
        <Form.Item name="verified" valuePropName="checked">
          <Checkbox>{t('helpers.verified')}</Checkbox>
        </Form.Item>
        {create.error && <div style={{ color: '#cf1322' }}>{errorText(create.error)}</div>}
      </Form>
    </Modal>
  );
}
