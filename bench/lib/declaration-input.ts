import { randomUUID } from 'node:crypto';
import type { Symptom, Transport } from '../../src/shared/declarations';
import { addDays } from '../../src/shared/time/beijing';
import { chineseName, createRng, mobile, pick, residentId } from './synthetic';

/** The high-risk area the benchmarks designate (a city: it covers every district code 4201xx). */
export const RISK_REGION = { code: '420100', name: '武汉市' };
/** District codes inside it, and some outside any risk area, for the "where did you come back from". */
export const RISK_DISTRICTS = ['420102', '420106', '420111'];
export const SAFE_DISTRICTS = ['310104', '440305', '510104', '330106'];

export interface OfferedBuilding {
  id: number;
  entrances: Array<{ id: number }>;
}

/** The mix of answers: mostly nothing to report, then fever, travel from the risk area, other travel. */
export type AnswerKind = 'normal' | 'fever' | 'other_symptom' | 'risk_area' | 'travel' | 'contact';

export function answerKind(r: number): AnswerKind {
  if (r < 0.6) return 'normal';
  if (r < 0.7) return 'fever';
  if (r < 0.74) return 'other_symptom';
  if (r < 0.86) return 'risk_area';
  if (r < 0.96) return 'travel';
  return 'contact';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The answer fields of the form, as the public route takes them. */
export interface FormAnswers {
  leftCity: boolean;
  originRegion?: string;
  returnDate?: string;
  transport?: Transport;
  transportNumber?: string;
  seat?: string;
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  temperature: number | null;
  homeConditionsMet: boolean | null;
  companions?: string | null;
}

const FEVER_SYMPTOMS: Symptom[][] = [[], ['fever'], ['fever', 'cough'], ['sore_throat']];
const OTHER_SYMPTOMS: Symptom[][] = [['fatigue'], ['diarrhoea'], ['loss_of_smell_taste']];
const TRAVEL_BY: Transport[] = ['rail', 'air', 'self_drive'];

/** The answers of one kind of respondent. */
export function answersFor(kind: AnswerKind, rng: () => number, today: string): FormAnswers {
  const base: FormAnswers = {
    leftCity: false,
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    symptoms: [],
    temperature: round1(36 + rng() * 1.2), // 36.0 – 37.2
    homeConditionsMet: true,
  };
  switch (kind) {
    case 'normal':
      return rng() < 0.3 ? { ...base, temperature: null } : base;
    case 'fever':
      return {
        ...base,
        temperature: round1(37.3 + rng() * 1.7),
        symptoms: pick(rng, FEVER_SYMPTOMS),
      };
    case 'other_symptom':
      return { ...base, symptoms: pick(rng, OTHER_SYMPTOMS) };
    case 'risk_area':
    case 'travel': {
      const fromRisk = kind === 'risk_area';
      return {
        ...base,
        leftCity: true,
        originRegion: pick(rng, fromRisk ? RISK_DISTRICTS : SAFE_DISTRICTS),
        returnDate: addDays(today, -1 - Math.floor(rng() * (fromRisk ? 10 : 20))),
        transport: pick(rng, TRAVEL_BY),
        transportNumber: `G${100 + Math.floor(rng() * 9000)}`,
        seat: `${1 + Math.floor(rng() * 16)}车${1 + Math.floor(rng() * 20)}F`,
        homeConditionsMet: fromRisk ? rng() < 0.8 : true,
        companions: rng() < 0.3 ? '与家人同行' : null,
      };
    }
    case 'contact':
      return { ...base, contactRiskAreaPeople: true, homeConditionsMet: rng() < 0.8 };
  }
}

/**
 * Bodies for POST /api/public/declarations. Mostly a new person each time (a fresh valid resident ID and
 * mobile from a counter); `repeatShare` of them declare again someone who already did (an update).
 */
export function createDeclarationBodies(options: {
  token: string;
  buildings: OfferedBuilding[];
  today: string;
  seed: number;
  repeatShare?: number;
  newcomerShare?: number;
}) {
  const rng = createRng(options.seed);
  const repeatShare = options.repeatShare ?? 0.08;
  const newcomerShare = options.newcomerShare ?? 0.05;
  let issued = 0;
  let newRooms = 0;
  return {
    get issued() {
      return issued;
    },
    next(): string {
      // Repeats pick someone from well before the last few hundred, whose first submit has long finished.
      const repeat = issued > 1000 && rng() < repeatShare;
      const index = repeat ? Math.floor(rng() * (issued - 500)) : issued;
      if (!repeat) issued += 1;
      const person = createRng(index + 1);
      const female = index % 2 === 0;
      let address: Record<string, unknown>;
      if (rng() < newcomerShare) address = { newcomer: true, note: '暂住亲戚家' };
      else {
        const building = pick(rng, options.buildings);
        const entrance = building.entrances.length > 0 ? pick(rng, building.entrances).id : undefined;
        // A few doors not in the registry yet (each one new, so no two requests race for the same door).
        const room =
          rng() < 0.05
            ? `${19 + Math.floor(newRooms / 99)}${String((newRooms++ % 99) + 1).padStart(2, '0')}`
            : `${1 + Math.floor(rng() * 18)}0${1 + Math.floor(rng() * 4)}`;
        address = { buildingId: building.id, ...(entrance ? { entranceId: entrance } : {}), room };
      }
      return JSON.stringify({
        token: options.token,
        person: {
          name: chineseName(person),
          ...(index % 3 === 0 ? { gender: female ? 'female' : 'male' } : {}),
          docType: 'resident_id',
          docNumber: residentId(index, female),
          phone: mobile(index),
        },
        address,
        ...answersFor(answerKind(rng()), rng, options.today),
        consent: true,
        // Each submit is a new one (a phone keeps the same id only to re-send the same submit).
        clientId: randomUUID(),
      });
    },
  };
}
