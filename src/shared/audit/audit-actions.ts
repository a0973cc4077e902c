/** What the audit log records; the server writes these and the console filters and labels them. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  /** One address locked out of one account after repeated wrong passwords. */
  'login_locked',
  /** Many wrong passwords on one account from anywhere: its managers should look. */
  'login_alarm',
  'logout',
  'password_change',
  'create',
  'update',
  'move',
  'reveal',
  /** A search by a whole ID or phone number (never the number itself). */
  'search',
  'export',
  'import',
  'account_create',
  /** Name, role or scope of an account changed by its manager. */
  'account_update',
  /** Disabled: its sessions end at once. */
  'account_disable',
  'account_enable',
  /** A manager gave the account a new one-time password (never recorded). */
  'account_password_reset',
  /** An installation-wide setting (the public address) changed. */
  'setting_change',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
