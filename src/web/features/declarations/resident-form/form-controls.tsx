import type { ReactNode } from 'react';
import type { FieldErrors, FieldKey } from './form-validation';

/** A label, its input(s) and the message under it; `rf-error-<field>` carries the message. */
export function Field(props: {
  field: FieldKey;
  label: ReactNode;
  errors: FieldErrors;
  htmlFor?: string;
  hint?: ReactNode;
  optional?: boolean;
  children: ReactNode;
}) {
  const { field, label, errors, htmlFor, hint, optional, children } = props;
  const error = errors[field];
  const labelContent = (
    <>
      {label}
      {optional ? <span className="rf-optional">（选填）</span> : null}
    </>
  );
  return (
    <div className={error ? 'rf-field rf-field-bad' : 'rf-field'} id={`rf-field-${field}`}>
      {htmlFor ? (
        <label className="rf-label" htmlFor={htmlFor}>
          {labelContent}
        </label>
      ) : (
        <div className="rf-label">{labelContent}</div>
      )}
      {children}
      {hint && !error ? <p className="rf-hint">{hint}</p> : null}
      {error ? (
        <p className="rf-err" data-testid={`rf-error-${field}`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

/** Big tap targets for one answer out of a few; `testid(value)` names each button. */
export function Choice<T extends string>(props: {
  options: readonly ChoiceOption<T>[];
  value: T | '';
  onChange: (value: T) => void;
  testid: (value: T) => string;
  label: string;
  wrap?: boolean;
}) {
  const { options, value, onChange, testid, label, wrap } = props;
  return (
    <fieldset className={wrap ? 'rf-choices rf-choices-wrap' : 'rf-choices'} aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={value === option.value}
          className={value === option.value ? 'rf-choice rf-on' : 'rf-choice'}
          data-testid={testid(option.value)}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

export const YES_NO: readonly ChoiceOption<'yes' | 'no'>[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

export function Section(props: { title: string; index: number; children: ReactNode }) {
  return (
    <section className="rf-section" aria-labelledby={`rf-s${props.index}`}>
      <h2 id={`rf-s${props.index}`}>
        <span className="rf-num">{props.index}</span>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
