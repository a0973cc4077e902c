import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type RuleCondition } from '../../../shared/declarations/status-rules';
import { describeCondition, describeObservation } from './describe-condition';

function defaultRule(id: string) {
  const rule = DEFAULT_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no default rule ${id}`);
  return rule;
}

describe('describeCondition', () => {
  it('reads the fever rule in plain Chinese and English', () => {
    const when = defaultRule('clinic-fever-respiratory').when;
    expect(describeCondition(when, 'zh')).toBe(
      '体温 ≥ 37.3℃ 或 有以下症状之一：发烧、咳嗽、感冒、呼吸困难、咽痛',
    );
    expect(describeCondition(when, 'en')).toBe(
      'temperature ≥ 37.3 °C or any of these symptoms: fever, cough, cold, difficulty breathing, sore throat',
    );
  });

  it('joins "all" with 且 and spells out the home conditions', () => {
    const when = defaultRule('high-risk-centralised').when;
    expect(describeCondition(when, 'zh')).toBe('14天内到过高风险及以上地区 且 家中不具备居家观察条件');
    expect(describeCondition(when, 'en')).toBe(
      'was in an area of high risk or higher within 14 days and the home is not suitable for observation',
    );
  });

  it('puts a nested group of several conditions in brackets', () => {
    const when = defaultRule('contact-centralised').when;
    expect(describeCondition(when, 'zh')).toBe(
      '（接触过确诊病例 或 14天内接触过风险地区来的人员） 且 家中不具备居家观察条件',
    );
    expect(describeCondition(when, 'en')).toBe(
      '(contact with a confirmed case or contact with people from a risk area within 14 days) and ' +
        'the home is not suitable for observation',
    );
  });

  it('does not bracket a single leaf or a one-member group', () => {
    const when: RuleCondition = {
      all: [{ any: [{ temperatureAtLeast: 38 }] }, { homeConditionsMet: true }],
    };
    expect(describeCondition(when, 'zh')).toBe('体温 ≥ 38℃ 且 家中具备居家观察条件');
  });

  it('reads "not"', () => {
    expect(describeCondition({ not: { contactConfirmedCase: true } }, 'zh')).toBe('不是接触过确诊病例');
    const group: RuleCondition = { not: { any: [{ homeConditionsMet: true }, { temperatureAtLeast: 37 }] } };
    expect(describeCondition(group, 'en')).toBe(
      'not (the home is suitable for observation or temperature ≥ 37 °C)',
    );
  });

  it('shows a question mark for half-edited parts instead of throwing', () => {
    const broken = {
      all: [
        { symptomAny: [] },
        { temperatureAtLeast: null },
        { visitedRisk: { level: 'nowhere', withinDays: 7 } },
        { any: [] },
        {},
      ],
    } as unknown as RuleCondition;
    expect(describeCondition(broken, 'zh')).toBe(
      '有以下症状之一：？ 且 体温 ≥ ？℃ 且 7天内到过？及以上地区 且 ？ 且 ？',
    );
  });

  it('covers every default rule in both languages without a question mark', () => {
    for (const rule of DEFAULT_RULES) {
      for (const lang of ['zh', 'en'] as const) {
        const text = describeCondition(rule.when, lang);
        expect(text, `${rule.id} ${lang}`).not.toMatch(/[?？]/);
        expect(text.length).toBeGreaterThan(3);
      }
    }
  });
});

describe('describeObservation', () => {
  it('says how long and from which day', () => {
    expect(describeObservation({ observationDays: 14, observationFrom: 'return_date' }, 'zh')).toBe(
      '观察 14 天，从返京日期算起',
    );
    expect(describeObservation({ observationDays: 7, observationFrom: 'declared_on' }, 'en')).toBe(
      '7 days of observation, counted from the declaration date',
    );
  });

  it('counts from the return date when no day is given, and is null without observation', () => {
    expect(describeObservation({ observationDays: 14 }, 'zh')).toBe('观察 14 天，从返京日期算起');
    expect(describeObservation({}, 'zh')).toBeNull();
  });
});
