import { isCalendarDate } from '../time/beijing';
import type { Label } from './declaration-enums';

/**
 * Questions a district officer adds to the registration form, beyond the fixed core fields. Kept as
 * plain JSON in versions: a declaration stores the version it was given on, so answers keep their
 * meaning after the questions change. The same checks run in the console editor, on the resident's
 * phone and on the server.
 */
export const QUESTION_KINDS = ['text', 'number', 'date', 'single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, Label> = {
  text: { zh: '文字', en: 'Text' },
  number: { zh: '数字', en: 'Number' },
  date: { zh: '日期', en: 'Date' },
  single: { zh: '单选', en: 'Single choice' },
  multiple: { zh: '多选', en: 'Multiple choice' },
};

export interface FormQuestion {
  /** Stable across versions (q1, q2 …): the same question edited keeps its key. */
  key: string;
  label: Label;
  kind: QuestionKind;
  required: boolean;
  /** For single and multiple choice: what the resident picks from, shown as written. */
  options?: string[];
}

export type ExtraAnswer = string | number | string[];
export type ExtraAnswers = Record<string, ExtraAnswer>;

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 500;
const KEY_PATTERN = /^q\d{1,4}$/;

export type ValidateQuestionsResult =
  | { ok: true; questions: FormQuestion[] }
  | { ok: false; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Checks a proposed list of questions (Chinese messages, as the officer reads them). */
export function validateQuestions(proposed: unknown): ValidateQuestionsResult {
  if (!Array.isArray(proposed)) return { ok: false, errors: ['问题列表格式不正确'] };
  if (proposed.length > MAX_QUESTIONS) return { ok: false, errors: [`最多${MAX_QUESTIONS}个问题`] };
  const errors: string[] = [];
  const seen = new Set<string>();
  const questions: FormQuestion[] = [];
  for (const [i, raw] of proposed.entries()) {
    const at = `第${i + 1}题`;
    if (!isRecord(raw)) {
      errors.push(`${at}：格式不正确`);
      continue;
    }
    const key = trimmed(raw.key);
    if (!KEY_PATTERN.test(key)) errors.push(`${at}：编号不正确`);
    else if (seen.has(key)) errors.push(`${at}：编号“${key}”重复`);
    seen.add(key);
    const label = isRecord(raw.label) ? raw.label : {};
    const zh = trimmed(label.zh);
    const en = trimmed(label.en);
    if (zh.length === 0) errors.push(`${at}：请填写问题`);
    if (zh.length > 100 || en.length > 200) errors.push(`${at}：问题太长（最多100个字）`);
    const kind = raw.kind as QuestionKind;
    if (!QUESTION_KINDS.includes(kind)) {
      errors.push(`${at}：请选择题型`);
      continue;
    }
    const question: FormQuestion = { key, label: { zh, en }, kind, required: raw.required === true };
    if (kind === 'single' || kind === 'multiple') {
      const options = Array.isArray(raw.options) ? raw.options.map(trimmed) : [];
      if (options.length < 2) errors.push(`${at}：选择题至少要有两个选项`);
      if (options.length > MAX_OPTIONS) errors.push(`${at}：选项最多${MAX_OPTIONS}个`);
      if (options.some((o) => o.length === 0 || o.length > 50))
        errors.push(`${at}：选项不能为空，最多50个字`);
      if (new Set(options).size !== options.length) errors.push(`${at}：选项有重复`);
      question.options = options;
    } else if (raw.options !== undefined && !(Array.isArray(raw.options) && raw.options.length === 0)) {
      errors.push(`${at}：只有选择题才有选项`);
    }
    questions.push(question);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, questions };
}

export interface AnswerIssue {
  key: string;
  message: Label;
}

export type CheckExtraAnswersResult =
  | { ok: true; value: ExtraAnswers }
  | { ok: false; issues: AnswerIssue[] };

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** One answer against its question: the normalised value, or why it cannot be taken. */
function checkAnswer(question: FormQuestion, value: unknown): { value: ExtraAnswer } | { message: Label } {
  switch (question.kind) {
    case 'text': {
      if (typeof value !== 'string') return { message: { zh: '请填写文字', en: 'Enter text' } };
      const text = value.trim();
      if (text.length > MAX_TEXT_ANSWER)
        return {
          message: { zh: `最多${MAX_TEXT_ANSWER}个字`, en: `At most ${MAX_TEXT_ANSWER} characters` },
        };
      return { value: text };
    }
    case 'number': {
      const number = typeof value === 'string' ? Number(value.trim()) : value;
      if (typeof number !== 'number' || !Number.isFinite(number) || Math.abs(number) > 1e9)
        return { message: { zh: '请填写数字', en: 'Enter a number' } };
      return { value: number };
    }
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value))
        return { message: { zh: '请选择日期', en: 'Pick a date' } };
      return { value };
    case 'single':
      if (typeof value !== 'string' || !question.options?.includes(value))
        return { message: { zh: '请从选项中选择', en: 'Pick one of the options' } };
      return { value };
    case 'multiple': {
      const options = question.options ?? [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !options.includes(v)))
        return { message: { zh: '请从选项中选择', en: 'Pick from the options' } };
      // Kept in the options' order and without repeats, whatever order they were ticked in.
      return { value: options.filter((o) => value.includes(o)) };
    }
  }
}

/**
 * Checks the answers to a version's questions: required ones present, each of its kind, nothing that
 * the version does not ask. Empty optional answers are dropped.
 */
export function checkExtraAnswers(
  questions: readonly FormQuestion[],
  answers: unknown,
): CheckExtraAnswersResult {
  const given = isRecord(answers) ? answers : {};
  const issues: AnswerIssue[] = [];
  const value: ExtraAnswers = {};
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      issues.push({
        key,
        message: { zh: '表单已更新，请刷新后重填', en: 'The form has changed; reload it' },
      });
  }
  for (const question of questions) {
    const raw = given[question.key];
    if (isEmpty(raw)) {
      if (question.required) issues.push({ key: question.key, message: { zh: '必填', en: 'Required' } });
      continue;
    }
    const checked = checkAnswer(question, raw);
    if ('message' in checked) issues.push({ key: question.key, message: checked.message });
    else value[question.key] = checked.value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The next free key for a new question: never reuses one, so old answers cannot change meaning. */
export function nextQuestionKey(
  existing: readonly { key: string }[],
  retired: readonly string[] = [],
): string {
  const numbers = [...existing.map((q) => q.key), ...retired]
    .map((key) => Number(key.slice(1)))
    .filter(Number.isFinite);
  return `q${Math.max(0, ...numbers) + 1}`;
}

/** An answer as staff read it: choices joined, numbers and dates as typed. */
export function formatExtraAnswer(value: ExtraAnswer | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('、') : String(value);
}
