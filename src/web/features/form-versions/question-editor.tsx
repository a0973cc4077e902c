import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FormQuestion, QUESTION_KIND_LABELS, QUESTION_KINDS } from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';

interface Props {
  question: FormQuestion;
  index: number;
  count: number;
  /** A key used in an earlier version keeps its kind, so old answers keep their meaning. */
  kindLocked: boolean;
  onChange: (question: FormQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question as the officer edits it: the wording (Chinese, English), kind, options, required. */
export function QuestionEditor({ question, index, count, kindLocked, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const choice = question.kind === 'single' || question.kind === 'multiple';
  return (
    <Card
      size="small"
      title={t('formVersions.questionN', { n: index + 1 })}
      data-testid={`question-${question.key}`}
      extra={
        <Space>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          />
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove}>
            {t('formVersions.remove')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={8}>
        <Input
          placeholder={t('formVersions.labelZh')}
          value={question.label.zh}
          maxLength={100}
          onChange={(e) => onChange({ ...question, label: { ...question.label, zh: e.target.value } })}
          data-testid={`question-${question.key}-zh`}
        />
        <Input
          placeholder={t('formVersions.labelEn')}
          value={question.label.en}
          maxLength={200}
          onChange={(e) => onChange({ ...question, label: { ...question.label, en: e.target.value } })}
        />
        <Flex gap={16} align="center" wrap>
          <Select
            style={{ width: 160 }}
            value={question.kind}
            disabled={kindLocked}
            options={QUESTION_KINDS.map((k) => ({ value: k, label: label(QUESTION_KIND_LABELS[k]) }))}
            onChange={(kind) => {
              const next: FormQuestion = { ...question, kind };
              if (kind === 'single' || kind === 'multiple') next.options = question.options ?? [];
              else delete next.options;
              onChange(next);
            }}
            data-testid={`question-${question.key}-kind`}
          />
          <Space>
            <Switch
              checked={question.required}
              onChange={(required) => onChange({ ...question, required })}
            />
            <Typography.Text>{t('formVersions.required')}</Typography.Text>
          </Space>
          {kindLocked && <Typography.Text type="secondary">{t('formVersions.kindLocked')}</Typography.Text>}
        </Flex>
        {choice && (
          <Select
            mode="tags"
            open={false}
            value={question.options ?? []}
            placeholder={t('formVersions.optionsPlaceholder')}
            tokenSeparators={[',', '，', '、']}
            onChange={(options: string[]) => onChange({ ...question, options })}
            data-testid={`question-${question.key}-options`}
          />
        )}
      </Flex>
    </Card>
  );
}
