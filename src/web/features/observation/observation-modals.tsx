import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  type ButtonProps,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ELIGIBILITY_CHECKLIST,
  OBSERVATION_REASONS,
  SYMPTOM_LABELS,
  SYMPTOMS,
} from '../../../shared/observation';
import { errorText } from '../../shared/error-display';
import { newPhoneId } from '../../shared/phone-id';
import { type ObservationOut, observationApi, observationKeys } from './observation-api';

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: observationKeys.all });
};

/** A staff reading: a phone call or a doorstep visit. The client id makes a double tap harmless. */
export function CheckinModal({ observation, onClose }: { observation: ObservationOut; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [clientId] = useState(() => newPhoneId().replace(/-/g, ''));
  const [form] = Form.useForm<{ temperature: number; symptoms: string[]; channel: 'phone' | 'visit' }>();
  const [answer, setAnswer] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { temperature: number; symptoms: string[]; channel: 'phone' | 'visit' }) =>
      observationApi.checkin({
        observationId: observation.id,
        clientId,
        temperature: v.temperature,
        symptoms: v.symptoms ?? [],
        channel: v.channel,
      }),
    onSuccess: (a) => {
      refresh();
      setAnswer(
        a.duplicate
          ? t('observation.duplicate')
          : a.alarming
            ? t('observation.recordedAlert')
            : t('observation.recorded'),
      );
    },
  });
  return (
    <Modal
      open
      title={`${t('observation.record')} · ${observation.name}`}
      onCancel={onClose}
      onOk={() => (answer ? onClose() : form.submit())}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'checkin-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone', symptoms: [] }}
        onFinish={(v) => save.mutate(v)}
        disabled={answer !== null}
      >
        <Form.Item name="channel" label={t('observation.channel')}>
          <Radio.Group
            options={(['phone', 'visit'] as const).map((c) => ({
              value: c,
              label: t(`observation.channels.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="temperature" label={t('observation.temperature')} rules={[{ required: true }]}>
          <InputNumber min={34} max={43} step={0.1} precision={1} data-testid="checkin-temperature" />
        </Form.Item>
        <Form.Item name="symptoms" label={t('observation.symptoms')}>
          <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: SYMPTOM_LABELS[s].zh }))} />
        </Form.Item>
      </Form>
      {answer && <Alert type="success" message={answer} data-testid="checkin-answer" />}
      {save.isError && <Alert type="error" message={errorText(save.error)} />}
    </Modal>
  );
}

export type ChangeKind = 'extend' | 'shorten' | 'end';

/** Extend (days + reason), shorten (a new end + reason; the secretary) or end (reason). */
export function ChangeModal({
  observation,
  kind,
  onClose,
}: {
  observation: ObservationOut;
  kind: ChangeKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { days?: number; plannedEnd?: { format: (f: string) => string }; reason: string }) =>
      kind === 'extend'
        ? observationApi.extend(observation.id, { days: v.days ?? 1, reason: v.reason })
        : kind === 'shorten'
          ? observationApi.shorten(observation.id, {
              plannedEnd: v.plannedEnd?.format('YYYY-MM-DD') ?? '',
              reason: v.reason,
            })
          : observationApi.end(observation.id, { reason: v.reason }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t(`observation.${kind}`)} · ${observation.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {kind === 'extend' && (
          <Form.Item name="days" label={t('observation.days')} initialValue={7} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        )}
        {kind === 'shorten' && (
          <Form.Item name="plannedEnd" label={t('observation.newEnd')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('observation.changeReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {save.isError && <Alert type="error" message={errorText(save.error)} />}
    </Modal>
  );
}

/** Makes a new personal link and shows it to send. */
export function LinkModal({ observation, onClose }: { observation: ObservationOut; onClose: () => void }) {
  const { t } = useTranslation();
  const made = useMutation({ mutationFn: () => observationApi.link(observation.id) });
  const { mutate } = made;
  useEffect(() => mutate(), [mutate]);
  const url = made.data ? `${window.location.origin}${made.data.path}` : '';
  return (
    <Modal
      open
      title={`${t('observation.link')} · ${observation.name}`}
      onCancel={onClose}
      onOk={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('observation.linkMade')}</Typography.Paragraph>
      <Typography.Paragraph copyable={url ? { text: url } : false} data-testid="observation-link">
        {url}
      </Typography.Paragraph>
      {made.isError && <Alert type="error" message={errorText(made.error)} />}
    </Modal>
  );
}

interface StartValues {
  kind: 'home' | 'centralised';
  reason: string;
  dayOne?: { format: (f: string) => string };
  note?: string;
  checks?: string[];
  site?: string;
  siteRoom?: string;
}

/**
 * Start an observation for a resident. Home observation is judged against the checklist first: a failed
 * checklist makes a "persuade to centralised" task and starts nothing.
 */
export function StartObservationModal({ residentId, onClose }: { residentId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [form] = Form.useForm<StartValues>();
  const kind = Form.useWatch('kind', form) ?? 'home';
  const [message, setMessage] = useState<{ type: 'success' | 'warning'; text: string } | null>(null);
  const save = useMutation({
    mutationFn: async (v: StartValues) => {
      if (v.kind === 'home') {
        const answers = Object.fromEntries(
          ELIGIBILITY_CHECKLIST.items.map((i) => [i.key, (v.checks ?? []).includes(i.key)]),
        );
        const judged = await observationApi.eligibility({ residentId, answers });
        if (!judged.passed)
          return {
            type: 'warning' as const,
            text: t('observation.ineligible', { items: judged.failures.map((f) => f.zh).join('、') }),
          };
        const started = await observationApi.start({
          residentId,
          kind: 'home',
          reason: v.reason,
          dayOne: v.dayOne?.format('YYYY-MM-DD'),
          note: v.note || null,
          eligibility: answers,
        });
        return {
          type: 'success' as const,
          text: t('observation.started', { end: started.observation.plannedEnd }),
        };
      }
      const started = await observationApi.start({
        residentId,
        kind: 'centralised',
        reason: v.reason,
        dayOne: v.dayOne?.format('YYYY-MM-DD'),
        note: v.note || null,
        site: v.site || null,
        siteRoom: v.siteRoom || null,
      });
      return {
        type: 'success' as const,
        text: t('observation.started', { end: started.observation.plannedEnd }),
      };
    },
    onSuccess: (m) => {
      refresh();
      setMessage(m);
    },
  });
  return (
    <Modal
      open
      title={t('observation.startTitle')}
      onCancel={onClose}
      onOk={() => (message ? onClose() : form.submit())}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'start-observation-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'home', reason: 'returnee', checks: [] }}
        onFinish={(v) => save.mutate(v)}
        disabled={message !== null}
      >
        <Form.Item name="kind" label={t('observation.kind')}>
          <Radio.Group
            options={(['home', 'centralised'] as const).map((k) => ({
              value: k,
              label: t(`observation.kinds.${k}`),
            }))}
            data-testid="start-kind"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('observation.reason')}>
          <Select
            options={OBSERVATION_REASONS.map((r) => ({ value: r, label: t(`observation.reasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="dayOne" label={t('observation.dayOne')}>
          <DatePicker />
        </Form.Item>
        {kind === 'home' ? (
          <Form.Item name="checks" label={t('observation.eligibility')}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column' }}
              options={ELIGIBILITY_CHECKLIST.items.map((i) => ({ value: i.key, label: i.label.zh }))}
              data-testid="start-checklist"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="site" label={t('observation.site')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="siteRoom" label={t('observation.siteRoom')}>
              <Input maxLength={30} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('observation.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
      {message && <Alert type={message.type} message={message.text} data-testid="start-answer" />}
      {save.isError && <Alert type="error" message={errorText(save.error)} data-testid="start-error" />}
    </Modal>
  );
}
