import type { PlaceKind } from '../places/place-kinds';
import type { Role } from './roles';

/**
 * Where each role's account may be scoped when a manager creates or changes it. Community work (duty,
 * assignments, gate shifts) looks accounts up by `scope_place_id = community`, so a community role scoped
 * to a compound or a district would be lost or, worse, see more than its community.
 */
export const ROLE_SCOPE_KINDS: Record<Role, readonly PlaceKind[]> = {
  district_officer: ['city', 'district'],
  subdistrict_officer: ['subdistrict'],
  community_secretary: ['community'],
  social_worker: ['community'],
  volunteer: ['community'],
  gate_guard: ['community'],
};

/** Only volunteers (building captains) are narrowed to buildings. */
export const ROLES_WITH_BUILDINGS: readonly Role[] = ['volunteer'];

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A building an account is narrowed to, named with its compound: five compounds each have a 1号楼. */
export interface AccountBuilding {
  id: number;
  name: string;
  compoundName: string | null;
}

/** One row of the accounts page. */
export interface AccountItem {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopePlaceId: number;
  scopePlaceName: string;
  scopePlaceKind: PlaceKind;
  buildings: AccountBuilding[] | null;
  disabled: boolean;
  createdAt: string;
  /** The caller may change this account: below their role, not themselves. */
  manageable: boolean;
}

/** A new account or a reset: the password is shown once, never stored in a form that can be read back. */
export interface OneTimePassword {
  account: AccountItem;
  password: string;
}

/** Letters and digits a person reads off paper without confusing them (no 0/O, 1/l/I). */
export const SLIP_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
