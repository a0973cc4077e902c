import { AppError } from '../../http/app-error';

/**
 * What an account may see. Every repository query takes one and filters by it; there is no query path
 * that forgets it, because repositories ask for a Scope in their signatures.
 */
export interface Scope {
  /** The account's place and its materialised path ('/1/4/'). */
  placeId: number;
  placePath: string;
  /** Communities at or under the account's place (for a community account: just its own). */
  communityIds: number[];
  /** Set for building-level accounts (volunteers): only households in these buildings. */
  buildingIds: number[] | null;
}

export function canSeeCommunity(scope: Scope, communityId: number | null | undefined): boolean {
  return communityId != null && scope.communityIds.includes(communityId);
}

/** Throws the same "not found" a missing row would, so a caller cannot probe what exists elsewhere. */
export function assertCommunity(
  scope: Scope,
  communityId: number | null | undefined,
): asserts communityId is number {
  if (!canSeeCommunity(scope, communityId)) throw new AppError('not_found');
}

export function assertBuilding(scope: Scope, buildingId: number): void {
  if (scope.buildingIds && !scope.buildingIds.includes(buildingId)) throw new AppError('not_found');
}

/** A place is inside the scope when the scope's place is on its path (or is the place). */
export function placeInScope(scope: Scope, place: { id: number; path: string }): boolean {
  return `${place.path}${place.id}/`.startsWith(`${scope.placePath}${scope.placeId}/`);
}

/** The account's place is a root of the tree (no parent): its scope is the whole of that tree. */
export function isRootScope(scope: Scope): boolean {
  return scope.placePath === '/';
}
