import { addDays, daysBetween, isCalendarDate } from '../time/beijing';
import type { Label, PersonStatus } from './declaration-enums';
import type { DeclarationFacts } from './declaration-facts';
import { highestRiskVisited, lastDayInRegions, type RiskArea, riskLevelAtLeast } from './risk-areas';
import type { RuleCondition, StatusRule } from './status-rules';

export interface StatusResult {
  status: PersonStatus;
  /** The rule that decided, or null when none matched. */
  ruleId: string | null;
  reason: Label;
  /** Last day of observation, included (YYYY-MM-DD); null when the status has no observation period. */
  observationUntil: string | null;
}

interface Context {
  facts: DeclarationFacts;
  areas: readonly RiskArea[];
  today: string;
  declaredOn: string | undefined;
}

export const NO_RISK_REASON: Label = { zh: '未发现风险', en: 'No risk found' };

// Readings such as 36.5 + 0.8 land a hair below 37.3 in floating point; a fever must not be missed for that.
const TEMPERATURE_TOLERANCE = 1e-9;

/** The declaration answers "in the last N days" as of the day it was made. */
function declarationDay(ctx: Context): string {
  return isCalendarDate(ctx.declaredOn) ? ctx.declaredOn : ctx.today;
}

function matches(condition: RuleCondition, ctx: Context): boolean {
  const { facts } = ctx;
  if ('all' in condition) return condition.all.every((c) => matches(c, ctx));
  if ('any' in condition) return condition.any.some((c) => matches(c, ctx));
  if ('not' in condition) return !matches(condition.not, ctx);
  if ('temperatureAtLeast' in condition) {
    const t = facts.temperature;
    return t !== null && Number.isFinite(t) && t >= condition.temperatureAtLeast - TEMPERATURE_TOLERANCE;
  }
  if ('symptomAny' in condition) return condition.symptomAny.some((s) => facts.symptoms.includes(s));
  if ('visitedRisk' in condition) {
    const { level, withinDays } = condition.visitedRisk;
    const visited = highestRiskVisited(facts, ctx.areas, ctx.today, withinDays, ctx.declaredOn);
    return riskLevelAtLeast(visited, level);
  }
  if ('contactConfirmedCase' in condition) return facts.contactConfirmedCase;
  if ('contactRiskAreaPeople' in condition) {
    const { withinDays } = condition.contactRiskAreaPeople;
    return facts.contactRiskAreaPeople && daysBetween(declarationDay(ctx), ctx.today) <= withinDays;
  }
  return facts.homeConditionsMet === condition.homeConditionsMet;
}

/**
 * Observation of N days from day D ends on D + N, that day included: someone back on the 1st is observed
 * until the 15th. This is the same boundary as `withinDays` (today - D <= N), so a rule with
 * withinDays == observationDays matches exactly while its observation is still running.
 */
function observationUntil(rule: StatusRule, ctx: Context): string | null {
  const { observationDays, observationFrom } = rule.outcome;
  if (observationDays === undefined) return null;
  const from =
    observationFrom === 'declared_on'
      ? declarationDay(ctx)
      : lastDayInRegions(ctx.facts, ctx.today, ctx.declaredOn);
  return addDays(from, observationDays);
}

/**
 * Turns one declaration into a status: the first matching rule by priority (higher first, ties in list
 * order). Pure: the same inputs always give the same result and nothing passed in is changed, so the form,
 * the server and a re-evaluation after a rule change all agree.
 *
 * A rule whose observation period would already be over today is skipped rather than applied, so edited
 * rules with a long `withinDays` and a short `observationDays` can never put someone under an observation
 * that ended in the past.
 */
export function evaluateStatus(
  facts: DeclarationFacts,
  rules: readonly StatusRule[],
  riskAreas: readonly RiskArea[],
  today: string,
  declaredOn?: string,
): StatusResult {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a calendar date (YYYY-MM-DD): ${today}`);
  const ctx: Context = { facts, areas: riskAreas, today, declaredOn };
  const ordered = rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index);
  for (const { rule } of ordered) {
    if (!matches(rule.when, ctx)) continue;
    const until = observationUntil(rule, ctx);
    if (until !== null && until < today) continue;
    return {
      status: rule.outcome.status,
      ruleId: rule.id,
      reason: { zh: rule.reason.zh, en: rule.reason.en },
      observationUntil: until,
    };
  }
  return { status: 'normal', ruleId: null, reason: { ...NO_RISK_REASON }, observationUntil: null };
}
