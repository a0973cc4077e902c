import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CheckInState, uncoveredHoursOf } from '../../../shared/access/duty';
import {
  addDays,
  beijingInstant,
  beijingToday,
  daysBetween,
  formatBeijingShort,
  formatBeijingTime,
} from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { accessApi, accessKeys, type ConsoleGate } from './access-api';
import { dutyApi, type ShiftItem } from './duty-api';
import { InspectionsCard } from './duty-inspections';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const STATE_COLORS: Record<CheckInState, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  upcoming: 'default',
};

/** Gate duty: the week grid of shifts per gate (uncovered hours in red) and the inspections. */
export function DutyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const gates = useQuery({ queryKey: accessKeys.gates, queryFn: accessApi.gates });
  const [gateId, setGateId] = useState<number | null>(null);
  const gate = gates.data?.find((g) => g.id === gateId) ?? gates.data?.[0];
  const [from, setFrom] = useState(beijingToday());
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('access.duty.title')}
        </Typography.Title>
        <Link to="/access">{t('access.view.back')}</Link>
      </Flex>
      {gates.isError && <ErrorAlert error={gates.error} onRetry={() => void gates.refetch()} />}
      {gates.data && gates.data.length === 0 && (
        <Typography.Text type="secondary">{t('access.duty.noGates')}</Typography.Text>
      )}
      {gate && (
        <>
          <Flex gap={12} align="center" wrap>
            <Select
              style={{ minWidth: 220 }}
              value={gate.id}
              onChange={setGateId}
              options={(gates.data ?? []).map((g) => ({
                value: g.id,
                label: `${g.compoundName} · ${g.name}`,
              }))}
              data-testid="duty-gate"
            />
            <Button onClick={() => setFrom(addDays(from, -7))}>{t('access.duty.prevWeek')}</Button>
            <Input
              type="date"
              style={{ width: 160 }}
              value={from}
              onChange={(e) => e.target.value && setFrom(e.target.value)}
            />
            <Button onClick={() => setFrom(addDays(from, 7))}>{t('access.duty.nextWeek')}</Button>
            <Typography.Text type="secondary">
              {t('access.duty.openingHours', { hours: gate.openingHours ?? t('access.duty.allDay') })}
            </Typography.Text>
          </Flex>
          <WeekCard gate={gate} from={from} manage={can('access.manage')} />
          <InspectionsCard gate={gate} inspect={can('duty.inspect')} />
        </>
      )}
    </Flex>
  );
}

