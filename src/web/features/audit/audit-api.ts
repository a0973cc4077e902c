import { api } from '../../shared/api-client';

/** Mirrors the server's AUDIT_ACTIONS (src/server/modules/audit/audit.service.ts). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_change',
  'create',
  'update',
  'move',
  'reveal',
  'export',
  'import',
  'account_create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
