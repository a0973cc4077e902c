import { Choice, Field, Section } from './form-controls';
import type { FormState, HomeAnswer } from './form-state';
import type { FieldErrors } from './form-validation';

interface Props {
  state: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  index: number;
}

const HOME_OPTIONS: { value: Exclude<HomeAnswer, ''>; label: string }[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unsure', label: '不确定' },
];

/** Asked only of people who left Beijing: it decides whether observation at home is possible. */
export function HomeSection({ state, update, errors, index }: Props) {
  return (
    <Section title="居家条件" index={index}>
      <Field field="homeConditionsMet" label="家里是否有单独的房间，可以一个人单独居住？" errors={errors}>
        <Choice
          label="是否有单独房间、可单独居住"
          options={HOME_OPTIONS}
          value={state.home}
          onChange={(home) => update({ home })}
          testid={(v) => `rf-home-${v}`}
        />
      </Field>
    </Section>
  );
}

export function CompanionsSection({ state, update, errors, index }: Props) {
  return (
    <Section title="同行人员" index={index}>
      <Field
        field="companions"
        label="和您一起返京或同住的人"
        htmlFor="rf-companions"
        errors={errors}
        optional
      >
        <textarea
          id="rf-companions"
          data-testid="rf-companions"
          className="rf-input rf-textarea"
          rows={2}
          maxLength={200}
          placeholder="如：妻子 李某某、儿子 王某某"
          value={state.companions}
          onChange={(e) => update({ companions: e.target.value })}
        />
      </Field>
    </Section>
  );
}
