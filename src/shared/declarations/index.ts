export {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type Label,
  PERSON_STATUS_ADVICE,
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  type PersonStatus,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  type RiskLevel,
  STATUS_SEVERITY,
  SYMPTOM_LABELS,
  SYMPTOMS,
  type Symptom,
  TRANSPORT_LABELS,
  TRANSPORTS,
  type Transport,
} from './declaration-enums';
export type { DeclarationFacts } from './declaration-facts';
export { evaluateStatus, NO_RISK_REASON, type StatusResult } from './evaluate-status';
export {
  type AnswerIssue,
  checkExtraAnswers,
  type ExtraAnswer,
  type ExtraAnswers,
  type FormQuestion,
  formatExtraAnswer,
  MAX_QUESTIONS,
  nextQuestionKey,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  type QuestionKind,
  validateQuestions,
} from './form-questions';
export {
  highestRiskVisited,
  lastDayInRegions,
  type RiskArea,
  regionMatches,
  regionsOverlap,
  riskLevelAtLeast,
  riskLevelDuring,
  riskLevelOn,
} from './risk-areas';
export {
  DEFAULT_RULES,
  FEVER_THRESHOLD,
  OBSERVATION_DAYS,
  type ObservationFrom,
  type RuleCondition,
  type StatusRule,
  validateRules,
} from './status-rules';
export type { ValidateRulesResult } from './validate-rules';
