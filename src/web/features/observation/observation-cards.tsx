import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addressLabel } from '../../../shared/places/address-label';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { useCan } from '../auth/use-me';
import { type AlertOut, observationApi, observationKeys, type TaskOut } from './observation-api';

/** The board refreshes itself: an alert from a phone shows here within seconds, without a reload. */
export const POLL_MS = 5_000;

export function AlertsCard({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: observationKeys.alerts(communityId),
    queryFn: () => observationApi.alerts(communityId),
    refetchInterval: POLL_MS,
  });
  const ack = useMutation({
    mutationFn: (id: number) => observationApi.ack(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: observationKeys.all }),
  });
  return (
    <Card size="small" title={t('observation.alerts')} data-testid="observation-alerts">
      <List<AlertOut>
        size="small"
        loading={alerts.isPending}
        dataSource={alerts.data?.items}
        locale={{ emptyText: t('observation.noAlerts') }}
        renderItem={(a) => (
          <List.Item
            data-testid={`alert-${a.id}`}
            actions={
              can('observation.checkin')
                ? [
                    <Button
                      key="ack"
                      size="small"
                      onClick={() => ack.mutate(a.id)}
                      data-testid={`ack-${a.id}`}
                    >
                      {t('observation.acknowledge')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Typography.Text strong>{a.name}</Typography.Text>
              <span>{addressLabel(a)}</span>
              {a.temperature !== null && (
                <Tag color={a.temperature >= 37.3 ? 'red' : 'orange'}>{a.temperature} °C</Tag>
              )}
              <Typography.Text type="secondary">
                {formatBeijingDateTime(new Date(a.raisedAt))}
              </Typography.Text>
              {a.escalatedAt && <Tag color="volcano">{t('observation.escalated')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function TasksCard({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const tasks = useQuery({
    queryKey: observationKeys.tasks(communityId),
    queryFn: () => observationApi.tasks(communityId),
    refetchInterval: POLL_MS,
  });
  const done = useMutation({
    mutationFn: (id: number) => observationApi.doneTask(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: observationKeys.all }),
  });
  return (
    <Card size="small" title={t('observation.tasks')} data-testid="observation-tasks">
      <List<TaskOut>
        size="small"
        loading={tasks.isPending}
        dataSource={tasks.data?.items}
        locale={{ emptyText: t('observation.noTasks') }}
        renderItem={(task) => (
          <List.Item
            data-testid={`task-${task.id}`}
            actions={
              can('observation.manage')
                ? [
                    <Button key="done" size="small" onClick={() => done.mutate(task.id)}>
                      {t('observation.taskDone')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Tag color="blue">{t(`observation.taskKinds.${task.kind}`)}</Tag>
              <Typography.Text strong>{task.name}</Typography.Text>
              <span>{task.reason}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
