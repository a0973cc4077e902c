import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './status-rules';
import { validateRules } from './validate-rules';

const good = {
  id: 'fever',
  priority: 10,
  when: { temperatureAtLeast: 37.3 },
  outcome: { status: 'referred_to_clinic' },
  reason: { zh: '发烧', en: 'Fever' },
};

function errorsOf(value: unknown): string[] {
  const result = validateRules(value);
  if (result.ok) throw new Error('expected the rules to be rejected');
  return result.errors;
}

describe('validateRules', () => {
  it('accepts the defaults and their JSON copy, returning a detached copy', () => {
    const result = validateRules(JSON.parse(JSON.stringify(DEFAULT_RULES)));
    expect(result).toEqual({ ok: true, rules: DEFAULT_RULES });
    const input = [structuredClone(good)];
    const checked = validateRules(input);
    if (!checked.ok) throw new Error('expected ok');
    expect(checked.rules[0]).not.toBe(input[0]);
  });

  it('rejects something that is not a non-empty list', () => {
    expect(errorsOf({ rules: [] })).toEqual(['规则必须是一个列表']);
    expect(errorsOf([])).toEqual(['规则列表不能为空']);
  });

  it('names the rule and the problem in Chinese', () => {
    expect(errorsOf([good, { ...good, priority: 'high' }])).toEqual([
      '第2条规则（fever）：规则编号重复',
      '第2条规则（fever）：优先级 priority 必须是数字',
    ]);
    expect(errorsOf([{ ...good, id: ' ' }])).toContain('第1条规则：缺少规则编号 id');
    expect(errorsOf([{ ...good, ...JSON.parse('{"then":{"status":"normal"}}') }])).toContain(
      '第1条规则（fever）：不认识的字段“then”',
    );
    expect(errorsOf([{ ...good, reason: { zh: '发烧' } }])).toContain(
      '第1条规则（fever）：必须填写中文和英文原因 reason.zh、reason.en',
    );
  });

  it('checks every kind of condition', () => {
    const bad = (when: unknown) => errorsOf([{ ...good, when }]);
    expect(bad({ temperatureAtLeast: '37.3' })).toEqual([
      '第1条规则（fever） when.temperatureAtLeast：体温必须是35到42之间的数字（摄氏度）',
    ]);
    expect(bad({ symptomAny: ['fever', 'headache'] })[0]).toContain('不认识的症状“headache”');
    expect(bad({ symptomAny: [] })[0]).toContain('必须是非空的症状列表');
    expect(bad({ visitedRisk: { level: 'extreme', withinDays: 14 } })[0]).toContain('风险等级只能是');
    expect(bad({ visitedRisk: { level: 'high', withinDays: 0 } })[0]).toContain('天数必须是1到60之间的整数');
    expect(bad({ contactRiskAreaPeople: { withinDays: 14.5 } })[0]).toContain('天数必须是1到60之间的整数');
    expect(bad({ contactConfirmedCase: false })[0]).toContain('只能是 true');
    expect(bad({ homeConditionsMet: 'no' })[0]).toContain('只能是 true 或 false');
    expect(bad({ any: [] })[0]).toContain('必须是非空的条件列表');
    expect(bad({ all: [{ temperatureAtLeast: 37.3 }, { fever: true }] })).toEqual([
      '第1条规则（fever） when.all[1]：不认识的条件类型“fever”',
    ]);
    expect(bad({ temperatureAtLeast: 37.3, symptomAny: ['fever'] })[0]).toContain(
      '每个条件必须正好有一种类型',
    );
    expect(bad(null)[0]).toContain('条件必须是一个对象');
  });

  it('refuses conditions nested too deep', () => {
    let when: unknown = { homeConditionsMet: true };
    for (let i = 0; i < 12; i++) when = { not: when };
    expect(errorsOf([{ ...good, when }])[0]).toContain('条件嵌套超过8层');
  });

  it('checks the outcome: status, observation days and start', () => {
    const bad = (outcome: unknown) => errorsOf([{ ...good, outcome }]);
    expect(bad({ status: 'quarantine' })[0]).toContain('状态只能是');
    expect(bad({ status: 'home_observation' })[0]).toContain('居家观察和集中观察必须填写观察天数');
    expect(bad({ status: 'to_verify', observationDays: 14 })[0]).toContain(
      '只有居家观察和集中观察才有观察天数',
    );
    expect(bad({ status: 'home_observation', observationDays: 14, observationFrom: 'today' })[0]).toContain(
      'return_date（返京日期）或 declared_on（填报日期）',
    );
    expect(bad({ status: 'home_observation', observationDays: 100 })[0]).toContain(
      '观察天数必须是1到60之间的整数',
    );
  });
});
