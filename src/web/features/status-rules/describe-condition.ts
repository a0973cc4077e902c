import {
  RISK_LEVEL_LABELS,
  type RiskLevel,
  SYMPTOM_LABELS,
  type Symptom,
} from '../../../shared/declarations';
import type { ObservationFrom, RuleCondition } from '../../../shared/declarations/status-rules';
import type { Lang } from '../../../shared/i18n/error-messages';
import { en } from '../../shared/locales/en';
import { zh } from '../../shared/locales/zh';

type Words = (typeof zh)['statusRules'];

const WORDS: Record<Lang, Words> = { zh: zh.statusRules, en: en.statusRules };

/** `{{name}}` placeholders, the same syntax as the i18next texts they live beside. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown, missing: string): string | number {
  return typeof value === 'number' && Number.isFinite(value) ? value : missing;
}

function levelText(level: unknown, lang: Lang, missing: string): string {
  if (typeof level !== 'string' || !(level in RISK_LEVEL_LABELS)) return missing;
  const text = RISK_LEVEL_LABELS[level as RiskLevel][lang];
  return lang === 'en' ? text.toLowerCase() : text;
}

function symptomText(symptom: unknown, lang: Lang, missing: string): string {
  if (typeof symptom !== 'string' || !(symptom in SYMPTOM_LABELS)) return missing;
  const text = SYMPTOM_LABELS[symptom as Symptom][lang];
  // The English labels are capitalised for lists; mid-sentence they read better in lower case.
  return lang === 'en' ? text.toLowerCase() : text;
}

/** A group's members joined with 且/或; a member that is itself a group of several goes in brackets. */
function describeGroup(members: unknown, joiner: string, lang: Lang, words: Words['describe']): string {
  if (!Array.isArray(members) || members.length === 0) return words.missing;
  return members.map((member) => describeNested(member, lang, words)).join(joiner);
}

function isCompound(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  const list = condition.all ?? condition.any;
  return Array.isArray(list) && list.length > 1;
}

function describeNested(condition: unknown, lang: Lang, words: Words['describe']): string {
  const text = describe(condition, lang, words);
  return isCompound(condition) ? fill(words.group, { text }) : text;
}

function describe(condition: unknown, lang: Lang, words: Words['describe']): string {
  if (!isRecord(condition)) return words.missing;
  const [kind] = Object.keys(condition);
  const value = kind === undefined ? undefined : condition[kind];
  switch (kind) {
    case 'all':
      return describeGroup(value, words.and, lang, words);
    case 'any':
      return describeGroup(value, words.or, lang, words);
    case 'not':
      return fill(words.not, { text: describeNested(value, lang, words) });
    case 'temperatureAtLeast':
      return fill(words.temperatureAtLeast, { value: numberOr(value, words.missing) });
    case 'symptomAny': {
      const list = Array.isArray(value) ? value : [];
      const symptoms = list.map((s) => symptomText(s, lang, words.missing)).join(words.list);
      return fill(words.symptomAny, { symptoms: symptoms || words.missing });
    }
    case 'visitedRisk': {
      const v = isRecord(value) ? value : {};
      return fill(words.visitedRisk, {
        days: numberOr(v.withinDays, words.missing),
        level: levelText(v.level, lang, words.missing),
      });
    }
    case 'contactConfirmedCase':
      return words.contactConfirmedCase;
    case 'contactRiskAreaPeople': {
      const v = isRecord(value) ? value : {};
      return fill(words.contactRiskAreaPeople, { days: numberOr(v.withinDays, words.missing) });
    }
    case 'homeConditionsMet':
      if (value === true) return words.homeConditionsMet;
      if (value === false) return words.homeConditionsNotMet;
      return words.missing;
    default:
      return words.missing;
  }
}

/**
 * A rule's condition in plain words for staff, e.g. "体温 ≥ 37.3℃ 或 有以下症状之一：发烧、咳嗽".
 * Never throws: half-edited conditions (an empty list, a cleared number) show "？" where something is missing.
 */
export function describeCondition(condition: RuleCondition, lang: Lang): string {
  return describe(condition, lang, WORDS[lang].describe);
}

/** "观察 14 天，从返京日期算起"; null when the outcome has no observation period. */
export function describeObservation(
  outcome: { observationDays?: number; observationFrom?: ObservationFrom },
  lang: Lang,
): string | null {
  if (outcome.observationDays === undefined) return null;
  const words = WORDS[lang];
  // Without a start day the evaluation counts from the return date.
  const from = words.from[outcome.observationFrom ?? 'return_date'];
  return fill(words.observation, { days: outcome.observationDays, from });
}
