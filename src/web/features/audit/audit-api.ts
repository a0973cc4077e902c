import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit/audit-actions';
import type { AuditPage } from '../../../shared/audit/audit-responses';
import { api } from '../../shared/api-client';

export { AUDIT_ACTIONS, type AuditAction };

export const AUDIT_ENTITIES = ['resident', 'household', 'place', 'account', 'import_job'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export type { AuditEntry } from '../../../shared/audit/audit-responses';

export interface AuditFilter {
  action?: AuditAction;
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

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}
