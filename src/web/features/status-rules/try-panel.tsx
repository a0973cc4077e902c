import {
  Alert,
  Button,
  Card,
  Checkbox,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  type StatusResult,
  SYMPTOM_LABELS,
  SYMPTOMS,
} from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';
import { StatusTag } from '../declarations/status-tag';
import type { TryInput } from './try-facts';

/** A result and the rule that gave it; `n` is the rule's place in the order shown, null when none fit. */
export interface TryOutcome {
  result: StatusResult;
  n: number | null;
}

interface TryPanelProps {
  input: TryInput;
  onChange: (input: TryInput) => void;
  onReset: () => void;
  editing: boolean;
  /** Under the rules shown; null while the rules being edited have errors. */
  outcome: TryOutcome | null;
  /** Under the rules in effect, shown beside while edits are not saved yet. */
  savedOutcome: TryOutcome | null;
}

function OutcomeView({ outcome, testId }: { outcome: TryOutcome; testId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { result, n } = outcome;
  return (
    <Flex vertical gap={4} data-testid={testId}>
      <div>
        <StatusTag status={result.status} large />
      </div>
      <Typography.Text>
        {n === null ? t('statusRules.try.noneMatched') : t('statusRules.try.matched', { n })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('statusRules.reason')}
        {t('declarations.colon')}
        {label(result.reason)}
      </Typography.Text>
      {result.observationUntil && (
        <Typography.Text>
          {t('statusRules.try.observationUntil', { date: result.observationUntil })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 试一试: an imaginary resident run through the rules, so officers see what an edit does before saving. */
export function TryPanel({ input, onChange, onReset, editing, outcome, savedOutcome }: TryPanelProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const set = <K extends keyof TryInput>(key: K, value: TryInput[K]) => onChange({ ...input, [key]: value });
  const yesNo = [
    { value: true, label: t('statusRules.try.yes') },
    { value: false, label: t('statusRules.try.no') },
  ];

  return (
    <Card
      size="small"
      title={t('statusRules.try.title')}
      extra={
        <Button size="small" onClick={onReset} data-testid="try-reset">
          {t('statusRules.try.reset')}
        </Button>
      }
      data-testid="try-panel"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {editing ? t('statusRules.try.introEditing') : t('statusRules.try.intro')}
      </Typography.Paragraph>
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('statusRules.try.temperature')} style={{ marginBottom: 12 }}>
          <InputNumber<number>
            value={input.temperature}
            onChange={(v) => set('temperature', v)}
            min={34}
            max={43}
            step={0.1}
            precision={1}
            suffix={t('statusRules.celsius')}
            placeholder={t('statusRules.try.temperaturePlaceholder')}
            style={{ width: 190 }}
            data-testid="try-temperature"
          />
        </Form.Item>
        <Form.Item label={t('statusRules.try.symptoms')} style={{ marginBottom: 12 }}>
          <Checkbox.Group
            value={input.symptoms}
            onChange={(symptoms) => set('symptoms', symptoms)}
            options={SYMPTOMS.map((s) => ({ value: s, label: label(SYMPTOM_LABELS[s]) }))}
            data-testid="try-symptoms"
          />
        </Form.Item>
        <Form.Item label={t('statusRules.try.leftCity')} style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            value={input.leftCity}
            onChange={(e) => set('leftCity', e.target.value as boolean)}
            options={yesNo}
            data-testid="try-left-city"
          />
        </Form.Item>
        {input.leftCity && (
          <Flex gap={12} wrap>
            <Form.Item label={t('statusRules.try.originLevel')} style={{ marginBottom: 12 }}>
              <Radio.Group
                optionType="button"
                value={input.originLevel}
                onChange={(e) => set('originLevel', e.target.value as TryInput['originLevel'])}
                options={[
                  ...RISK_LEVELS.map((level) => ({ value: level, label: label(RISK_LEVEL_LABELS[level]) })),
                  { value: 'none', label: t('statusRules.try.noRisk') },
                ]}
                data-testid="try-origin-level"
              />
            </Form.Item>
            <Form.Item label={t('statusRules.try.returnDate')} style={{ marginBottom: 12 }}>
              <Input
                type="date"
                value={input.returnDate}
                onChange={(e) => set('returnDate', e.target.value)}
                style={{ width: 160 }}
                data-testid="try-return-date"
              />
            </Form.Item>
          </Flex>
        )}
        <Flex gap={12} wrap>
          <Form.Item label={t('statusRules.try.contactConfirmedCase')} style={{ marginBottom: 12 }}>
            <Radio.Group
              optionType="button"
              value={input.contactConfirmedCase}
              onChange={(e) => set('contactConfirmedCase', e.target.value as boolean)}
              options={yesNo}
              data-testid="try-contact-case"
            />
          </Form.Item>
          <Form.Item label={t('statusRules.try.contactRiskAreaPeople')} style={{ marginBottom: 12 }}>
            <Radio.Group
              optionType="button"
              value={input.contactRiskAreaPeople}
              onChange={(e) => set('contactRiskAreaPeople', e.target.value as boolean)}
              options={yesNo}
              data-testid="try-contact-people"
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label={t('statusRules.try.homeConditions')} style={{ marginBottom: 12 }}>
            <Radio.Group
              optionType="button"
              // Radio values cannot be null; "unknown" travels as a string and back.
              value={input.homeConditionsMet === null ? 'unknown' : input.homeConditionsMet}
              onChange={(e) => {
                const v = e.target.value as boolean | 'unknown';
                set('homeConditionsMet', v === 'unknown' ? null : v);
              }}
              options={[
                { value: true, label: t('statusRules.homeMet') },
                { value: false, label: t('statusRules.homeNotMet') },
                { value: 'unknown', label: t('statusRules.try.homeUnknown') },
              ]}
              data-testid="try-home"
            />
          </Form.Item>
          <Form.Item label={t('statusRules.try.declaredOn')} style={{ marginBottom: 12 }}>
            <Input
              type="date"
              value={input.declaredOn}
              onChange={(e) => set('declaredOn', e.target.value)}
              style={{ width: 160 }}
              data-testid="try-declared-on"
            />
          </Form.Item>
        </Flex>
      </Form>
      <Divider style={{ margin: '4px 0 12px' }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('statusRules.try.result')}
      </Typography.Title>
      {outcome ? (
        <OutcomeView outcome={outcome} testId="try-result" />
      ) : (
        <Alert type="warning" showIcon title={t('statusRules.try.fixFirst')} data-testid="try-fix-first" />
      )}
      {savedOutcome && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Typography.Text type="secondary">{t('statusRules.try.savedResult')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <OutcomeView outcome={savedOutcome} testId="try-saved-result" />
          </div>
        </>
      )}
    </Card>
  );
}
