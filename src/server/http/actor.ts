import type { Role } from '../../shared/auth/roles';
import type { Lang } from '../../shared/i18n/error-messages';
import type { Scope } from '../modules/auth/scope';

/** Who is calling: what every service needs to authorise, filter and audit. */
export interface Actor {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  ip: string;
  lang: Lang;
}
