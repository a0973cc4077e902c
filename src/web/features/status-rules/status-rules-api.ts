import type { StatusRule } from '../../../shared/declarations';
import { api } from '../../shared/api-client';

export interface CurrentRules {
  /** 0 while the district has never saved its own rules. */
  version: number;
  rules: StatusRule[];
  /** True while the built-in defaults are in use. */
  isDefault: boolean;
}

/** What the server answers after saving: the new version and how the re-evaluation went. */
export interface SavedRules {
  version: number;
  /** People whose latest declaration is recent enough to be judged again. */
  examined: number;
  /** Of those, how many got a different status. */
  changed: number;
}

/**
 * Who is judged again after a save: everyone who declared in this many days (the server's
 * REEVALUATION_WINDOW_DAYS, the same as the retention of health answers). Only used in the confirm text.
 */
export const REEVALUATION_DAYS = 28;

export const statusRuleKeys = {
  all: ['status-rules'] as const,
};

export const statusRulesApi = {
  current: () => api.get<CurrentRules>('/status-rules'),
  save: (rules: StatusRule[]) => api.put<SavedRules>('/status-rules', { rules }),
};
