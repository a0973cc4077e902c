import fc from 'fast-check';
import { addDays } from '../time/beijing';
import { RISK_LEVELS, SYMPTOMS, type Symptom } from './declaration-enums';
import type { DeclarationFacts } from './declaration-facts';
import type { RiskArea } from './risk-areas';

export const TODAY = '2020-02-20';

/** A declaration with nothing to report; tests override what they need. */
export function facts(overrides: Partial<DeclarationFacts> = {}): DeclarationFacts {
  return {
    leftCity: false,
    originRegion: null,
    returnDate: null,
    riskRegionsVisited: [],
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    symptoms: [],
    temperature: 36.5,
    homeConditionsMet: true,
    ...overrides,
  };
}

// Few codes at every level, so generated visits and areas often overlap.
const CODES = ['420000', '420100', '420106', '110000', '110106', '310000', '310101', '330100'];

export const dateNearTodayArb = fc.integer({ min: -30, max: 5 }).map((n) => addDays(TODAY, n));

export const factsArb: fc.Arbitrary<DeclarationFacts> = fc.record({
  leftCity: fc.boolean(),
  originRegion: fc.option(fc.constantFrom(...CODES)),
  returnDate: fc.option(dateNearTodayArb),
  riskRegionsVisited: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }),
  contactConfirmedCase: fc.boolean(),
  contactRiskAreaPeople: fc.boolean(),
  // Mostly well and without fever, so that the travel and contact rules get exercised too.
  symptoms: fc.oneof(
    { arbitrary: fc.constant<Symptom[]>([]), weight: 3 },
    { arbitrary: fc.uniqueArray(fc.constantFrom(...SYMPTOMS), { maxLength: 4 }), weight: 1 },
  ),
  // Tenths of a degree, as thermometers show them.
  temperature: fc.option(fc.integer({ min: 355, max: 380 }).map((n) => n / 10)),
  homeConditionsMet: fc.option(fc.boolean()),
});

export const riskAreaArb: fc.Arbitrary<RiskArea> = fc
  .record({
    regionCode: fc.constantFrom(...CODES),
    level: fc.constantFrom(...RISK_LEVELS),
    validFrom: dateNearTodayArb,
    length: fc.option(fc.integer({ min: 0, max: 30 })),
  })
  .map(({ length, ...area }) => ({
    ...area,
    validTo: length === null ? null : addDays(area.validFrom, length),
  }));

export const riskAreasArb = fc.array(riskAreaArb, { maxLength: 5 });
