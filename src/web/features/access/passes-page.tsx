import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addressLabel } from '../../../shared/places/address-label';
import { ErrorAlert } from '../../shared/error-display';
import { LocalAddressWarning, usePublicBase } from '../../shared/public-url';
import { useCan } from '../auth/use-me';
import { accessApi, accessKeys, type PassItem, type PassStatus } from './access-api';
import { GatesCard } from './gates-card';
import { SigningKeysCard, useActiveKid } from './signing-keys-card';

const STATUS_COLOR: Record<PassStatus, string> = {
  active: 'green',
  expired: 'orange',
  revoked: 'red',
  reissued: 'default',
};
/** antd's date value, named without importing dayjs (antd's dependency, not ours). */
type DateValue = { format: (pattern: string) => string } | null;

/** 出入证: choose a compound, set per-resident or per-household, issue, print, revoke, reissue. */
export function PassesPage() {
  const { t } = useTranslation();
  const { link: publicLink } = usePublicBase();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const compounds = useQuery({ queryKey: accessKeys.compounds, queryFn: accessApi.compounds });
  const [compoundId, setCompoundId] = useState<number | null>(null);
  const compound = compounds.data?.find((c) => c.id === compoundId) ?? compounds.data?.[0] ?? null;
  const [status, setStatus] = useState<PassStatus | undefined>();
  const [number, setNumber] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [validUntil, setValidUntil] = useState<DateValue>(null);
  const [revoking, setRevoking] = useState<PassItem | null>(null);
  const [reason, setReason] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const activeKid = useActiveKid();

  const filter = { compoundId: compound?.id, status, number: number ?? undefined, page, pageSize: 20 };
  const passes = useQuery({
    queryKey: accessKeys.passes(filter),
    queryFn: () => accessApi.passes(filter),
    enabled: Boolean(compound),
  });
  const settings = useQuery({
    queryKey: accessKeys.settings(compound?.communityId ?? 0),
    queryFn: () => accessApi.settings(compound?.communityId as number),
    enabled: Boolean(compound),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.all });
  const setHolder = useMutation({
    mutationFn: (holder: 'resident' | 'household') =>
      accessApi.setSettings(compound?.communityId as number, holder),
    onSuccess: refresh,
  });
  const issue = useMutation({
    mutationFn: () => accessApi.issue(compound?.id as number, validUntil?.format('YYYY-MM-DD') ?? ''),
    onSuccess: (r) => {
      void message.success(t('access.passes.issued', { issued: r.issued, skipped: r.skipped }));
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => accessApi.revoke(revoking?.id as number, reason),
    onSuccess: () => {
      setRevoking(null);
      setReason('');
      return refresh();
    },
  });
  const reissue = useMutation({
    mutationFn: (p: PassItem) => accessApi.reissue(p.id, validUntil?.format('YYYY-MM-DD')),
    onSuccess: (r) => {
      void message.success(t('access.passes.reissued', { number: r.number }));
      return refresh();
    },
  });
  const makeLink = useMutation({
    mutationFn: (p: PassItem) => accessApi.link(p.id),
    onSuccess: (r) => setLink(publicLink(r.path)),
  });
  const error =
    compounds.error ?? passes.error ?? issue.error ?? setHolder.error ?? reissue.error ?? makeLink.error;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('access.passes.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Button onClick={() => navigate('/access/duty')} data-testid="access-duty">
            {t('access.duty.open')}
          </Button>
          <Button onClick={() => navigate('/access/view')} data-testid="access-view">
            {t('access.view.open')}
          </Button>
        </Flex>
      </Flex>
      {error && <ErrorAlert error={error} />}
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Select
            style={{ minWidth: 220 }}
            value={compound?.id}
            placeholder={t('access.passes.compound')}
            options={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(v) => {
              setCompoundId(v);
              setPage(1);
            }}
            data-testid="access-compound"
          />
          <span>{t('access.passes.holder')}</span>
          <Radio.Group
            value={settings.data?.passHolder}
            disabled={!can('access.manage') || setHolder.isPending}
            onChange={(e) => setHolder.mutate(e.target.value)}
            options={[
              { value: 'household', label: t('access.passes.perHousehold') },
              { value: 'resident', label: t('access.passes.perResident') },
            ]}
          />
        </Flex>
        {can('access.manage') && compound && (
          <Flex gap={12} wrap align="center" style={{ marginTop: 12 }}>
            <DatePicker
              placeholder={t('access.passes.validUntil')}
              value={validUntil as never}
              onChange={(v) => setValidUntil(v as DateValue)}
            />
            <Button
              type="primary"
              disabled={!validUntil}
              loading={issue.isPending}
              onClick={() => issue.mutate()}
              data-testid="access-issue"
            >
              {t('access.passes.issue')}
            </Button>
            <Button
              onClick={() => navigate(`/access/print?compoundId=${compound.id}`)}
              data-testid="access-print"
            >
              {t('access.passes.print')}
            </Button>
          </Flex>
        )}
      </Card>
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('access.passes.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={(['active', 'expired', 'revoked', 'reissued'] as const).map((s) => ({
              value: s,
              label: t(`access.status.${s}`),
            }))}
          />
          <InputNumber
            min={1}
            placeholder={t('access.passes.number')}
            value={number}
            onChange={(v) => {
              setNumber(v);
              setPage(1);
            }}
          />
        </Flex>
        <Table<PassItem>
          size="small"
          rowKey="id"
          loading={passes.isFetching}
          dataSource={passes.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: passes.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('access.passes.number'), dataIndex: 'number' },
            { title: t('access.passes.door'), render: (_: unknown, p) => addressLabel(p) },
            { title: t('access.passes.name'), dataIndex: 'holderName' },
            { title: t('access.passes.validUntil'), dataIndex: 'validUntil' },
            {
              title: t('access.passes.status'),
              render: (_: unknown, p) => (
                <>
                  <Tag color={STATUS_COLOR[p.status]}>{t(`access.status.${p.status}`)}</Tag>
                  {p.status === 'active' && activeKid !== undefined && p.kid !== activeKid && (
                    <Tag color="orange">{t('access.signingKeys.oldKey')}</Tag>
                  )}
                </>
              ),
            },
            ...(can('access.manage')
              ? [
                  {
                    title: '',
                    render: (_: unknown, p: PassItem) =>
                      p.status === 'active' || p.status === 'expired' ? (
                        <Space size={4} wrap>
                          <Button size="small" onClick={() => reissue.mutate(p)}>
                            {t('access.passes.reissue')}
                          </Button>
                          {p.status === 'active' && (
                            <>
                              <Button size="small" danger onClick={() => setRevoking(p)}>
                                {t('access.passes.revoke')}
                              </Button>
                              <Button size="small" onClick={() => makeLink.mutate(p)}>
                                {t('access.passes.link')}
                              </Button>
                            </>
                          )}
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
          data-testid="access-passes"
        />
      </Card>
      {compound && <GatesCard compoundId={compound.id} />}
      <SigningKeysCard communityId={compound?.communityId ?? undefined} />
      <Modal
        open={revoking !== null}
        title={t('access.passes.revokeTitle', { number: revoking?.number })}
        okText={t('access.passes.revoke')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: revoke.isPending }}
        onOk={() => revoke.mutate()}
        onCancel={() => setRevoking(null)}
      >
        {revoke.isError && <ErrorAlert error={revoke.error} />}
        <Input
          placeholder={t('access.passes.revokeReason')}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <Modal
        open={link !== null}
        footer={null}
        onCancel={() => setLink(null)}
        title={t('access.passes.linkTitle')}
      >
        <LocalAddressWarning short />
        <Typography.Paragraph copyable>{link}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('access.passes.linkHint')}</Typography.Text>
      </Modal>
    </Flex>
  );
}
