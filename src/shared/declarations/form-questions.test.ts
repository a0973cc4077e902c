import { describe, expect, it } from 'vitest';
import { checkExtraAnswers, type FormQuestion, nextQuestionKey, validateQuestions } from './form-questions';

const questions: FormQuestion[] = [
  { key: 'q1', label: { zh: '工作单位', en: 'Employer' }, kind: 'text', required: true },
  { key: 'q2', label: { zh: '同住人数', en: 'People at home' }, kind: 'number', required: false },
  { key: 'q3', label: { zh: '复工日期', en: 'Back to work on' }, kind: 'date', required: false },
  {
    key: 'q4',
    label: { zh: '是否已复工', en: 'Back at work?' },
    kind: 'single',
    required: true,
    options: ['是', '否'],
  },
  {
    key: 'q5',
    label: { zh: '需要的帮助', en: 'Help needed' },
    kind: 'multiple',
    required: false,
    options: ['买菜', '取药', '心理疏导'],
  },
];

describe('validateQuestions', () => {
  it('accepts a well-formed list and trims what was typed', () => {
    const result = validateQuestions([{ ...questions[0], label: { zh: ' 工作单位 ', en: '' } }]);
    expect(result).toEqual({
      ok: true,
      questions: [{ key: 'q1', label: { zh: '工作单位', en: '' }, kind: 'text', required: true }],
    });
  });

  it('says what is wrong with each question, in Chinese', () => {
    const result = validateQuestions([
      { key: 'q1', label: { zh: '', en: '' }, kind: 'text', required: false },
      { key: 'q1', label: { zh: '重复', en: '' }, kind: 'single', required: false, options: ['只有一个'] },
      { key: 'x', label: { zh: '坏编号', en: '' }, kind: 'essay', required: false },
      { key: 'q9', label: { zh: '文字题', en: '' }, kind: 'text', required: false, options: ['a'] },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      '第1题：请填写问题',
      '第2题：编号“q1”重复',
      '第2题：选择题至少要有两个选项',
      '第3题：编号不正确',
      '第3题：请选择题型',
      '第4题：只有选择题才有选项',
    ]);
  });

  it('refuses something that is not a list', () => {
    expect(validateQuestions({}).ok).toBe(false);
  });
});

describe('checkExtraAnswers', () => {
  it('normalises answers of every kind and drops empty optional ones', () => {
    const result = checkExtraAnswers(questions, {
      q1: ' 朝阳医院 ',
      q2: '3',
      q3: '2020-02-10',
      q4: '否',
      q5: ['取药', '买菜'],
    });
    expect(result).toEqual({
      ok: true,
      value: { q1: '朝阳医院', q2: 3, q3: '2020-02-10', q4: '否', q5: ['买菜', '取药'] },
    });
    expect(checkExtraAnswers(questions, { q1: '单位', q4: '是', q2: '', q5: [] })).toEqual({
      ok: true,
      value: { q1: '单位', q4: '是' },
    });
  });

  it('names each missing or wrong answer', () => {
    const result = checkExtraAnswers(questions, { q2: 'three', q3: '2020-02-30', q4: '也许', q5: ['逛街'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.key}:${i.message.zh}`)).toEqual([
      'q1:必填',
      'q2:请填写数字',
      'q3:请选择日期',
      'q4:请从选项中选择',
      'q5:请从选项中选择',
    ]);
  });

  it('refuses answers to questions the version does not ask', () => {
    const result = checkExtraAnswers(questions.slice(0, 1), { q1: 'a', q7: 'b' });
    expect(result.ok).toBe(false);
  });
});

describe('nextQuestionKey', () => {
  it('never reuses a key, even one retired from an earlier version', () => {
    expect(nextQuestionKey([])).toBe('q1');
    expect(nextQuestionKey(questions)).toBe('q6');
    expect(nextQuestionKey(questions.slice(0, 2), ['q9'])).toBe('q10');
  });
});
