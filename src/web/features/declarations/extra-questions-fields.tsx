import { Checkbox, DatePicker, type DatePickerProps, Divider, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExtraAnswer, FormQuestion } from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';

/** antd's date value (a Dayjs), named without importing dayjs. */
type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];
export type ExtraValues = Record<string, string | number | string[] | Day | null | undefined>;

/** The form's values for the extra questions → what the API takes (dates as YYYY-MM-DD, empties dropped). */
export function extraPayload(
  questions: readonly FormQuestion[],
  values: ExtraValues | undefined,
): Record<string, ExtraAnswer> {
  const out: Record<string, ExtraAnswer> = {};
  for (const question of questions) {
    const value = values?.[question.key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[question.key] = value;
    } else if (typeof value === 'object') out[question.key] = value.format('YYYY-MM-DD');
    else if (typeof value === 'string') {
      if (value.trim()) out[question.key] = value.trim();
    } else out[question.key] = value;
  }
  return out;
}

/** The questions district officers added to the form, asked at the door as on the resident's phone. */
export function ExtraQuestionsFields({ questions }: { questions: readonly FormQuestion[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (questions.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('declarations.sectionExtra')}
      </Divider>
      {questions.map((question) => {
        const rules = question.required
          ? [{ required: true, message: t('declarations.answerRequired') }]
          : [];
        const name = ['extra', question.key];
        const options = (question.options ?? []).map((o) => ({ value: o, label: o }));
        const testid = `declaration-extra-${question.key}`;
        const text = label(question.label) || question.label.zh;
        switch (question.kind) {
          case 'text':
            return (
              <Form.Item key={question.key} name={name} label={text} rules={rules}>
                <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid={testid} />
              </Form.Item>
            );
          case 'number':
            return (
              <Form.Item key={question.key} name={name} label={text} rules={rules}>
                <InputNumber<number> style={{ width: 200 }} data-testid={testid} />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item key={question.key} name={name} label={text} rules={rules}>
                <DatePicker style={{ width: 200 }} data-testid={testid} />
              </Form.Item>
            );
          case 'single':
            return (
              <Form.Item key={question.key} name={name} label={text} rules={rules}>
                <Radio.Group options={options} data-testid={testid} />
              </Form.Item>
            );
          case 'multiple':
            return (
              <Form.Item key={question.key} name={name} label={text} rules={rules}>
                <Checkbox.Group options={options} data-testid={testid} />
              </Form.Item>
            );
        }
        return null;
      })}
    </>
  );
}
