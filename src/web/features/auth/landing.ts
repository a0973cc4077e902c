import { can } from '../../../shared/auth/roles';
import type { Account } from './auth-api';

/** Where the gate app lives: its own page (installable, works offline), outside the console's router. */
export const GATE_APP = '/gate/';

/**
 * Where each role's work is, the page it opens on after signing in and at /admin/ (issue 13 item 6):
 * the guard the gate app, a volunteer her visits (my tasks), the community's staff and the officers
 * above them their place's dashboard. Paths are the console's (under /admin), except `external`.
 */
export function landingOf(account: Pick<Account, 'role' | 'scope'>): { path: string } | { external: string } {
  if (account.role === 'gate_guard') return { external: GATE_APP };
  if (account.role === 'volunteer') return { path: '/visits' };
  if (can(account.role, 'dashboards.read')) return { path: `/dashboards/${account.scope.placeId}` };
  return { path: '/places' };
}
