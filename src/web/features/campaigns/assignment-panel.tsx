import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Select, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, type Role } from '../../../shared/auth/roles';
import { groupByCompound } from '../../../shared/places/compound-groups';
import { ALL_COMPOUNDS, CompoundFilter, filterGroups } from '../../shared/compound-filter';
import { ErrorAlert, errorText, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { AssignByCompound } from './assign-by-compound';
import { campaignKeys, campaignsApi, type Unit } from './campaigns-api';
import { SuggestionTable } from './suggestion-table';

const unitKey = (u: Pick<Unit, 'buildingId' | 'entranceId'>) => `${u.buildingId}:${u.entranceId ?? 0}`;

/**
 * 分派: give a compound or a range of its buildings to one person; tick buildings or entrances and give
 * them to one person (and team) in one go; or pick the people going out tonight and edit and apply the
 * suggested split, which balances households left to visit. The table shows one compound at a time.
 */
export function AssignmentPanel({
  campaignId,
  editable,
  governance = false,
}: {
  campaignId: number;
  editable: boolean;
  /** A governance campaign's units are buildings checked once each: no household counts. */
  governance?: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [person, setPerson] = useState<number | undefined>();
  const [team, setTeam] = useState('');
  const [crew, setCrew] = useState<number[]>([]);
  // Undefined: the first compound. One compound at a time keeps a 54-building table a page long, not ten.
  const [compound, setCompound] = useState<string | undefined>();
  const data = useQuery({
    queryKey: campaignKeys.assignments(campaignId),
    queryFn: () => campaignsApi.assignments(campaignId),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: campaignKeys.assignments(campaignId) });
    void queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'progress'] });
  };
  const assign = useMutation({
    mutationFn: (items: Parameters<typeof campaignsApi.assign>[1]) => campaignsApi.assign(campaignId, items),
    onSuccess: ({ assigned }) => {
      setSelected([]);
      refresh();
      void message.success(t('campaigns.assigned', { count: assigned }));
    },
  });
  const unassign = useMutation({
    mutationFn: (assignmentId: number) => campaignsApi.unassign(campaignId, assignmentId),
    onSuccess: refresh,
    onError: notifyError,
  });
  const suggestion = useMutation({ mutationFn: () => campaignsApi.suggest(campaignId, crew) });

  if (data.isPending) return <Spin />;
  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const { units, assignments, people } = data.data;
  const byKey = new Map(assignments.map((a) => [unitKey(a), a]));
  const personOptions = people.map((p) => ({
    value: p.id,
    label: `${p.displayName}（${label(ROLE_LABELS[p.role as Role])}）`,
  }));

  // Whole buildings first, then their entrances, so an entrance can be given to someone else.
  const rows = units.flatMap((u, i) => {
    const building = i === 0 || units[i - 1]?.buildingId !== u.buildingId;
    const total = units.filter((x) => x.buildingId === u.buildingId);
    const head = building
      ? [
          {
            buildingId: u.buildingId,
            buildingName: u.buildingName,
            compoundId: u.compoundId,
            compoundName: u.compoundName,
            entranceId: null,
            entranceName: null,
            households: total.reduce((n, x) => n + x.households, 0),
            done: total.reduce((n, x) => n + x.done, 0),
          },
        ]
      : [];
    return u.entranceId ? [...head, u] : head;
  });
  const groups = groupByCompound(rows);
  const current =
    compound ?? groups.find((g) => g.compoundId !== null)?.key ?? groups[0]?.key ?? ALL_COMPOUNDS;
  const shownRows = filterGroups(groups, current).flatMap((g) => g.items);

  return (
    <Flex vertical gap={12}>
      {editable && (
        <Card size="small" title={t('campaigns.suggestTitle')}>
          <Flex gap={8} wrap>
            <Select
              mode="multiple"
              style={{ minWidth: 280, flex: 1 }}
              placeholder={t('campaigns.suggestPeople')}
              options={personOptions}
              value={crew}
              onChange={setCrew}
              data-testid="suggest-people"
            />
            <Button
              disabled={crew.length === 0}
              loading={suggestion.isPending}
              onClick={() => suggestion.mutate()}
              data-testid="suggest-run"
            >
              {t('campaigns.suggest')}
            </Button>
          </Flex>
          {suggestion.isError && <Alert type="error" showIcon title={errorText(suggestion.error)} />}
          {suggestion.data && (
            <SuggestionTable
              key={suggestion.submittedAt}
              suggestion={suggestion.data}
              people={personOptions}
              governance={governance}
              applying={assign.isPending}
              onApply={(items) => assign.mutate(items)}
            />
          )}
        </Card>
      )}
      {editable && (
        <AssignByCompound
          units={units}
          people={personOptions}
          applying={assign.isPending}
          onAssign={(items) => assign.mutate(items)}
        />
      )}
      {editable && (
        <Flex gap={8} wrap align="center">
          <Typography.Text>{t('campaigns.selectedCount', { count: selected.length })}</Typography.Text>
          <Select
            style={{ minWidth: 240 }}
            placeholder={t('campaigns.assignTo')}
            options={personOptions}
            value={person}
            onChange={setPerson}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="assign-person"
          />
          <Input
            style={{ width: 140 }}
            placeholder={t('campaigns.teamPlaceholder')}
            value={team}
            maxLength={30}
            onChange={(e) => setTeam(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!person || selected.length === 0}
            loading={assign.isPending}
            data-testid="assign-selected"
            onClick={() =>
              assign.mutate(
                selected.map((key) => {
                  const [b, e] = key.split(':').map(Number);
                  return {
                    buildingId: b as number,
                    entranceId: e || null,
                    accountId: person as number,
                    team: team || null,
                  };
                }),
              )
            }
          >
            {t('campaigns.assign')}
          </Button>
        </Flex>
      )}
      {assign.isError && <Alert type="error" showIcon title={errorText(assign.error)} />}
      <CompoundFilter groups={groups} value={current} onChange={setCompound} />
      <Table
        size="small"
        rowKey={unitKey}
        pagination={false}
        dataSource={shownRows}
        rowSelection={
          editable
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
            : undefined
        }
        columns={[
          {
            title: t('campaigns.unit'),
            render: (_, u) =>
              u.entranceId ? (
                <span style={{ paddingLeft: 16 }}>{u.entranceName}</span>
              ) : (
                <span>
                  {u.compoundName && <Typography.Text type="secondary">{u.compoundName} </Typography.Text>}
                  <b>{u.buildingName}</b>
                </span>
              ),
          },
          ...(governance
            ? [
                {
                  title: t('campaigns.checkState'),
                  render: (_: unknown, u: Unit) =>
                    u.done > 0 ? t('campaigns.checked') : t('campaigns.notChecked'),
                },
              ]
            : [
                { title: t('campaigns.households'), dataIndex: 'households' },
                { title: t('campaigns.doneShort'), dataIndex: 'done' },
              ]),
          {
            title: t('campaigns.assignee'),
            render: (_, u) => {
              const a = byKey.get(unitKey(u));
              if (!a) {
                // An entrance without its own assignment is covered by whoever has the whole building.
                const whole = u.entranceId
                  ? byKey.get(unitKey({ buildingId: u.buildingId, entranceId: null }))
                  : undefined;
                return (
                  <Typography.Text type="secondary">
                    {whole ? t('campaigns.withBuilding', { name: whole.displayName }) : '—'}
                  </Typography.Text>
                );
              }
              return (
                <Flex gap={8} align="center">
                  <span data-testid="assignee">
                    {a.displayName}
                    {a.team ? `（${a.team}）` : ''}
                  </span>
                  {editable && (
                    <Button size="small" type="link" onClick={() => unassign.mutate(a.id)}>
                      {t('campaigns.unassign')}
                    </Button>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}
