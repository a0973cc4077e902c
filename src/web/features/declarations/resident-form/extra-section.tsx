import type { ReactNode } from 'react';
import type { FormQuestion } from '../../../../shared/declarations';
import { Choice, Section } from './form-controls';
import type { ExtraState } from './form-state';

interface Props {
  questions: readonly FormQuestion[];
  extra: ExtraState;
  onChange: (extra: ExtraState) => void;
  errors: Record<string, string>;
  index: number;
}

/** One question an officer added; its wrapper carries the same ids and test ids as the core fields. */
function Question(props: {
  question: FormQuestion;
  value: string | string[] | undefined;
  set: (value: string | string[]) => void;
  error: string | undefined;
}) {
  const { question, value, set, error } = props;
  const id = `rf-extra-${question.key}`;
  const text = typeof value === 'string' ? value : '';
  const picked = Array.isArray(value) ? value : [];
  const options = question.options ?? [];
  let input: ReactNode;
  switch (question.kind) {
    case 'text':
      input = (
        <textarea
          id={id}
          data-testid={id}
          className="rf-input rf-textarea"
          rows={2}
          maxLength={500}
          value={text}
          onChange={(e) => set(e.target.value)}
        />
      );
      break;
    case 'number':
      input = (
        <input
          id={id}
          data-testid={id}
          className="rf-input rf-short"
          type="number"
          inputMode="decimal"
          value={text}
          onChange={(e) => set(e.target.value)}
        />
      );
      break;
    case 'date':
      input = (
        <input
          id={id}
          data-testid={id}
          className="rf-input"
          type="date"
          value={text}
          onChange={(e) => set(e.target.value)}
        />
      );
      break;
    case 'single':
      input = (
        <Choice
          label={question.label.zh}
          options={options.map((o) => ({ value: o, label: o }))}
          value={text}
          onChange={set}
          testid={(v) => `${id}-${options.indexOf(v)}`}
          wrap
        />
      );
      break;
    case 'multiple':
      input = (
        <fieldset className="rf-choices rf-choices-wrap" aria-label={question.label.zh}>
          {options.map((option, i) => {
            const on = picked.includes(option);
            return (
              <button
                key={option}
                type="button"
                aria-pressed={on}
                className={on ? 'rf-choice rf-on' : 'rf-choice'}
                data-testid={`${id}-${i}`}
                onClick={() => set(on ? picked.filter((p) => p !== option) : [...picked, option])}
              >
                {option}
              </button>
            );
          })}
        </fieldset>
      );
      break;
  }
  const single = question.kind === 'text' || question.kind === 'number' || question.kind === 'date';
  const label = (
    <>
      {question.label.zh}
      {question.kind === 'multiple' ? '（可多选）' : ''}
      {question.required ? null : <span className="rf-optional">（选填）</span>}
    </>
  );
  return (
    <div className={error ? 'rf-field rf-field-bad' : 'rf-field'} id={`rf-field-extra-${question.key}`}>
      {single ? (
        <label className="rf-label" htmlFor={id}>
          {label}
        </label>
      ) : (
        <div className="rf-label">{label}</div>
      )}
      {input}
      {error ? (
        <p className="rf-err" data-testid={`rf-error-extra-${question.key}`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The questions the district or sub-district added to this version of the form. */
export function ExtraSection({ questions, extra, onChange, errors, index }: Props) {
  if (questions.length === 0) return null;
  return (
    <Section title="其他情况" index={index}>
      {questions.map((question) => (
        <Question
          key={question.key}
          question={question}
          value={extra[question.key]}
          error={errors[question.key]}
          set={(value) => onChange({ ...extra, [question.key]: value })}
        />
      ))}
    </Section>
  );
}
