import {
  FEVER_THRESHOLD,
  OBSERVATION_DAYS,
  type PersonStatus,
  type RuleCondition,
  type StatusRule,
} from '../../../shared/declarations';

/**
 * A rule being edited. `key` stays the same while the officer edits the rule (its id included), so React
 * keeps each card and its focused field while the list re-orders by priority.
 */
export interface DraftRule {
  key: string;
  rule: StatusRule;
}

export const GROUP_KINDS = ['all', 'any', 'not'] as const;
export const LEAF_KINDS = [
  'temperatureAtLeast',
  'symptomAny',
  'visitedRisk',
  'contactConfirmedCase',
  'contactRiskAreaPeople',
  'homeConditionsMet',
] as const;
export type ConditionKind = (typeof GROUP_KINDS)[number] | (typeof LEAF_KINDS)[number];

const OBSERVATION_STATUSES: readonly PersonStatus[] = ['home_observation', 'centralised_observation'];

export function isObservationStatus(status: PersonStatus): boolean {
  return OBSERVATION_STATUSES.includes(status);
}

let nextKey = 0;

function draftKey(): string {
  nextKey += 1;
  return `draft-${nextKey}`;
}

/** Evaluation order: higher priority first, ties in list order (the same as evaluateStatus). */
export function ordered(draft: readonly DraftRule[]): DraftRule[] {
  return draft
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.rule.priority - a.item.rule.priority || a.index - b.index)
    .map(({ item }) => item);
}

/** Deep copies (the editor never changes the rules it was given), in evaluation order. */
export function toDraft(rules: readonly StatusRule[]): DraftRule[] {
  const copies = JSON.parse(JSON.stringify(rules)) as StatusRule[];
  return ordered(copies.map((rule) => ({ key: draftKey(), rule })));
}

export function rulesOf(draft: readonly DraftRule[]): StatusRule[] {
  return draft.map((item) => item.rule);
}

/** Same rules in the same evaluation order. */
export function sameRules(a: readonly StatusRule[], b: readonly StatusRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Moves a rule one place earlier (-1) or later (+1) in the evaluation order: the two rules swap places and
 * priorities, so the order shown is the order the rules are tried in.
 */
export function moveRule(draft: readonly DraftRule[], key: string, step: -1 | 1): DraftRule[] {
  const list = ordered(draft);
  const at = list.findIndex((item) => item.key === key);
  const other = at + step;
  const a = list[at];
  const b = list[other];
  if (at < 0 || !a || !b) return list;
  const next = [...list];
  next[at] = { key: b.key, rule: { ...b.rule, priority: a.rule.priority } };
  next[other] = { key: a.key, rule: { ...a.rule, priority: b.rule.priority } };
  return ordered(next);
}

export function replaceRule(draft: readonly DraftRule[], key: string, rule: StatusRule): DraftRule[] {
  return ordered(draft.map((item) => (item.key === key ? { key, rule } : item)));
}

export function removeRule(draft: readonly DraftRule[], key: string): DraftRule[] {
  return draft.filter((item) => item.key !== key);
}

/** A new rule, checked last, with a free id; its reason is left for the officer to write. */
export function addRule(draft: readonly DraftRule[]): DraftRule[] {
  const ids = new Set(draft.map((item) => item.rule.id));
  let n = draft.length + 1;
  while (ids.has(`rule-${n}`)) n += 1;
  const lowest = draft.reduce((min, item) => Math.min(min, item.rule.priority), 100);
  const rule: StatusRule = {
    id: `rule-${n}`,
    priority: Math.max(0, lowest - 10),
    when: { temperatureAtLeast: FEVER_THRESHOLD },
    outcome: { status: 'to_verify' },
    reason: { zh: '', en: '' },
  };
  return [...draft, { key: draftKey(), rule }];
}

/** A new status keeps the observation period only where one makes sense (and gives one where required). */
export function withStatus(outcome: StatusRule['outcome'], status: PersonStatus): StatusRule['outcome'] {
  if (!isObservationStatus(status)) return { status };
  return {
    status,
    observationDays: outcome.observationDays ?? OBSERVATION_DAYS,
    observationFrom: outcome.observationFrom ?? 'return_date',
  };
}

export function kindOf(condition: RuleCondition): ConditionKind | undefined {
  const [key] = Object.keys(condition);
  return [...GROUP_KINDS, ...LEAF_KINDS].find((kind) => kind === key);
}

export function membersOf(condition: RuleCondition): RuleCondition[] {
  if ('all' in condition) return condition.all;
  if ('any' in condition) return condition.any;
  return [];
}

export function defaultCondition(kind: ConditionKind): RuleCondition {
  switch (kind) {
    case 'all':
      return { all: [{ temperatureAtLeast: FEVER_THRESHOLD }] };
    case 'any':
      return { any: [{ temperatureAtLeast: FEVER_THRESHOLD }] };
    case 'not':
      return { not: { homeConditionsMet: true } };
    case 'temperatureAtLeast':
      return { temperatureAtLeast: FEVER_THRESHOLD };
    case 'symptomAny':
      return { symptomAny: ['fever'] };
    case 'visitedRisk':
      return { visitedRisk: { level: 'high', withinDays: OBSERVATION_DAYS } };
    case 'contactConfirmedCase':
      return { contactConfirmedCase: true };
    case 'contactRiskAreaPeople':
      return { contactRiskAreaPeople: { withinDays: OBSERVATION_DAYS } };
    case 'homeConditionsMet':
      return { homeConditionsMet: false };
  }
}

/**
 * Changes the kind of a condition, keeping what can be kept: "all" ⇄ "any" keep their members, a single
 * condition turned into a group becomes its first member, "not" wraps what was there.
 */
export function switchKind(condition: RuleCondition, kind: ConditionKind): RuleCondition {
  const current = kindOf(condition);
  if (current === kind) return condition;
  if (kind === 'all' || kind === 'any') {
    if (current === 'all' || current === 'any')
      return kind === 'all' ? { all: membersOf(condition) } : { any: membersOf(condition) };
    const inner = 'not' in condition ? condition.not : condition;
    return kind === 'all' ? { all: [inner] } : { any: [inner] };
  }
  if (kind === 'not') {
    const members = membersOf(condition);
    const [only] = members;
    return { not: members.length === 1 && only ? only : condition };
  }
  return defaultCondition(kind);
}
