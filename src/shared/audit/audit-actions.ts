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

/** The actions by name, for what the server writes itself (the log's Excel); the console has its own. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, { zh: string; en: string }> = {
  login: { zh: '登录', en: 'Sign in' },
  login_failed: { zh: '登录失败', en: 'Failed sign-in' },
  login_locked: { zh: '登录锁定（该地址）', en: 'Sign-in locked (this address)' },
  login_alarm: { zh: '登录异常告警', en: 'Sign-in alarm' },
  logout: { zh: '退出登录', en: 'Sign out' },
  password_change: { zh: '修改密码', en: 'Password change' },
  create: { zh: '新增', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  move: { zh: '迁移', en: 'Move' },
  reveal: { zh: '查看完整信息', en: 'Reveal' },
  search: { zh: '按完整号码查询', en: 'Search by a whole number' },
  export: { zh: '导出', en: 'Export' },
  import: { zh: '导入名册', en: 'Import' },
  account_create: { zh: '新建账号', en: 'Account created' },
  account_update: { zh: '修改账号', en: 'Account changed' },
  account_disable: { zh: '停用账号', en: 'Account disabled' },
  account_enable: { zh: '启用账号', en: 'Account enabled' },
  account_password_reset: { zh: '重置密码', en: 'Password reset' },
  setting_change: { zh: '修改设置', en: 'Setting changed' },
  delete: { zh: '删除', en: 'Delete' },
};
