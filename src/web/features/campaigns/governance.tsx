import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Image,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Segmented,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FindingFilter,
  RECHECK_RESULT_LABELS,
  RECHECK_RESULTS,
  type RecheckResult,
} from '../../../shared/campaigns';
import { isPhotoId } from '../../../shared/photos';
import { buildingLabel } from '../../../shared/places/address-label';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { campaignKeys, campaignsApi, type Finding } from './campaigns-api';
import type { PhotoRef } from './check-queue';
import { PhotoPicker } from './photo-picker';

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
                <Typography.Text strong>{buildingLabel(f)}</Typography.Text>
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
  // Re-checks happen online: each photo is uploaded as it is taken, so these are all stored ids.
  const [photos, setPhotos] = useState<PhotoRef[]>([]);
  const photoIds = photos.filter(isPhotoId);
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
        disabled: result === null || (result === 'withdrawn' && notes.trim().length < 2),
        ...({ 'data-testid': 'recheck-save' } as Record<`data-${string}`, string>),
      }}
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
    >
      <Flex vertical gap={10}>
        <Typography.Text>
          {buildingLabel(finding)} · {finding.itemText}：{finding.description}
        </Typography.Text>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={result}
          onChange={(e) => setResult(e.target.value as RecheckResult)}
          options={RECHECK_RESULTS.map((r) => ({
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
          placeholder={result === 'withdrawn' ? t('campaigns.withdrawReason') : t('campaigns.checkNotes')}
          maxLength={300}
          autoSize={{ minRows: 1 }}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <PhotoPicker communityId={communityId} value={photos} onChange={setPhotos} />
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
