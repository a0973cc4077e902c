import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  type PersonStatus,
  type StatusRule,
} from '../../../shared/declarations';
import type { ObservationFrom } from '../../../shared/declarations/status-rules';
import { useLabel, useLang } from '../../shared/i18n';
import { StatusTag } from '../declarations/status-tag';
import { ConditionEditor } from './condition-editor';
import { describeCondition, describeObservation } from './describe-condition';
import { isObservationStatus, withStatus } from './rule-draft';

const MATCHED_STYLE = { borderColor: '#52c41a', boxShadow: '0 0 0 2px rgba(82, 196, 26, 0.2)' };

interface RuleViewProps {
  rule: StatusRule;
  /** 1-based position in the evaluation order. */
  n: number;
  /** The "try it" panel's resident fits this rule. */
  matched: boolean;
}

function RuleTitle({ n, priority }: { n: number; priority: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Space size={8} wrap>
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {t('statusRules.rule', { n })}
      </Tag>
      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
        {t('statusRules.priority')}
      </Typography.Text>
      {priority}
    </Space>
  );
}

function MatchedMark({ matched }: { matched: boolean }) {
  const { t } = useTranslation();
  if (!matched) return null;
  return (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="rule-matched">
      {t('statusRules.try.hit')}
    </Tag>
  );
}

/** A rule as staff read it: what it looks at in plain words, what it gives, and why. */
export function RuleView({ rule, n, matched }: RuleViewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useLabel();
  const observation = describeObservation(rule.outcome, lang);
  return (
    <Card
      size="small"
      title={<RuleTitle n={n} priority={<Typography.Text strong>{rule.priority}</Typography.Text>} />}
      extra={
        // The rule is named by its number and its reason; its code is for the editor only.
        <MatchedMark matched={matched} />
      }
      style={matched ? MATCHED_STYLE : undefined}
      data-testid={`rule-${n}`}
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { minWidth: 72, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'when',
            label: t('statusRules.when'),
            children: <span data-testid={`rule-${n}-condition`}>{describeCondition(rule.when, lang)}</span>,
          },
          {
            key: 'outcome',
            label: t('statusRules.outcome'),
            children: (
              <Space size={8} wrap>
                <StatusTag status={rule.outcome.status} />
                {observation && <Typography.Text>{observation}</Typography.Text>}
              </Space>
            ),
          },
          { key: 'reason', label: t('statusRules.reason'), children: label(rule.reason) },
        ]}
      />
    </Card>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{label}</Typography.Text>
      {children}
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Flex>
  );
}

interface RuleEditorProps extends RuleViewProps {
  count: number;
  errors: string[];
  onChange: (rule: StatusRule) => void;
  onMove: (step: -1 | 1) => void;
  onDelete: () => void;
}

