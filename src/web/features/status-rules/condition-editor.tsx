import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  type RiskLevel,
  type RuleCondition,
  SYMPTOM_LABELS,
  SYMPTOMS,
  type Symptom,
} from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';
import {
  type ConditionKind,
  defaultCondition,
  GROUP_KINDS,
  kindOf,
  LEAF_KINDS,
  membersOf,
  switchKind,
} from './rule-draft';

interface ConditionEditorProps {
  value: RuleCondition;
  onChange: (next: RuleCondition) => void;
  /** Absent for the rule's top condition and the only member of a group. */
  onRemove?: (() => void) | undefined;
  /** For test ids: the rule's number and the position in the tree, e.g. "2-0-1". */
  path: string;
}

// Half-edited values (a cleared number) are kept as they are: validateRules reports them.
type Loose<T> = T | null;

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

function useKindOptions() {
  const { t } = useTranslation();
  const option = (kind: ConditionKind) => ({ value: kind, label: t(`statusRules.kinds.${kind}`) });
  return [
    { label: t('statusRules.groupKinds'), options: GROUP_KINDS.map(option) },
    { label: t('statusRules.leafKinds'), options: LEAF_KINDS.map(option) },
  ];
}

/**
 * One condition of a rule as form controls: groups ("all", "any", "not") hold further conditions, drawn
 * indented with a bar so the nesting is visible without brackets; single conditions show their settings.
 */
export function ConditionEditor({ value, onChange, onRemove, path }: ConditionEditorProps) {
  const { t } = useTranslation();
  const kindOptions = useKindOptions();
  const kind = kindOf(value);

  const kindSelect = (
    <Select<ConditionKind>
      value={kind}
      onChange={(next) => onChange(switchKind(value, next))}
      options={kindOptions}
      style={{ minWidth: 190 }}
      popupMatchSelectWidth={false}
      aria-label={t('statusRules.when')}
      data-testid={`condition-kind-${path}`}
    />
  );
  const removeButton = onRemove && (
    <Button
      type="text"
      size="small"
      icon={<CloseOutlined />}
      onClick={onRemove}
      title={t('statusRules.removeCondition')}
      aria-label={t('statusRules.removeCondition')}
      data-testid={`condition-remove-${path}`}
    />
  );

  if ('all' in value || 'any' in value || 'not' in value) {
    const members = 'not' in value ? [value.not] : membersOf(value);
    const setMembers = (next: RuleCondition[]) => {
      if ('all' in value) onChange({ all: next });
      else if ('any' in value) onChange({ any: next });
      else if (next[0]) onChange({ not: next[0] });
    };
    return (
      <Flex vertical gap={8} data-testid={`condition-${path}`}>
        <Flex gap={4} align="center">
          {kindSelect}
          {removeButton}
        </Flex>
        <Flex
          vertical
          gap={8}
          style={{ borderInlineStart: '3px solid #b7eb8f', paddingInlineStart: 12, marginInlineStart: 6 }}
        >
          {members.map((member, i) => (
            <ConditionEditor
              // Members have no identity of their own; they are edited in place, so the index is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              value={member}
              path={`${path}-${i}`}
              onChange={(next) => setMembers(replaceAt(members, i, next))}
              onRemove={
                'not' in value || members.length < 2
                  ? undefined
                  : () => setMembers(members.filter((_, j) => j !== i))
              }
            />
          ))}
          {!('not' in value) && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: kindOptions.map((group, g) => ({
                  type: 'group' as const,
                  key: `group-${g}`,
                  label: group.label,
                  children: group.options.map((o) => ({ key: o.value, label: o.label })),
                })),
                onClick: ({ key }) => setMembers([...members, defaultCondition(key as ConditionKind)]),
              }}
            >
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'flex-start' }}
                data-testid={`condition-add-${path}`}
              >
                {t('statusRules.addCondition')}
              </Button>
            </Dropdown>
          )}
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex gap={8} align="center" wrap data-testid={`condition-${path}`}>
      {kindSelect}
      <LeafSettings value={value} onChange={onChange} path={path} />
      {removeButton}
    </Flex>
  );
}

function LeafSettings({
  value,
  onChange,
  path,
}: {
  value: RuleCondition;
  onChange: (next: RuleCondition) => void;
  path: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const levelOptions = RISK_LEVELS.map((level) => ({ value: level, label: label(RISK_LEVEL_LABELS[level]) }));
  const days = (current: number, set: (days: number) => void) => (
    <>
      <InputNumber<number>
        value={current}
        onChange={(v: Loose<number>) => set(v as number)}
        min={1}
        max={60}
        precision={0}
        style={{ width: 72 }}
        aria-label={t('statusRules.withinDays')}
        data-testid={`condition-days-${path}`}
      />
      <Typography.Text>{t('statusRules.withinDays')}</Typography.Text>
    </>
  );

  if ('temperatureAtLeast' in value) {
    return (
      <InputNumber<number>
        value={value.temperatureAtLeast}
        onChange={(v: Loose<number>) => onChange({ temperatureAtLeast: v as number })}
        step={0.1}
        precision={1}
        suffix={t('statusRules.celsius')}
        style={{ width: 110 }}
        aria-label={t('statusRules.kinds.temperatureAtLeast')}
        data-testid={`condition-temperature-${path}`}
      />
    );
  }
  if ('symptomAny' in value) {
    return (
      <Select<Symptom[]>
        mode="multiple"
        value={value.symptomAny}
        onChange={(symptoms) => onChange({ symptomAny: symptoms })}
        options={SYMPTOMS.map((s) => ({ value: s, label: label(SYMPTOM_LABELS[s]) }))}
        placeholder={t('statusRules.symptomsPlaceholder')}
        style={{ minWidth: 240, flex: 1 }}
        aria-label={t('statusRules.kinds.symptomAny')}
        data-testid={`condition-symptoms-${path}`}
      />
    );
  }
  if ('visitedRisk' in value) {
    const { level, withinDays } = value.visitedRisk;
    return (
      <Flex gap={6} align="center" wrap>
        {days(withinDays, (d) => onChange({ visitedRisk: { level, withinDays: d } }))}
        <Select<RiskLevel>
          value={level}
          onChange={(l) => onChange({ visitedRisk: { level: l, withinDays } })}
          options={levelOptions}
          style={{ width: 120 }}
          data-testid={`condition-level-${path}`}
        />
        <Typography.Text>{t('statusRules.orHigher')}</Typography.Text>
      </Flex>
    );
  }
  if ('contactRiskAreaPeople' in value) {
    return (
      <Flex gap={6} align="center">
        {days(value.contactRiskAreaPeople.withinDays, (d) =>
          onChange({ contactRiskAreaPeople: { withinDays: d } }),
        )}
      </Flex>
    );
  }
  if ('homeConditionsMet' in value) {
    return (
      <Radio.Group
        optionType="button"
        size="small"
        value={value.homeConditionsMet}
        onChange={(e) => onChange({ homeConditionsMet: e.target.value as boolean })}
        options={[
          { value: true, label: t('statusRules.homeMet') },
          { value: false, label: t('statusRules.homeNotMet') },
        ]}
        data-testid={`condition-home-${path}`}
      />
    );
  }
  // contactConfirmedCase has nothing to set.
  return null;
}
