import { SYMPTOM_LABELS, SYMPTOMS, type Symptom } from '../../../../shared/declarations';
import { Choice, Field, Section, YES_NO } from './form-controls';
import type { FormState } from './form-state';
import type { FieldErrors, FieldKey } from './form-validation';

interface Props {
  state: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  touch: (field: FieldKey) => void;
}

export function ContactSection({ state, update, errors }: Props) {
  return (
    <Section title="接触史" index={4}>
      <Field field="contactConfirmedCase" label="近14天是否接触过确诊或疑似病例？" errors={errors}>
        <Choice
          label="是否接触过确诊或疑似病例"
          options={YES_NO}
          value={state.contactConfirmed}
          onChange={(contactConfirmed) => update({ contactConfirmed })}
          testid={(v) => `rf-contact-confirmed-${v}`}
        />
      </Field>
      <Field field="contactRiskAreaPeople" label="近14天是否接触过来自风险地区的人员？" errors={errors}>
        <Choice
          label="是否接触过来自风险地区的人员"
          options={YES_NO}
          value={state.contactRisk}
          onChange={(contactRisk) => update({ contactRisk })}
          testid={(v) => `rf-contact-risk-${v}`}
        />
      </Field>
    </Section>
  );
}

export function HealthSection({ state, update, errors, touch }: Props) {
  const toggle = (symptom: Symptom) => {
    const on = state.symptoms.includes(symptom);
    update({
      symptoms: on ? state.symptoms.filter((s) => s !== symptom) : [...state.symptoms, symptom],
      noSymptoms: false,
    });
  };
  return (
    <Section title="健康状况" index={5}>
      <Field field="symptoms" label="目前有没有以下症状？（可多选）" errors={errors}>
        <div className="rf-choices rf-choices-wrap">
          {SYMPTOMS.map((symptom) => {
            const on = state.symptoms.includes(symptom);
            return (
              <button
                key={symptom}
                type="button"
                aria-pressed={on}
                className={on ? 'rf-choice rf-on rf-warn' : 'rf-choice'}
                data-testid={`rf-symptom-${symptom}`}
                onClick={() => toggle(symptom)}
              >
                {SYMPTOM_LABELS[symptom].zh}
              </button>
            );
          })}
          <button
            type="button"
            aria-pressed={state.noSymptoms}
            className={state.noSymptoms ? 'rf-choice rf-on rf-wide' : 'rf-choice rf-wide'}
            data-testid="rf-symptom-none"
            onClick={() => update({ noSymptoms: !state.noSymptoms, symptoms: [] })}
          >
            无以上症状
          </button>
        </div>
      </Field>
      <Field field="temperature" label="体温（℃）" htmlFor="rf-temperature" errors={errors} optional>
        <input
          id="rf-temperature"
          data-testid="rf-temperature"
          className="rf-input rf-short"
          type="number"
          inputMode="decimal"
          min={35}
          max={42}
          step={0.1}
          placeholder="如 36.5"
          value={state.temperature}
          onChange={(e) => update({ temperature: e.target.value })}
          onBlur={() => touch('temperature')}
        />
      </Field>
    </Section>
  );
}
