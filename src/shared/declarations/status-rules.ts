import type { Label, PersonStatus, RiskLevel, Symptom } from './declaration-enums';

export { validateRules } from './validate-rules';

/**
 * Conditions are plain JSON so that district officers can edit and version them and the same document is
 * evaluated by the form, the server and the tests. Each object has exactly one key.
 */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { temperatureAtLeast: number }
  | { symptomAny: Symptom[] }
  /** Came from / stayed in an area at `level` or higher, at most `withinDays` days before today. */
  | { visitedRisk: { level: RiskLevel; withinDays: number } }
  | { contactConfirmedCase: true }
  /** The form asks about recent contact, so the declaration date is the latest possible contact day. */
  | { contactRiskAreaPeople: { withinDays: number } }
  | { homeConditionsMet: boolean };

export type ObservationFrom = 'return_date' | 'declared_on';

export interface StatusRule {
  id: string;
  /** Higher is tried first; equal priorities keep their order in the list. */
  priority: number;
  when: RuleCondition;
  outcome: { status: PersonStatus; observationDays?: number; observationFrom?: ObservationFrom };
  // `outcome`, not `then`: an object with a `then` key looks like a promise (Biome noThenProperty).
  /** Shown in the status history, so that everybody can see why a status changed. */
  reason: Label;
}

export const FEVER_THRESHOLD = 37.3;
export const OBSERVATION_DAYS = 14;

// Fever and respiratory complaints go straight to the clinic; the others are followed up by phone.
const RESPIRATORY: Symptom[] = ['fever', 'cough', 'cold', 'breathing_difficulty', 'sore_throat'];
const OTHER_SYMPTOMS: Symptom[] = ['diarrhoea', 'fatigue', 'loss_of_smell_taste'];

const highRisk: RuleCondition = { visitedRisk: { level: 'high', withinDays: OBSERVATION_DAYS } };
const riskContact: RuleCondition = {
  any: [{ contactConfirmedCase: true }, { contactRiskAreaPeople: { withinDays: OBSERVATION_DAYS } }],
};
const noHomeConditions: RuleCondition = { homeConditionsMet: false };

/**
 * The defaults from the district guidance. Observation for travel counts from the return date; for contacts
 * it counts from the declaration date, because a contact can happen in Beijing long after a trip.
 * `withinDays` equals `observationDays` so a rule matches exactly while its observation would still run.
 */
export const DEFAULT_RULES: StatusRule[] = [
  {
    id: 'clinic-fever-respiratory',
    priority: 100,
    when: { any: [{ temperatureAtLeast: FEVER_THRESHOLD }, { symptomAny: RESPIRATORY }] },
    outcome: { status: 'referred_to_clinic' },
    reason: {
      zh: '体温达到37.3℃或有发烧、呼吸道症状',
      en: 'Temperature of 37.3 °C or more, or fever or respiratory symptoms',
    },
  },
  {
    id: 'high-risk-centralised',
    priority: 90,
    when: { all: [highRisk, noHomeConditions] },
    outcome: {
      status: 'centralised_observation',
      observationDays: OBSERVATION_DAYS,
      observationFrom: 'return_date',
    },
    reason: {
      zh: '14天内从高风险地区返回，且家中不具备居家观察条件',
      en: 'Back from a high-risk area within 14 days and the home is not suitable for observation',
    },
  },
  {
    id: 'contact-centralised',
    priority: 85,
    when: { all: [riskContact, noHomeConditions] },
    outcome: {
      status: 'centralised_observation',
      observationDays: OBSERVATION_DAYS,
      observationFrom: 'declared_on',
    },
    reason: {
      zh: '接触过确诊病例或高风险地区人员，且家中不具备居家观察条件',
      en: 'Contact with a confirmed case or people from a risk area, and the home is not suitable for observation',
    },
  },
  {
    id: 'high-risk-home',
    priority: 80,
    when: highRisk,
    outcome: {
      status: 'home_observation',
      observationDays: OBSERVATION_DAYS,
      observationFrom: 'return_date',
    },
    reason: { zh: '14天内从高风险地区返回', en: 'Back from a high-risk area within 14 days' },
  },
  {
    id: 'contact-home',
    priority: 70,
    when: riskContact,
    outcome: {
      status: 'home_observation',
      observationDays: OBSERVATION_DAYS,
      observationFrom: 'declared_on',
    },
    reason: {
      zh: '接触过确诊病例或风险地区人员',
      en: 'Contact with a confirmed case or people from a risk area',
    },
  },
  {
    id: 'medium-risk-verify',
    priority: 50,
    when: { visitedRisk: { level: 'medium', withinDays: OBSERVATION_DAYS } },
    outcome: { status: 'to_verify' },
    reason: { zh: '14天内去过中风险地区', en: 'Stayed in a medium-risk area within 14 days' },
  },
  {
    // Not in the guidance text: without it, someone reporting diarrhoea or loss of smell would be "normal".
    id: 'other-symptoms-verify',
    priority: 40,
    when: { symptomAny: OTHER_SYMPTOMS },
    outcome: { status: 'to_verify' },
    reason: { zh: '有腹泻、乏力或嗅觉味觉减退等症状', en: 'Diarrhoea, fatigue or loss of smell or taste' },
  },
];
