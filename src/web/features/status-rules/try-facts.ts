import type { DeclarationFacts, RiskArea, RiskLevel, Symptom } from '../../../shared/declarations';

/** What the officer enters in the "try it" panel: an imaginary resident, no real data. */
export interface TryInput {
  temperature: number | null;
  symptoms: Symptom[];
  leftCity: boolean;
  /** Risk level of the place the person came back from; 'none' = not a risk area. */
  originLevel: RiskLevel | 'none';
  returnDate: string;
  declaredOn: string;
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  homeConditionsMet: boolean | null;
}

/**
 * A made-up district code for the imaginary origin. A district code (not ending in 00) covers only itself,
 * so the synthetic risk area below matches this origin and nothing else.
 */
export const TRY_REGION = '990101';

/** A risk designation in force since long ago and with no end, so the return date always falls in it. */
const ALWAYS_FROM = '2000-01-01';

export function emptyTryInput(today: string): TryInput {
  return {
    temperature: null,
    symptoms: [],
    leftCity: false,
    originLevel: 'high',
    returnDate: today,
    declaredOn: today,
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    homeConditionsMet: null,
  };
}

/** The declaration facts and the risk area list that make `evaluateStatus` see what the officer entered. */
export function tryFacts(input: TryInput): { facts: DeclarationFacts; areas: RiskArea[] } {
  const facts: DeclarationFacts = {
    leftCity: input.leftCity,
    originRegion: input.leftCity ? TRY_REGION : null,
    returnDate: input.leftCity && input.returnDate ? input.returnDate : null,
    riskRegionsVisited: [],
    contactConfirmedCase: input.contactConfirmedCase,
    contactRiskAreaPeople: input.contactRiskAreaPeople,
    symptoms: [...input.symptoms],
    temperature: input.temperature,
    homeConditionsMet: input.homeConditionsMet,
  };
  const areas: RiskArea[] =
    input.leftCity && input.originLevel !== 'none'
      ? [{ regionCode: TRY_REGION, level: input.originLevel, validFrom: ALWAYS_FROM, validTo: null }]
      : [];
  return { facts, areas };
}
