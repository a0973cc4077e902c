import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit/audit-actions';
import { api } from '../../shared/api-client';

export { AUDIT_ACTIONS, type AuditAction };

export const AUDIT_ENTITIES = ['resident', 'household', 'place', 'account', 'import_job'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  accountName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditFilter {
  action?: AuditAction;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = { list: (filter: AuditFilter) => ['audit', filter] as const };

export const auditApi = {
  list: (filter: AuditFilter) => api.get<{ items: AuditEntry[]; total: number }>('/audit', { ...filter }),
};

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}
