/** What the audit log records; the server writes these and the console filters and labels them. */
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
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
