import { daysBetween, isCalendarDate } from '../time/beijing';
import type { RiskLevel } from './declaration-enums';
import type { DeclarationFacts } from './declaration-facts';

/**
 * One designation published by the authorities: `regionCode` (GB/T 2260, any level) was at `level` from
 * `validFrom` to `validTo`, both days included; `validTo` null means "until further notice".
 */
export interface RiskArea {
  regionCode: string;
  level: RiskLevel;
  validFrom: string;
  validTo: string | null;
}

const LEVEL_RANK: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };
const REGION_CODE = /^\d{6}$/;

export function riskLevelAtLeast(level: RiskLevel | null, minimum: RiskLevel): boolean {
  return level !== null && LEVEL_RANK[level] >= LEVEL_RANK[minimum];
}

function higher(a: RiskLevel | null, b: RiskLevel | null): RiskLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

/**
 * Does the area `areaCode` cover the place `code`? GB/T 2260: 'PP0000' is a province and covers every
 * 'PP****'; 'PPCC00' is a city and covers 'PPCC**'; anything else is a district and covers only itself.
 */
export function regionMatches(areaCode: string, code: string): boolean {
  if (!REGION_CODE.test(areaCode) || !REGION_CODE.test(code)) return false;
  if (areaCode.endsWith('0000')) return code.startsWith(areaCode.slice(0, 2));
  if (areaCode.endsWith('00')) return code.startsWith(areaCode.slice(0, 4));
  return code === areaCode;
}

/** Either place contains the other: someone who says "Hubei" may well have been in a Wuhan risk district. */
export function regionsOverlap(a: string, b: string): boolean {
  return regionMatches(a, b) || regionMatches(b, a);
}

// ISO dates compare correctly as strings, so no parsing is needed here.
function activeDuring(area: RiskArea, from: string, to: string): boolean {
  return area.validFrom <= to && (area.validTo === null || area.validTo >= from);
}

/** Level of the place `code` itself on `date`: highest level among areas covering it and in force that day. */
export function riskLevelOn(code: string, areas: readonly RiskArea[], date: string): RiskLevel | null {
  let level: RiskLevel | null = null;
  for (const area of areas) {
    if (regionMatches(area.regionCode, code) && activeDuring(area, date, date))
      level = higher(level, area.level);
  }
  return level;
}

/**
 * Highest level of any area that overlaps `code` and was in force on at least one day of [from, to].
 * This is the "could the person have been exposed" question, deliberately broader than riskLevelOn.
 */
export function riskLevelDuring(
  code: string,
  areas: readonly RiskArea[],
  from: string,
  to: string,
): RiskLevel | null {
  let level: RiskLevel | null = null;
  for (const area of areas) {
    if (regionsOverlap(area.regionCode, code) && activeDuring(area, from, to))
      level = higher(level, area.level);
  }
  return level;
}

/**
 * Last day the person can have been in the places they list: the return date; without one, the day they
 * declared (the form asks about the days before it); without that, today. Unparseable dates are treated as
 * missing so that a half-typed form still gets an answer.
 */
export function lastDayInRegions(facts: DeclarationFacts, today: string, declaredOn?: string): string {
  if (isCalendarDate(facts.returnDate)) return facts.returnDate;
  if (isCalendarDate(declaredOn)) return declaredOn;
  return today;
}

/**
 * Highest risk level among the places the person came from or stayed in, or null when none was a risk
 * area or the stay is more than `windowDays` before `today`.
 *
 * Which designations count: every one in force on ANY day from the return date up to today, not only on
 * the return date itself. An area that was high-risk the day they came back counts (they were there while
 * it was dangerous) even if it has been lifted since; an area designated after they came back counts too,
 * because designations lag the outbreak and tracing "everyone who was there in the last 14 days" is exactly
 * why affected people are re-evaluated when risk areas change. A designation that ended before the return
 * date does not count (the place was declared safe by then). A future return date (not back yet) is
 * treated as "within the window" and the areas in force between today and that date count.
 */
export function highestRiskVisited(
  facts: DeclarationFacts,
  areas: readonly RiskArea[],
  today: string,
  windowDays: number,
  declaredOn?: string,
): RiskLevel | null {
  const lastDay = lastDayInRegions(facts, today, declaredOn);
  if (daysBetween(lastDay, today) > windowDays) return null;
  const [from, to] = lastDay <= today ? [lastDay, today] : [today, lastDay];
  const codes =
    facts.originRegion === null
      ? facts.riskRegionsVisited
      : [facts.originRegion, ...facts.riskRegionsVisited];
  let level: RiskLevel | null = null;
  for (const code of codes) level = higher(level, riskLevelDuring(code, areas, from, to));
  return level;
}
