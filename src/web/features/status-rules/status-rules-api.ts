import type { StatusRule } from '../../../shared/declarations';
import type { CurrentRules, SavedRules } from '../../../shared/declarations/declaration-responses';
import { api } from '../../shared/api-client';

export type { CurrentRules, SavedRules } from '../../../shared/declarations/declaration-responses';

/**
 * Who is judged again after a save: everyone who declared in this many days (the server's
 * REEVALUATION_WINDOW_DAYS, the same as the retention of health answers). Only used in the confirm text.
 */
export const REEVALUATION_DAYS = 28;

export const statusRuleKeys = {
  all: ['status-rules'] as const,
  at: (placeId: number) => ['status-rules', placeId] as const,
};

export const statusRulesApi = {
  current: (placeId: number) => api.get<CurrentRules>('/status-rules', { placeId }),
  save: (rules: StatusRule[], placeId: number) => api.put<SavedRules>('/status-rules', { placeId, rules }),
};
