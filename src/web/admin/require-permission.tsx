import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/auth/roles';
import { ERROR_MESSAGES } from '../../shared/i18n/error-messages';
import { useCan } from '../features/auth/use-me';
import { useLang } from '../shared/i18n';

/** A page the account may not use says so plainly instead of failing on its first request. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const lang = useLang();
  if (!can(permission)) return <Result status="403" title={ERROR_MESSAGES.forbidden[lang]} />;
  return children;
}