/** The same rule as controls, for district officers. Nothing here checks values: validateRules does. */
export function RuleEditor({ rule, n, count, matched, errors, onChange, onMove, onDelete }: RuleEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useLabel();
  const { outcome } = rule;
  const observing = isObservationStatus(outcome.status);

  return (
    <Card
      size="small"
      title={
        <RuleTitle
          n={n}
          priority={
            <InputNumber<number>
              value={rule.priority}
              onChange={(v) => onChange({ ...rule, priority: v as number })}
              precision={0}
              size="small"
              style={{ width: 80 }}
              aria-label={t('statusRules.priority')}
              title={t('statusRules.priorityHint')}
              data-testid={`rule-${n}-priority`}
            />
          }
        />
      }
      extra={
        <Space size={0}>
          <MatchedMark matched={matched} />
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={n === 1}
            onClick={() => onMove(-1)}
            title={t('statusRules.moveUp')}
            aria-label={t('statusRules.moveUp')}
            data-testid={`rule-${n}-up`}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={n === count}
            onClick={() => onMove(1)}
            title={t('statusRules.moveDown')}
            aria-label={t('statusRules.moveDown')}
            data-testid={`rule-${n}-down`}
          />
          <Popconfirm
            title={t('statusRules.deleteConfirm')}
            okText={t('statusRules.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={onDelete}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              title={t('statusRules.delete')}
              aria-label={t('statusRules.delete')}
              data-testid={`rule-${n}-delete`}
            />
          </Popconfirm>
        </Space>
      }
      style={matched ? MATCHED_STYLE : errors.length > 0 ? { borderColor: '#ff7875' } : undefined}
      data-testid={`rule-${n}`}
    >
      <Flex vertical gap={16}>
        <Field label={t('statusRules.when')}>
          <ConditionEditor
            value={rule.when}
            onChange={(when) => onChange({ ...rule, when })}
            path={String(n)}
          />
          <Typography.Text type="secondary" data-testid={`rule-${n}-condition`}>
            {t('statusRules.readsAs')}
            {t('declarations.colon')}
            {describeCondition(rule.when, lang)}
          </Typography.Text>
        </Field>
        <Field label={t('statusRules.outcome')}>
          <Flex gap={8} align="center" wrap>
            <Select<PersonStatus>
              value={outcome.status}
              onChange={(status) => onChange({ ...rule, outcome: withStatus(outcome, status) })}
              options={PERSON_STATUSES.map((s) => ({ value: s, label: label(PERSON_STATUS_LABELS[s]) }))}
              style={{ minWidth: 220 }}
              popupMatchSelectWidth={false}
              aria-label={t('statusRules.status')}
              data-testid={`rule-${n}-status`}
            />
            {observing && (
              <>
                <Typography.Text>{t('statusRules.observationDays')}</Typography.Text>
                <InputNumber<number>
                  value={outcome.observationDays}
                  onChange={(v) =>
                    onChange({ ...rule, outcome: { ...outcome, observationDays: v as number } })
                  }
                  min={1}
                  max={60}
                  precision={0}
                  suffix={t('statusRules.days')}
                  style={{ width: 100 }}
                  aria-label={t('statusRules.observationDays')}
                  data-testid={`rule-${n}-days`}
                />
                <Typography.Text>{t('statusRules.observationFrom')}</Typography.Text>
                <Radio.Group
                  optionType="button"
                  value={outcome.observationFrom ?? 'return_date'}
                  onChange={(e) =>
                    onChange({
                      ...rule,
                      outcome: { ...outcome, observationFrom: e.target.value as ObservationFrom },
                    })
                  }
                  options={(['return_date', 'declared_on'] as const).map((from) => ({
                    value: from,
                    label: t(`statusRules.from.${from}`),
                  }))}
                  data-testid={`rule-${n}-from`}
                />
              </>
            )}
          </Flex>
        </Field>
        <Field label={t('statusRules.reason')} hint={t('statusRules.reasonHint')}>
          <Flex gap={8} wrap>
            <Input
              value={rule.reason.zh}
              onChange={(e) => onChange({ ...rule, reason: { ...rule.reason, zh: e.target.value } })}
              placeholder={t('statusRules.reasonZh')}
              prefix={<Typography.Text type="secondary">中</Typography.Text>}
              maxLength={200}
              style={{ flex: '1 1 260px' }}
              aria-label={t('statusRules.reasonZh')}
              data-testid={`rule-${n}-reason-zh`}
            />
            <Input
              value={rule.reason.en}
              onChange={(e) => onChange({ ...rule, reason: { ...rule.reason, en: e.target.value } })}
              placeholder={t('statusRules.reasonEn')}
              prefix={<Typography.Text type="secondary">EN</Typography.Text>}
              maxLength={200}
              style={{ flex: '1 1 260px' }}
              aria-label={t('statusRules.reasonEn')}
              data-testid={`rule-${n}-reason-en`}
            />
          </Flex>
        </Field>
        <Field label={t('statusRules.ruleId')} hint={t('statusRules.ruleIdHint')}>
          <Input
            value={rule.id}
            onChange={(e) => onChange({ ...rule, id: e.target.value })}
            maxLength={60}
            style={{ maxWidth: 280 }}
            aria-label={t('statusRules.ruleId')}
            data-testid={`rule-${n}-id`}
          />
        </Field>
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            }
            data-testid={`rule-${n}-errors`}
          />
        )}
      </Flex>
    </Card>
  );
}
