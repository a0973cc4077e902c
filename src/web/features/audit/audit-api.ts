import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit/audit-actions';
import type { AuditPage } from '../../../shared/audit/audit-responses';
import { api } from '../../shared/api-client';

export type { AuditEntry } from '../../../shared/audit/audit-responses';
export { AUDIT_ACTIONS, type AuditAction };

export interface AuditFilter {
  action?: AuditAction | undefined;
  /** About this person (her own rows, her declarations, observations, passes, requests). */
  residentId?: number | undefined;
  /** In this place: a community's whole log, a compound's or building's doors and people. */
  placeId?: number | undefined;
  /** Done by this account. */
  accountId?: number | undefined;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = { list: (filter: AuditFilter) => ['audit', filter] as const };

export const auditApi = {
  list: (filter: AuditFilter) => api.get<AuditPage>('/audit', { ...filter }),
};

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
