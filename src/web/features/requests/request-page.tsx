import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  EXCLUSION_LABELS,
  EXCLUSION_REASONS,
  FAILED_CALLBACKS_TO_CLOSE,
  REQUEST_CHANNEL_LABELS,
  REQUEST_EVENT_LABELS,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  type RequestStep,
  SATISFACTION_LABELS,
  SATISFACTIONS,
} from '../../../shared/requests';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useCan } from '../auth/use-me';
import { Countdown } from './countdown';
import { type RequestDetail, requestKeys, requestsApi, type StepBody } from './requests-api';

const time = (at: string | null) => (at ? formatBeijingDateTime(new Date(at)) : '—');

/** Which buttons a request in each status shows (the server decides again). */
const STEPS_BY_STATUS: Record<RequestStatus, RequestStep[]> = {
  received: ['sign', 'contact', 'start', 'resolve', 'unresolve', 'assign', 'escalate'],
  signed: ['contact', 'start', 'resolve', 'unresolve', 'assign', 'escalate'],
  contacted: ['start', 'resolve', 'unresolve', 'assign', 'escalate'],
  in_progress: ['resolve', 'unresolve', 'assign', 'escalate'],
  resolved: ['callback', 'close'],
  unresolved: ['callback', 'close'],
  closed: ['reopen'],
};
const STEP_BUTTONS: Record<RequestStep, string> = {
  sign: '签收',
  contact: '已联系诉求人',
  start: '开始办理',
  resolve: '已解决',
  unresolve: '未能解决',
  callback: '回访',
  close: '办结',
  reopen: '重新办理',
  assign: '指派',
  escalate: '吹哨报到（上报街道）',
  note: '备注',
};
/** Steps that need words (a reason, an explanation) or a choice: they open a form first. */
const NEEDS_FORM: RequestStep[] = ['unresolve', 'callback', 'reopen', 'assign', 'escalate', 'note'];

