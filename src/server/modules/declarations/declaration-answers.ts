import type { DeclarationFacts, ExtraAnswers, Symptom, Transport } from '../../../shared/declarations';
import type { Vault } from '../../privacy/vault';
import type { DeclarationRow } from './declarations.repo';

/** What the form asks, whoever fills it in. */
export interface DeclarationAnswers {
  leftCity: boolean;
  originRegion?: string | null | undefined;
  returnDate?: string | null | undefined;
  transport?: Transport | null | undefined;
  transportNumber?: string | null | undefined;
  seat?: string | null | undefined;
  riskRegionsVisited?: string[] | undefined;
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  temperature?: number | null | undefined;
  homeConditionsMet?: boolean | null | undefined;
  companions?: string | null | undefined;
  /** The form version the extra questions came from, and their answers (checked by form-versions). */
  formVersionId?: number | null | undefined;
  extra?: Record<string, unknown> | undefined;
}

/** The health answers: encrypted at rest, never sent back in lists. */
export interface SealedAnswers {
  riskRegionsVisited: string[];
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  temperature: number | null;
  homeConditionsMet: boolean | null;
  transportNumber: string | null;
  seat: string | null;
  companions: string | null;
  /** Answers to the questions officers added; sealed too, since officers may ask anything. */
  extra: ExtraAnswers;
}

/** The part of the answers that is sealed: everything but the travel columns staff filter on. */
export function sealedAnswersOf(input: DeclarationAnswers, extra: ExtraAnswers): SealedAnswers {
  return {
    riskRegionsVisited: input.riskRegionsVisited ?? [],
    contactConfirmedCase: input.contactConfirmedCase,
    contactRiskAreaPeople: input.contactRiskAreaPeople,
    symptoms: input.symptoms,
    temperature: input.temperature ?? null,
    homeConditionsMet: input.homeConditionsMet ?? null,
    transportNumber: input.transportNumber ?? null,
    seat: input.seat ?? null,
    companions: input.companions ?? null,
    extra,
  };
}

export function factsOfInput(input: DeclarationAnswers, answers: SealedAnswers): DeclarationFacts {
  return {
    leftCity: input.leftCity,
    originRegion: input.originRegion ?? null,
    returnDate: input.returnDate ?? null,
    ...answers,
  };
}

/** The facts of a stored declaration, its health answers decrypted: what a re-evaluation reads. */
export function factsOfDeclaration(vault: Vault, row: DeclarationRow): DeclarationFacts {
  const answers = row.answersCipher ? (JSON.parse(vault.decrypt(row.answersCipher)) as SealedAnswers) : null;
  return {
    leftCity: row.leftCity,
    originRegion: row.originRegion,
    returnDate: row.returnDate,
    riskRegionsVisited: answers?.riskRegionsVisited ?? [],
    contactConfirmedCase: answers?.contactConfirmedCase ?? false,
    contactRiskAreaPeople: answers?.contactRiskAreaPeople ?? false,
    symptoms: answers?.symptoms ?? [],
    temperature: answers?.temperature ?? null,
    homeConditionsMet: answers?.homeConditionsMet ?? null,
  };
}
