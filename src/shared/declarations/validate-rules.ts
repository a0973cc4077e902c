import { PERSON_STATUSES, type PersonStatus, RISK_LEVELS, SYMPTOMS } from './declaration-enums';
import type { StatusRule } from './status-rules';

export type ValidateRulesResult = { ok: true; rules: StatusRule[] } | { ok: false; errors: string[] };

// Deeper nesting is never needed by real guidance and would only hide mistakes (or blow the stack).
const MAX_DEPTH = 8;
const MAX_DAYS = 60;
const RULE_KEYS = ['id', 'priority', 'when', 'outcome', 'reason'];
const OUTCOME_KEYS = ['status', 'observationDays', 'observationFrom'];
const OBSERVATION_STATUSES: readonly PersonStatus[] = ['home_observation', 'centralised_observation'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DAYS;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !allowed.includes(key));
}

function checkDaysObject(value: unknown, keys: string[], at: string, errors: string[]): void {
  if (!isRecord(value)) {
    errors.push(`${at}：必须是一个对象`);
    return;
  }
  const extra = unknownKeys(value, keys);
  if (extra.length > 0) errors.push(`${at}：不认识的字段“${extra.join('、')}”`);
  if (!isDays(value.withinDays)) errors.push(`${at}.withinDays：天数必须是1到${MAX_DAYS}之间的整数`);
  if (keys.includes('level') && !oneOf(RISK_LEVELS, value.level)) {
    errors.push(`${at}.level：风险等级只能是 ${RISK_LEVELS.join('、')}`);
  }
}

function checkCondition(condition: unknown, at: string, depth: number, errors: string[]): void {
  if (depth > MAX_DEPTH) {
    errors.push(`${at}：条件嵌套超过${MAX_DEPTH}层`);
    return;
  }
  if (!isRecord(condition)) {
    errors.push(`${at}：条件必须是一个对象`);
    return;
  }
  const keys = Object.keys(condition);
  const [key] = keys;
  if (key === undefined || keys.length !== 1) {
    errors.push(`${at}：每个条件必须正好有一种类型，现在有${keys.length}种`);
    return;
  }
  const value = condition[key];
  const here = `${at}.${key}`;
  switch (key) {
    case 'all':
    case 'any':
      if (!Array.isArray(value) || value.length === 0) errors.push(`${here}：必须是非空的条件列表`);
      else for (const [i, sub] of value.entries()) checkCondition(sub, `${here}[${i}]`, depth + 1, errors);
      return;
    case 'not':
      checkCondition(value, here, depth + 1, errors);
      return;
    case 'temperatureAtLeast':
      if (typeof value !== 'number' || !(value >= 35 && value <= 42)) {
        errors.push(`${here}：体温必须是35到42之间的数字（摄氏度）`);
      }
      return;
    case 'symptomAny':
      if (!Array.isArray(value) || value.length === 0) errors.push(`${here}：必须是非空的症状列表`);
      else for (const s of value) if (!oneOf(SYMPTOMS, s)) errors.push(`${here}：不认识的症状“${String(s)}”`);
      return;
    case 'visitedRisk':
      checkDaysObject(value, ['level', 'withinDays'], here, errors);
      return;
    case 'contactRiskAreaPeople':
      checkDaysObject(value, ['withinDays'], here, errors);
      return;
    case 'contactConfirmedCase':
      if (value !== true) errors.push(`${here}：只能是 true`);
      return;
    case 'homeConditionsMet':
      if (typeof value !== 'boolean') errors.push(`${here}：只能是 true 或 false`);
      return;
    default:
      errors.push(`${at}：不认识的条件类型“${key}”`);
  }
}

function checkOutcome(outcome: unknown, at: string, errors: string[]): void {
  if (!isRecord(outcome)) {
    errors.push(`${at}：必须是一个对象`);
    return;
  }
  const extra = unknownKeys(outcome, OUTCOME_KEYS);
  if (extra.length > 0) errors.push(`${at}：不认识的字段“${extra.join('、')}”`);
  const { status, observationDays, observationFrom } = outcome;
  if (!oneOf(PERSON_STATUSES, status)) {
    errors.push(`${at}.status：状态只能是 ${PERSON_STATUSES.join('、')}`);
    return;
  }
  const observing = OBSERVATION_STATUSES.includes(status);
  if (observing && observationDays === undefined) errors.push(`${at}：居家观察和集中观察必须填写观察天数`);
  if (!observing && observationDays !== undefined) errors.push(`${at}：只有居家观察和集中观察才有观察天数`);
  if (observationDays !== undefined && !isDays(observationDays)) {
    errors.push(`${at}.observationDays：观察天数必须是1到${MAX_DAYS}之间的整数`);
  }
  if (observationFrom !== undefined && !oneOf(['return_date', 'declared_on'], observationFrom)) {
    errors.push(`${at}.observationFrom：只能是 return_date（返京日期）或 declared_on（填报日期）`);
  }
}

function checkRule(rule: unknown, index: number, ids: Set<string>, errors: string[]): void {
  const at = `第${index + 1}条规则`;
  if (!isRecord(rule)) {
    errors.push(`${at}：必须是一个对象`);
    return;
  }
  const id = typeof rule.id === 'string' ? rule.id.trim() : '';
  const named = id === '' ? at : `${at}（${id}）`;
  if (id === '') errors.push(`${at}：缺少规则编号 id`);
  else if (ids.has(id)) errors.push(`${named}：规则编号重复`);
  else ids.add(id);
  const extra = unknownKeys(rule, RULE_KEYS);
  if (extra.length > 0) errors.push(`${named}：不认识的字段“${extra.join('、')}”`);
  if (typeof rule.priority !== 'number' || !Number.isFinite(rule.priority)) {
    errors.push(`${named}：优先级 priority 必须是数字`);
  }
  checkCondition(rule.when, `${named} when`, 1, errors);
  checkOutcome(rule.outcome, `${named} outcome`, errors);
  const reason = rule.reason;
  const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (!isRecord(reason) || !filled(reason.zh) || !filled(reason.en)) {
    errors.push(`${named}：必须填写中文和英文原因 reason.zh、reason.en`);
  }
}

/** Checks rules edited by officers before they are saved; messages are for the officer, in Chinese. */
export function validateRules(value: unknown): ValidateRulesResult {
  if (!Array.isArray(value)) return { ok: false, errors: ['规则必须是一个列表'] };
  // With no rules everybody would be "normal": almost certainly an editing accident.
  if (value.length === 0) return { ok: false, errors: ['规则列表不能为空'] };
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const [i, rule] of value.entries()) checkRule(rule, i, ids, errors);
  if (errors.length > 0) return { ok: false, errors };
  // A JSON copy: the caller keeps no handle on the rules it will be evaluated with.
  return { ok: true, rules: JSON.parse(JSON.stringify(value)) as StatusRule[] };
}
