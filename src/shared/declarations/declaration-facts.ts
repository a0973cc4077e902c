import type { Symptom } from './declaration-enums';

/**
 * What a declaration says, reduced to the facts the status rules look at. Name, ID and phone live on the
 * person; keeping them out of here means the rule engine never handles identifying data.
 */
export interface DeclarationFacts {
  leftCity: boolean;
  /** Where the person came (back) from: 6-digit GB/T 2260 code, any level (province, city or district). */
  originRegion: string | null;
  /** Day the person came back to Beijing, YYYY-MM-DD (Beijing date). */
  returnDate: string | null;
  /** Other places stayed in during the period the form asks about (GB/T 2260 codes). */
  riskRegionsVisited: string[];
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  /** °C; null when not measured. */
  temperature: number | null;
  /** Whether the home allows observation (own room, no vulnerable people sharing); null = not asked yet. */
  homeConditionsMet: boolean | null;
}