function WeekCard({ gate, from, manage }: { gate: ConsoleGate; from: string; manage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const to = addDays(from, 6);
  const key = ['access', 'shifts', gate.id, from] as const;
  const week = useQuery({
    queryKey: key,
    queryFn: () => dutyApi.shifts(gate.id, from, to),
    refetchInterval: 60_000,
  });
  const remove = useMutation({
    mutationFn: dutyApi.deleteShift,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['access', 'shifts'] }),
    onError: notifyError,
  });
  const stateText = (s: ShiftItem) =>
    s.checkedInAt
      ? `${t(`access.duty.state.${s.state}`)} ${formatBeijingTime(s.checkedInAt)}`
      : t(`access.duty.state.${s.state}`);
  return (
    <Card title={t('access.duty.week', { gate: gate.name })}>
      {week.isError && <ErrorAlert error={week.error} onRetry={() => void week.refetch()} />}
      {week.data && (
        <Flex vertical gap="middle">
          <div style={{ overflowX: 'auto' }}>
            <table
              className="duty-grid"
              style={{ borderCollapse: 'collapse', fontSize: 12 }}
              data-testid="duty-grid"
            >
              <thead>
                <tr>
                  <th />
                  {HOURS.map((h) => (
                    <th key={h} style={{ width: 26, fontWeight: 400 }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {week.data.days.map((day) => {
                  const red = uncoveredHoursOf(day, week.data.uncovered);
                  return (
                    <tr key={day}>
                      <td style={{ paddingRight: 8, whiteSpace: 'nowrap' }}>{day.slice(5)}</td>
                      {HOURS.map((h) => (
                        <td
                          key={h}
                          title={red.has(h) ? t('access.duty.uncovered') : undefined}
                          data-uncovered={red.has(h) ? 'true' : undefined}
                          style={{
                            height: 22,
                            border: '1px solid #f0f0f0',
                            background: red.has(h)
                              ? '#ff4d4f'
                              : covered(week.data.items, day, h)
                                ? '#b7eb8f'
                                : '#fafafa',
                          }}
                        />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Typography.Text type="secondary">{t('access.duty.legend')}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={week.data.items}
            columns={[
              { title: t('access.duty.start'), render: (_, s) => formatBeijingShort(s.startsAt) },
              { title: t('access.duty.end'), render: (_, s) => formatBeijingShort(s.endsAt) },
              { title: t('access.duty.person'), dataIndex: 'accountName' },
              { title: t('access.duty.note'), dataIndex: 'note' },
              {
                title: t('access.duty.checkIn'),
                render: (_, s) => <Tag color={STATE_COLORS[s.state]}>{stateText(s)}</Tag>,
              },
              ...(manage
                ? [
                    {
                      title: '',
                      render: (_: unknown, s: ShiftItem) => (
                        <Popconfirm
                          title={t('access.duty.deleteConfirm')}
                          onConfirm={() => remove.mutate(s.id)}
                        >
                          <Button size="small" danger>
                            {t('access.duty.delete')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {manage && <ShiftForm gate={gate} defaultFrom={from} />}
        </Flex>
      )}
    </Card>
  );
}

/** Whether any shift covers part of hour `h` of `day` (the green cells). */
function covered(items: ShiftItem[], day: string, h: number) {
  const start = beijingInstant(day, `${String(h).padStart(2, '0')}:00`).getTime();
  const end = start + 3_600_000;
  return items.some((s) => new Date(s.startsAt).getTime() < end && new Date(s.endsAt).getTime() > start);
}

interface ShiftFormValues {
  accountId: number;
  fromDay: string;
  toDay: string;
  start: string;
  end: string;
  note?: string;
}

function ShiftForm({ gate, defaultFrom }: { gate: ConsoleGate; defaultFrom: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<ShiftFormValues>();
  const people = useQuery({
    queryKey: ['access', 'duty-accounts', gate.id],
    queryFn: () => dutyApi.accounts(gate.id),
  });
  const create = useMutation({
    mutationFn: (v: ShiftFormValues) => {
      const count = daysBetween(v.fromDay, v.toDay) + 1;
      // An end at or before the start is the next morning: a night shift.
      const overnight = v.end <= v.start;
      const shifts = Array.from({ length: Math.max(0, count) }, (_, i) => {
        const day = addDays(v.fromDay, i);
        return {
          startsAt: beijingInstant(day, v.start).toISOString(),
          endsAt: beijingInstant(overnight ? addDays(day, 1) : day, v.end).toISOString(),
        };
      });
      return dutyApi.createShifts({ gateId: gate.id, accountId: v.accountId, note: v.note || null, shifts });
    },
    onSuccess: (res) => {
      message.success(t('access.duty.created', { count: res.ids.length }));
      void queryClient.invalidateQueries({ queryKey: ['access', 'shifts'] });
    },
    onError: notifyError,
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ fromDay: defaultFrom, toDay: addDays(defaultFrom, 6), start: '08:00', end: '16:00' }}
      onFinish={(v) => create.mutate(v)}
      data-testid="shift-form"
    >
      <Form.Item name="accountId" label={t('access.duty.person')} rules={[{ required: true }]}>
        <Select
          style={{ minWidth: 160 }}
          loading={people.isLoading}
          options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
        />
      </Form.Item>
      <Form.Item name="fromDay" label={t('access.duty.fromDay')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="toDay"
        label={t('access.duty.toDay')}
        dependencies={['fromDay']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value: string) => {
              const span = value ? daysBetween(getFieldValue('fromDay'), value) : 0;
              return span >= 0 && span < 31
                ? Promise.resolve()
                : Promise.reject(new Error(t('access.duty.badRange')));
            },
          }),
        ]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item name="start" label={t('access.duty.start')} rules={[{ required: true }]}>
        <Input type="time" />
      </Form.Item>
      <Form.Item
        name="end"
        label={t('access.duty.end')}
        rules={[{ required: true }]}
        extra={t('access.duty.overnight')}
      >
        <Input type="time" />
      </Form.Item>
      <Form.Item name="note" label={t('access.duty.note')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('access.duty.add')}
      </Button>
    </Form>
  );
}
