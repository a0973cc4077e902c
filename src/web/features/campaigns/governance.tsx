import { CameraOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Flex,
  Image,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Row,
  Segmented,
  Select,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CAMPAIGN_KIND_LABELS,
  FINDING_MAX_PHOTOS,
  type FindingFilter,
  RECHECK_RESULT_LABELS,
  type RecheckResult,
} from '../../../shared/campaigns';
import { addDays, beijingToday } from '../../../shared/declarations';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { resizePhoto } from '../../shared/resize-photo';
import {
  type Campaign,
  campaignKeys,
  campaignsApi,
  type Finding,
  type FindingPayload,
  type GovBuilding,
} from './campaigns-api';

/** Photos taken on the phone: resized there (resize-photo.ts), uploaded to the photo store, kept as ids. */
export function PhotoPicker({
  communityId,
  value,
  onChange,
  testId,
}: {
  communityId: number;
  value: number[];
  onChange: (ids: number[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function take(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      const ids: number[] = [];
      for (const file of [...files].slice(0, FINDING_MAX_PHOTOS - value.length)) {
        const small = await resizePhoto(file);
        ids.push((await campaignsApi.uploadPhoto(communityId, small)).photo.id);
      }
      onChange([...value, ...ids]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }
  return (
    <Flex vertical gap={6}>
      <Flex gap={6} wrap>
        {value.map((id) => (
          <div key={id} style={{ position: 'relative' }}>
            <Image src={campaignsApi.photoUrl(id)} width={72} height={72} style={{ objectFit: 'cover' }} />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('campaigns.photoRemove')}
              style={{ position: 'absolute', top: 2, right: 2 }}
              onClick={() => onChange(value.filter((v) => v !== id))}
            />
          </div>
        ))}
        {value.length < FINDING_MAX_PHOTOS && (
          <Button
            icon={<CameraOutlined />}
            loading={busy}
            style={{ width: 72, height: 72 }}
            onClick={() => input.current?.click()}
            data-testid={testId}
          >
            {t('campaigns.photoTake')}
          </Button>
        )}
      </Flex>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => void take(e.target.files)}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}

type DraftFinding = FindingPayload & { draftId: number };

/** Check one building: tick each item; a failed item needs at least one finding with a deadline. */
function CheckDrawer({
  campaign,
  building,
  onClose,
}: {
  campaign: Campaign;
  building: GovBuilding | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={building !== null}
      onClose={onClose}
      placement="bottom"
      size="90%"
      destroyOnHidden
      title={building ? t('campaigns.checkTitle', { building: building.buildingName }) : ''}
      data-testid="check-sheet"
    >
      {building && <CheckForm campaign={campaign} building={building} onDone={onClose} />}
    </Drawer>
  );
}

function CheckForm({
  campaign,
  building,
  onDone,
}: {
  campaign: Campaign;
  building: GovBuilding;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [clientId] = useState(() => crypto.randomUUID());
  const [passed, setPassed] = useState<Record<string, boolean>>({});
  const [findings, setFindings] = useState<DraftFinding[]>([]);
  const [notes, setNotes] = useState('');
  const nextId = useRef(1);
  const entrances = useQuery({
    queryKey: ['campaigns', campaign.id, 'entrances', building.targetId],
    queryFn: () => campaignsApi.entrances(campaign.id, building.targetId),
  });
  const save = useMutation({
    mutationFn: () =>
      campaignsApi.recordCheck(campaign.id, {
        id: clientId,
        targetId: building.targetId,
        results: campaign.checklist.map((c) => ({ key: c.key, passed: passed[c.key] === true })),
        notes: notes.trim() || null,
        findings: findings.map(({ draftId: _, ...f }) => f),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.buildings(campaign.id) });
      void queryClient.invalidateQueries({ queryKey: ['campaigns', campaign.id, 'findings'] });
      message.success(t('campaigns.checkSaved'));
      onDone();
    },
  });
  const answered = campaign.checklist.every((c) => passed[c.key] !== undefined);
  const update = (draftId: number, patch: Partial<FindingPayload>) =>
    setFindings((list) => list.map((f) => (f.draftId === draftId ? { ...f, ...patch } : f)));
  const addFinding = (itemKey: string) =>
    setFindings((list) => [
      ...list,
      {
        draftId: nextId.current++,
        itemKey,
        description: '',
        photoIds: [],
        deadline: addDays(beijingToday(), 7),
      },
    ]);
  return (
    <Flex vertical gap={12}>
      {campaign.checklist.map((item, i) => {
        const mine = findings.filter((f) => f.itemKey === item.key);
        return (
          <Card key={item.key} size="small" data-testid={`check-item-${item.key}`}>
            <Flex vertical gap={8}>
              <Typography.Text strong>
                {i + 1}. {item.text}
              </Typography.Text>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={passed[item.key] === undefined ? undefined : passed[item.key] ? 'pass' : 'fail'}
                onChange={(e) => {
                  const ok = e.target.value === 'pass';
                  setPassed((p) => ({ ...p, [item.key]: ok }));
                  if (ok) setFindings((list) => list.filter((f) => f.itemKey !== item.key));
                  else if (mine.length === 0) addFinding(item.key);
                }}
                options={[
                  { value: 'pass', label: t('campaigns.itemPass') },
                  { value: 'fail', label: t('campaigns.itemFail') },
                ]}
              />
              {mine.map((f, n) => (
                <Card
                  key={f.draftId}
                  size="small"
                  type="inner"
                  title={t('campaigns.findingN', { n: n + 1 })}
                  extra={
                    mine.length > 1 && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('campaigns.findingRemove')}
                        onClick={() => setFindings((list) => list.filter((x) => x.draftId !== f.draftId))}
                      />
                    )
                  }
                >
                  <Flex vertical gap={8}>
                    <Flex gap={8} wrap>
                      <Select
                        allowClear
                        placeholder={t('campaigns.findingEntrance')}
                        style={{ minWidth: 120 }}
                        value={f.entranceId ?? undefined}
                        onChange={(v) => update(f.draftId, { entranceId: v ?? null })}
                        options={(entrances.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                      />
                      <InputNumber
                        placeholder={t('campaigns.findingFloor')}
                        min={-5}
                        max={120}
                        style={{ width: 100 }}
                        value={f.floor ?? null}
                        onChange={(v) => update(f.draftId, { floor: v ?? null })}
                      />
                      <Input
                        placeholder={t('campaigns.findingLocation')}
                        maxLength={100}
                        style={{ flex: 1, minWidth: 140 }}
                        value={f.location ?? ''}
                        onChange={(e) => update(f.draftId, { location: e.target.value })}
                      />
                    </Flex>
                    <Input.TextArea
                      placeholder={t('campaigns.findingDescription')}
                      maxLength={300}
                      autoSize={{ minRows: 2 }}
                      value={f.description}
                      onChange={(e) => update(f.draftId, { description: e.target.value })}
                      data-testid="finding-description"
                    />
                    <PhotoPicker
                      communityId={campaign.communityId}
                      value={f.photoIds}
                      onChange={(photoIds) => update(f.draftId, { photoIds })}
                      testId="finding-photo"
                    />
                    <Flex align="center" gap={8}>
                      <Typography.Text>{t('campaigns.findingDeadline')}</Typography.Text>
                      <Input
                        type="date"
                        min={beijingToday()}
                        style={{ width: 170 }}
                        value={f.deadline}
                        onChange={(e) => update(f.draftId, { deadline: e.target.value })}
                        data-testid="finding-deadline"
                      />
                    </Flex>
                  </Flex>
                </Card>
              ))}
              {passed[item.key] === false && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => addFinding(item.key)}>
                  {t('campaigns.findingAdd')}
                </Button>
              )}
            </Flex>
          </Card>
        );
      })}
      <Input.TextArea
        placeholder={t('campaigns.checkNotes')}
        maxLength={500}
        autoSize={{ minRows: 1 }}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
      <Button
        type="primary"
        size="large"
        block
        disabled={!answered}
        loading={save.isPending}
        onClick={() => save.mutate()}
        data-testid="save-check"
      >
        {answered ? t('campaigns.checkSave') : t('campaigns.checkAnswerAll')}
      </Button>
    </Flex>
  );
}

function FindingStatus({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  if (finding.status === 'closed') return <Tag color="green">{t('campaigns.findingClosed')}</Tag>;
  if (finding.overdue) return <Tag color="red">{t('campaigns.findingOverdue')}</Tag>;
  return <Tag color="orange">{t('campaigns.findingOpen')}</Tag>;
}

const place = (f: Pick<Finding, 'entranceName' | 'floor' | 'location'>, floorLabel: (n: number) => string) =>
  [f.entranceName, f.floor != null ? floorLabel(f.floor) : null, f.location].filter(Boolean).join(' · ');

/** Findings of a campaign: open, overdue or closed, each with its photos; re-check from here. */
export function FindingsList({
  campaignId,
  communityId,
  canRecheck,
}: {
  campaignId: number;
  communityId: number;
  canRecheck: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [status, setStatus] = useState<FindingFilter | 'all'>('open');
  const [rechecking, setRechecking] = useState<Finding | null>(null);
  const list = useQuery({
    queryKey: campaignKeys.findings(campaignId, status === 'all' ? undefined : status),
    queryFn: () => campaignsApi.findings(campaignId, status === 'all' ? undefined : status),
    refetchInterval: 10_000,
  });
  return (
    <Flex vertical gap={12} data-testid="findings-list">
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as FindingFilter | 'all')}
        options={[
          { value: 'open', label: t('campaigns.findingOpen') },
          { value: 'overdue', label: t('campaigns.findingOverdue') },
          { value: 'closed', label: t('campaigns.findingClosed') },
          { value: 'all', label: t('campaigns.findingAll') },
        ]}
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <List<Finding>
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('campaigns.findingsEmpty')} /> }}
        renderItem={(f) => (
          <List.Item
            data-testid="finding-row"
            actions={
              canRecheck && f.status === 'open'
                ? [
                    <Button key="recheck" onClick={() => setRechecking(f)} data-testid="recheck">
                      {t('campaigns.recheck')}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <FindingStatus finding={f} />
                <Typography.Text strong>{f.buildingName}</Typography.Text>
                <Typography.Text type="secondary">
                  {place(f, (n) => t('campaigns.floorN', { n }))}
                </Typography.Text>
              </Flex>
              <Typography.Text>
                {f.itemText}：{f.description}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('campaigns.findingDeadline')} {f.deadline}
                {f.createdByName ? ` · ${f.createdByName}` : ''}
              </Typography.Text>
              {f.photoIds.length > 0 && (
                <Image.PreviewGroup>
                  <Flex gap={6} wrap>
                    {f.photoIds.map((id) => (
                      <Image
                        key={id}
                        src={campaignsApi.photoUrl(id)}
                        width={64}
                        height={64}
                        style={{ objectFit: 'cover' }}
                      />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              )}
              {f.recheckResult && (
                <Typography.Text type="secondary" data-testid="recheck-result">
                  {t('campaigns.recheckLine', {
                    result: label(RECHECK_RESULT_LABELS[f.recheckResult]),
                    date: f.recheckedOn ?? '',
                    who: f.recheckedByName ?? '',
                  })}
                  {f.recheckNotes ? `：${f.recheckNotes}` : ''}
                </Typography.Text>
              )}
              {f.recheckPhotoIds.length > 0 && (
                <Flex gap={6} wrap>
                  {f.recheckPhotoIds.map((id) => (
                    <Image
                      key={id}
                      src={campaignsApi.photoUrl(id)}
                      width={48}
                      height={48}
                      style={{ objectFit: 'cover' }}
                    />
                  ))}
                </Flex>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {rechecking && (
        <RecheckModal
          campaignId={campaignId}
          communityId={communityId}
          finding={rechecking}
          onClose={() => setRechecking(null)}
        />
      )}
    </Flex>
  );
}

function RecheckModal({
  campaignId,
  communityId,
  finding,
  onClose,
}: {
  campaignId: number;
  communityId: number;
  finding: Finding;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<RecheckResult | null>(null);
  const [notes, setNotes] = useState('');
  const [photoIds, setPhotoIds] = useState<number[]>([]);
  const [deadline, setDeadline] = useState(
    finding.deadline < beijingToday() ? addDays(beijingToday(), 7) : finding.deadline,
  );
  const save = useMutation({
    mutationFn: () =>
      campaignsApi.recheck(campaignId, finding.id, {
        result: result ?? 'not_fixed',
        notes: notes.trim() || null,
        photoIds,
        ...(result === 'not_fixed' ? { deadline } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('campaigns.recheckTitle')}
      onCancel={onClose}
      okText={t('campaigns.recheckSave')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: result === null,
        ...({ 'data-testid': 'recheck-save' } as Record<`data-${string}`, string>),
      }}
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
    >
      <Flex vertical gap={10}>
        <Typography.Text>
          {finding.buildingName} · {finding.itemText}：{finding.description}
        </Typography.Text>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={result}
          onChange={(e) => setResult(e.target.value as RecheckResult)}
          options={(['fixed', 'not_fixed'] as const).map((r) => ({
            value: r,
            label: label(RECHECK_RESULT_LABELS[r]),
          }))}
          data-testid="recheck-result-choice"
        />
        {result === 'not_fixed' && (
          <Flex align="center" gap={8}>
            <Typography.Text>{t('campaigns.recheckNewDeadline')}</Typography.Text>
            <Input
              type="date"
              min={beijingToday()}
              style={{ width: 170 }}
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </Flex>
        )}
        <Input.TextArea
          placeholder={t('campaigns.checkNotes')}
          maxLength={300}
          autoSize={{ minRows: 1 }}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <PhotoPicker communityId={communityId} value={photoIds} onChange={setPhotoIds} />
        {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
      </Flex>
    </Modal>
  );
}

/** Governance progress: buildings checked, findings open / overdue / closed, per building. */
export function GovernanceProgress({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const progress = useQuery({
    queryKey: campaignKeys.progress(campaignId, 1),
    queryFn: () => campaignsApi.progress(campaignId, 1),
    refetchInterval: 5_000,
  });
  if (progress.isPending) return <Spin />;
  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  const findings = p.findings ?? { open: 0, overdue: 0, closed: 0 };
  return (
    <Flex vertical gap={16} data-testid="campaign-progress">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('campaigns.buildingsChecked')} value={p.done} suffix={`/ ${p.total}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('campaigns.findingOpen')} value={findings.open} data-testid="progress-open" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('campaigns.findingOverdue')}
              value={findings.overdue}
              styles={{ content: { color: findings.overdue ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('campaigns.findingClosed')} value={findings.closed} />
          </Card>
        </Col>
      </Row>
      <Table
        rowKey="buildingId"
        size="small"
        pagination={false}
        dataSource={p.byBuilding}
        columns={[
          { title: t('campaigns.building'), dataIndex: 'name' },
          {
            title: t('campaigns.checkedState'),
            dataIndex: 'done',
            render: (done: number) =>
              done > 0 ? (
                <Tag color="green">{t('campaigns.checked')}</Tag>
              ) : (
                <Tag>{t('campaigns.notChecked')}</Tag>
              ),
          },
          { title: t('campaigns.findingOpen'), dataIndex: 'openFindings' },
          {
            title: t('campaigns.findingOverdue'),
            dataIndex: 'overdueFindings',
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
          },
        ]}
      />
    </Flex>
  );
}

/** 楼栋检查 (/checks/:campaignId): the campaign's buildings on a phone, check one, follow its findings. */
export function ChecksPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const id = Number(useParams().campaignId);
  const [view, setView] = useState<'buildings' | 'findings'>('buildings');
  const [checking, setChecking] = useState<GovBuilding | null>(null);
  const buildings = useQuery({
    queryKey: campaignKeys.buildings(id),
    queryFn: () => campaignsApi.buildings(id),
  });
  if (buildings.isPending) return <Spin />;
  if (buildings.isError)
    return <ErrorAlert error={buildings.error} onRetry={() => void buildings.refetch()} />;
  const { campaign, items } = buildings.data;
  const active = campaign.status === 'active';
  const checked = items.filter((b) => b.checked).length;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Link to="/visits">{t('campaigns.backToMine')}</Link>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="checks-title">
        {campaign.name} <Tag>{label(CAMPAIGN_KIND_LABELS[campaign.kind])}</Tag>
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('campaigns.buildingsCheckedOf', { done: checked, total: items.length })}
      </Typography.Text>
      <Segmented
        block
        value={view}
        onChange={(v) => setView(v as 'buildings' | 'findings')}
        options={[
          { value: 'buildings', label: t('campaigns.tabBuildings') },
          { value: 'findings', label: t('campaigns.tabFindings') },
        ]}
      />
      {view === 'buildings' ? (
        <List<GovBuilding>
          dataSource={items}
          locale={{ emptyText: <Empty description={t('campaigns.nothingAssigned')} /> }}
          renderItem={(b) => (
            <List.Item
              data-testid="gov-building"
              actions={
                active
                  ? [
                      <Button
                        key="check"
                        type={b.checked ? 'default' : 'primary'}
                        onClick={() => setChecking(b)}
                        data-testid="check-building"
                      >
                        {b.checked ? t('campaigns.checkAgain') : t('campaigns.checkBuilding')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {b.compoundName ? `${b.compoundName} ` : ''}
                  {b.buildingName}
                </Typography.Text>
                <Flex gap={6} wrap>
                  {b.checked ? (
                    <Tag color="green">{t('campaigns.checked')}</Tag>
                  ) : (
                    <Tag>{t('campaigns.notChecked')}</Tag>
                  )}
                  {b.openFindings > 0 && (
                    <Tag color="orange">{t('campaigns.openFindingsN', { n: b.openFindings })}</Tag>
                  )}
                  {b.overdueFindings > 0 && (
                    <Tag color="red">{t('campaigns.overdueFindingsN', { n: b.overdueFindings })}</Tag>
                  )}
                  {b.assignee && <Typography.Text type="secondary">{b.assignee}</Typography.Text>}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <FindingsList campaignId={id} communityId={campaign.communityId} canRecheck />
      )}
      <CheckDrawer campaign={campaign} building={checking} onClose={() => setChecking(null)} />
    </Flex>
  );
}
