// 我的关怀任务 on a helper's phone: offers at the buildings they answer for, accept or decline (online),
// complete with an outcome (and a door photo) — kept on the phone and sent when the network is back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Empty, Flex, Radio, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARE_OUTCOME_LABELS,
  CARE_OUTCOMES,
  CARE_TASK_KIND_LABELS,
  CARE_TASK_STATUS_LABELS,
  type CareOutcome,
  PHOTO_OUTCOMES,
} from '../../../shared/helpers';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { keptOnPhone } from '../../shared/kept-on-phone';
import { newPhoneId } from '../../shared/outbox';
import { useAccount } from '../auth/use-me';
import { keepPhotoOnPhone } from '../campaigns/check-queue';
import { PhotoPicker } from '../campaigns/photo-picker';
import { dropCompletion, queueCompletion, useCareQueue } from './care-queue';
import { helperKeys, helpersApi, type MyCareTask } from './helpers-api';

export function MyCarePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const account = useAccount();
  const queryClient = useQueryClient();
  const [completing, setCompleting] = useState<MyCareTask | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const mine = useQuery({
    queryKey: helperKeys.mine,
    queryFn: keptOnPhone(`care-mine-${account.id}`, helpersApi.mine),
    networkMode: 'offlineFirst',
    refetchInterval: 30_000,
  });
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: helperKeys.mine }),
    [queryClient],
  );
  const { queued, online, flush } = useCareQueue(account.id, refresh);
  const waiting = queued.filter((q) => !q.error);
  const rejected = queued.filter((q) => q.error);
  const onPhone = new Set(waiting.map((q) => q.payload.taskId));
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: number; accept: boolean }) =>
      accept ? helpersApi.accept(id) : helpersApi.decline(id),
    onSuccess: refresh,
    onError: (e) => setActionError(online ? errorText(e) : t('helpers.acceptNeedsNetwork')),
    networkMode: 'always',
  });

  if (mine.isPending) return <Spin />;
  if (mine.isError) return <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data.items;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('helpers.myTitle')}
      </Typography.Title>
      {!online && <Alert type="warning" showIcon title={t('helpers.offline')} data-testid="offline-banner" />}
      {waiting.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('helpers.waiting', { count: waiting.length })}
          action={
            <Button size="small" onClick={() => void flush()}>
              {t('helpers.sendNow')}
            </Button>
          }
          data-testid="care-queue-banner"
        />
      )}
      {rejected.map((q) => (
        <Alert
          key={q.id}
          type="error"
          showIcon
          title={`${q.payload.address}：${q.error}`}
          action={
            <Button size="small" onClick={() => void dropCompletion(q)}>
              {t('helpers.discard')}
            </Button>
          }
        />
      ))}
      {actionError && (
        <Alert type="error" showIcon title={actionError} closable onClose={() => setActionError(null)} />
      )}
      {items.length === 0 && <Empty description={t('helpers.myEmpty')} />}
      {items.map((task) => {
        const queuedHere = onPhone.has(task.id);
        return (
          <Card key={task.id} size="small" data-testid="care-task" data-task-id={task.id}>
            <Flex vertical gap={6}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{label(CARE_TASK_KIND_LABELS[task.kind])}</Typography.Text>
                {queuedHere ? (
                  <Tag color="blue">{t('helpers.onPhone')}</Tag>
                ) : (
                  <Tag
                    color={task.status === 'done' ? 'green' : task.status === 'accepted' ? 'gold' : 'default'}
                  >
                    {label(CARE_TASK_STATUS_LABELS[task.status])}
                    {task.outcome ? ` · ${label(CARE_OUTCOME_LABELS[task.outcome])}` : ''}
                  </Tag>
                )}
              </Flex>
              <Typography.Text data-testid="care-address">{task.address}</Typography.Text>
              <Typography.Text type="secondary">
                {task.personName}
                {task.phoneMasked ? ` · ${task.phoneMasked}` : ''}
              </Typography.Text>
              {task.what && <Typography.Text>{task.what}</Typography.Text>}
              {!queuedHere && (task.status === 'offered' || task.status === 'escalated') && (
                <Flex gap={8}>
                  <Button
                    type="primary"
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: task.id, accept: true })}
                    data-testid="accept-task"
                  >
                    {t('helpers.accept')}
                  </Button>
                  <Button
                    onClick={() => answer.mutate({ id: task.id, accept: false })}
                    data-testid="decline-task"
                  >
                    {t('helpers.decline')}
                  </Button>
                </Flex>
              )}
              {!queuedHere && task.status === 'accepted' && task.mine && (
                <Button type="primary" onClick={() => setCompleting(task)} data-testid="complete-task">
                  {t('helpers.complete')}
                </Button>
              )}
            </Flex>
          </Card>
        );
      })}
      <CompleteDrawer
        task={completing}
        onClose={() => setCompleting(null)}
        onSaved={async (taskId, communityId, address, outcome, photo) => {
          await queueCompletion(account.id, {
            taskId,
            communityId,
            address,
            photo,
            completion: { clientId: newPhoneId(), outcome, doneAt: new Date().toISOString() },
          });
          setCompleting(null);
          void flush();
        }}
      />
    </Flex>
  );
}

function CompleteDrawer({
  task,
  onClose,
  onSaved,
}: {
  task: MyCareTask | null;
  onClose: () => void;
  onSaved: (
    taskId: number,
    communityId: number,
    address: string,
    outcome: CareOutcome,
    photo: string | null,
  ) => Promise<void>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [outcome, setOutcome] = useState<CareOutcome>('delivered');
  const [photos, setPhotos] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const needsPhoto = PHOTO_OUTCOMES.includes(outcome);
  const ready = !needsPhoto || photos.length > 0;
  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      placement="bottom"
      size="large"
      title={t('helpers.completeTitle')}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          setOutcome('delivered');
          setPhotos([]);
        }
      }}
    >
      {task && (
        <Flex vertical gap={12}>
          <Typography.Text>{task.address}</Typography.Text>
          <Radio.Group
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            optionType="button"
            buttonStyle="solid"
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
          >
            {CARE_OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o} style={{ textAlign: 'center' }}>
                <span data-testid={`outcome-${o}`}>{label(CARE_OUTCOME_LABELS[o])}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
          {needsPhoto && (
            <Flex vertical gap={4}>
              <Typography.Text type={photos.length ? 'secondary' : 'warning'}>
                {t('helpers.photoRequired')}
              </Typography.Text>
              <PhotoPicker
                communityId={task.communityId}
                value={photos.slice(0, 1)}
                onChange={(refs) => setPhotos(refs.slice(0, 1))}
                keep={keepPhotoOnPhone}
                testId="care-photo"
              />
            </Flex>
          )}
          <Button
            type="primary"
            block
            disabled={!ready}
            loading={saving}
            data-testid="save-completion"
            onClick={async () => {
              setSaving(true);
              try {
                await onSaved(
                  task.id,
                  task.communityId,
                  task.address,
                  outcome,
                  needsPhoto ? (photos[0] ?? null) : null,
                );
              } finally {
                setSaving(false);
              }
            }}
          >
            {t('helpers.saveCompletion')}
          </Button>
        </Flex>
      )}
    </Drawer>
  );
}
