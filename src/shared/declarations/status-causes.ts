/** Why a person's status changed: what the history and the daily list of changes name. */
export const STATUS_CAUSES = [
  'declaration',
  'self_declaration',
  'self_declaration_confirmed',
  'risk_area_change',
  'rule_change',
  'gate_fever',
] as const;
export type StatusCause = (typeof STATUS_CAUSES)[number];