/** One request: its deadlines and countdown, the timeline, and the steps that can be taken now. */
export function RequestPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const notify = useNotifyError();
  const [formStep, setFormStep] = useState<RequestStep | 'exclude' | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const query = useQuery({
    queryKey: requestKeys.one(id),
    queryFn: () => requestsApi.get(id),
    refetchInterval: 15_000,
  });
  const done = (answer: { request: RequestDetail }) => {
    client.setQueryData(requestKeys.one(id), answer);
    void client.invalidateQueries({ queryKey: ['requests', 'list'] });
    setFormStep(null);
  };
  const step = useMutation({
    mutationFn: (body: StepBody) => requestsApi.step(id, body),
    onSuccess: done,
    onError: notify,
  });
  const exclude = useMutation({
    mutationFn: (body: { reason: string; note: string }) => requestsApi.exclude(id, body),
    onSuccess: done,
    onError: notify,
  });
  const decide = useMutation({
    mutationFn: (approve: boolean) => requestsApi.decide(id, approve),
    onSuccess: done,
    onError: notify,
  });
  const makeLink = useMutation({
    mutationFn: () => requestsApi.link(id),
    onSuccess: (answer) => setLink(`${window.location.origin}${answer.path}`),
    onError: notify,
  });

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data?.request;
  if (!r) return <Card loading />;
  const writable = can('requests.write');
  const steps = STEPS_BY_STATUS[r.status];
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {r.requesterName} · {r.categoryName}
        </Typography.Title>
        <Tag color="blue" data-testid="request-status">
          {label(REQUEST_STATUS_LABELS[r.status])}
        </Tag>
        <Countdown request={r} />
        {r.exclusionState && (
          <Tag color={r.exclusionState === 'approved' ? 'default' : 'gold'}>
            {r.exclusionReason ? label(EXCLUSION_LABELS[r.exclusionReason]) : ''} ·{' '}
            {r.exclusionState === 'pending'
              ? '待书记审批'
              : r.exclusionState === 'approved'
                ? '不纳入考核'
                : '已驳回'}
          </Tag>
        )}
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('requests.text')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {r.text}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('requests.phone')}>{r.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('requests.channel')}>
            {label(REQUEST_CHANNEL_LABELS[r.channel])}
            {r.orderNumber ? ` · ${r.orderNumber}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('requests.received')}>{time(r.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="联系时限">{time(r.contactDeadline)}</Descriptions.Item>
          <Descriptions.Item label="办结时限">{time(r.resolveDeadline)}</Descriptions.Item>
          <Descriptions.Item label={t('requests.assignee')}>{r.assigneeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('requests.community')}>
            {r.communityName}
            {r.placeName ? ` · ${r.placeName}` : ''}
          </Descriptions.Item>
          {r.escalatedAt && (
            <Descriptions.Item label="已上报街道">
              {time(r.escalatedAt)} · {r.escalationReason}
            </Descriptions.Item>
          )}
          {r.explanation && <Descriptions.Item label="未解决说明">{r.explanation}</Descriptions.Item>}
          {r.satisfaction && (
            <Descriptions.Item label="回访结果">
              {r.callbackResolved ? '已解决' : '未解决'} · {label(SATISFACTION_LABELS[r.satisfaction])}
            </Descriptions.Item>
          )}
          {r.failedCallbacks > 0 && !r.callbackAt && (
            <Descriptions.Item label="回访">
              {t('requests.failedCallbacks', { count: r.failedCallbacks })} / {FAILED_CALLBACKS_TO_CLOSE}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {writable && (
        <Card size="small" title={t('requests.actions')}>
          <Space wrap>
            {steps.map((s) => (
              <Button
                key={s}
                type={s === steps[0] ? 'primary' : 'default'}
                loading={step.isPending && step.variables?.step === s}
                data-testid={`request-step-${s}`}
                onClick={() => (NEEDS_FORM.includes(s) ? setFormStep(s) : step.mutate({ step: s }))}
              >
                {STEP_BUTTONS[s]}
              </Button>
            ))}
            <Button onClick={() => setFormStep('note')}>{STEP_BUTTONS.note}</Button>
            {!r.exclusionState || r.exclusionState === 'rejected' ? (
              <Button onClick={() => setFormStep('exclude')}>{t('requests.exclude')}</Button>
            ) : null}
            {r.exclusionState === 'pending' && can('requests.approve') && (
              <>
                <Button onClick={() => decide.mutate(true)}>{t('requests.approve')}</Button>
                <Button onClick={() => decide.mutate(false)}>{t('requests.reject')}</Button>
              </>
            )}
            <Button onClick={() => makeLink.mutate()}>{t('requests.link')}</Button>
          </Space>
          {link && (
            <Alert style={{ marginTop: 12 }} type="success" message={t('requests.linkMade', { url: link })} />
          )}
        </Card>
      )}
      <Card size="small" title={t('requests.timeline')}>
        <Timeline
          data-testid="request-timeline"
          items={r.timeline.map((e) => ({
            children: (
              <Flex vertical>
                <Typography.Text strong>{label(REQUEST_EVENT_LABELS[e.kind])}</Typography.Text>
                <Typography.Text type="secondary">
                  {time(e.at)} · {e.accountName ?? '—'}
                </Typography.Text>
                {e.note && <Typography.Text>{e.note}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      </Card>
      {formStep && (
        <StepForm
          step={formStep}
          communityId={r.communityId}
          pending={step.isPending || exclude.isPending}
          onClose={() => setFormStep(null)}
          onStep={(body) => step.mutate(body)}
          onExclude={(body) => exclude.mutate(body)}
        />
      )}
    </Flex>
  );
}

function StepForm(props: {
  step: RequestStep | 'exclude';
  communityId: number;
  pending: boolean;
  onClose: () => void;
  onStep: (body: StepBody) => void;
  onExclude: (body: { reason: string; note: string }) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm();
  const reached = Form.useWatch('reached', form);
  const staff = useQuery({
    queryKey: requestKeys.staff(props.communityId),
    queryFn: () => requestsApi.staff(props.communityId),
    enabled: props.step === 'assign',
  });
  const { step } = props;
  const title = step === 'exclude' ? t('requests.exclude') : STEP_BUTTONS[step];
  const needsNote =
    step === 'unresolve' || step === 'reopen' || step === 'escalate' || step === 'note' || step === 'exclude';
  return (
    <Modal
      open
      title={title}
      onCancel={props.onClose}
      confirmLoading={props.pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'request-step-ok' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reached: true, resolved: true, satisfaction: 'satisfied', reason: 'duplicate' }}
        onFinish={(v) => {
          if (step === 'exclude') return props.onExclude({ reason: v.reason, note: v.note });
          const body: StepBody = { step, note: v.note ?? null };
          if (step === 'callback') {
            body.reached = v.reached;
            if (v.reached) {
              body.resolved = v.resolved;
              body.satisfaction = v.satisfaction;
            }
          }
          if (step === 'assign') body.assigneeId = v.assigneeId;
          props.onStep(body);
        }}
      >
        {step === 'callback' && (
          <>
            <Form.Item name="reached">
              <Radio.Group
                options={[
                  { value: true, label: t('requests.reached') },
                  { value: false, label: t('requests.notReached') },
                ]}
              />
            </Form.Item>
            {reached && (
              <>
                <Form.Item name="resolved">
                  <Radio.Group
                    options={[
                      { value: true, label: t('requests.resolvedQ') },
                      { value: false, label: t('requests.notResolvedQ') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="satisfaction" label={t('requests.satisfaction')}>
                  <Radio.Group
                    data-testid="request-satisfaction"
                    options={SATISFACTIONS.map((s) => ({ value: s, label: label(SATISFACTION_LABELS[s]) }))}
                  />
                </Form.Item>
              </>
            )}
          </>
        )}
        {step === 'assign' && (
          <Form.Item name="assigneeId" label={t('requests.assignee')} rules={[{ required: true }]}>
            <Select options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.displayName }))} />
          </Form.Item>
        )}
        {step === 'exclude' && (
          <Form.Item name="reason">
            <Radio.Group
              options={EXCLUSION_REASONS.map((r) => ({ value: r, label: label(EXCLUSION_LABELS[r]) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('requests.note')} rules={needsNote ? [{ required: true }] : []}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="request-step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
