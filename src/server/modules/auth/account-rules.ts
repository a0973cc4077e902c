import { randomInt } from 'node:crypto';
import {
  ROLE_SCOPE_KINDS,
  ROLES_WITH_BUILDINGS,
  SLIP_PASSWORD_ALPHABET,
} from '../../../shared/auth/accounts';
import { GRANTABLE_ROLES, type Role } from '../../../shared/auth/roles';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import * as repo from './auth.repo';
import { placeInScope } from './scope';

export interface AccountGrant {
  role: Role;
  scopePlaceId: number;
  scopeBuildingIds?: number[] | null | undefined;
}

/**
 * What a manager may give an account, checked on every create and change: a role below their own, a
 * place inside their scope (another community's answers 404, as a place that does not exist), the kind of
 * place the role works at, and buildings — volunteers only — inside that place. `actor` null is the
 * machine's operator (the CLI), who is held only to the buildings being real.
 */
export async function checkGrant(db: DbOrTx, actor: Actor | null, grant: AccountGrant) {
  if (actor && !GRANTABLE_ROLES[actor.role].includes(grant.role))
    throw new AppError('role_not_grantable', {}, 'role');
  const loaded = await repo.loadScopePlaces(db, grant.scopePlaceId);
  if (!loaded || (actor && !placeInScope(actor.scope, loaded.place)))
    throw new AppError('not_found', {}, 'scopePlaceId');
  if (actor && !ROLE_SCOPE_KINDS[grant.role].includes(loaded.place.kind as PlaceKind))
    throw new AppError('scope_kind_mismatch', {}, 'scopePlaceId');
  const buildings = [...new Set(grant.scopeBuildingIds ?? [])];
  if (buildings.length === 0) return;
  if (actor && !ROLES_WITH_BUILDINGS.includes(grant.role))
    throw new AppError('buildings_volunteer_only', {}, 'scopeBuildingIds');
  // Every building must really be a building (or bungalow area) inside the scope place.
  const prefix = `${loaded.place.path}${loaded.place.id}/`;
  if ((await repo.countBuildingsUnder(db, buildings, prefix)) !== buildings.length)
    throw new AppError('out_of_scope', {}, 'scopeBuildingIds');
}

/** A password to read off a printed slip: 12 characters from an alphabet without look-alikes (~59 bits). */
export function slipPassword(): string {
  const chars = Array.from(
    { length: 12 },
    () => SLIP_PASSWORD_ALPHABET[randomInt(SLIP_PASSWORD_ALPHABET.length)],
  );
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}
