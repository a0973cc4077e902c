import type { DbOrTx } from '../../db/database';
import { AppError } from '../../http/app-error';
import { placeInScope, type Scope } from '../auth/scope';
import { findPlace, findPlacesByIds, type PlaceRow } from './places.repo';

/**
 * "The nearest place above" lookups, shared by everything officers set per place (form versions, status
 * rule sets, risk areas): a community is governed by what its city, district and sub-district set.
 */

/** Ancestor ids from a materialised path ('/1/4/') plus the place itself, the top first. */
export const lineOf = (place: { id: number; path: string }): number[] => [
  ...place.path.split('/').filter(Boolean).map(Number),
  place.id,
];

/** Rows set at places of `line`, the nearest place first, then the newest (highest id) first within it. */
export function nearestFirst<T extends { placeId: number | null; id: number }>(
  rows: T[],
  line: number[],
): T[] {
  return rows
    .filter((row) => row.placeId !== null && line.includes(row.placeId))
    .sort((a, b) => line.indexOf(b.placeId as number) - line.indexOf(a.placeId as number) || b.id - a.id);
}

/** The lines of many places in one query; a place that does not exist has no line. */
export async function linesOf(db: DbOrTx, placeIds: number[]): Promise<Map<number, number[]>> {
  const rows = await findPlacesByIds(db, [...new Set(placeIds)]);
  return new Map(rows.map((place) => [place.id, lineOf(place)]));
}

/**
 * Rules and risk areas are set for a community or a place above communities (city, district,
 * sub-district), never for a compound or a building: a community is judged by one set.
 */
export const holdsPolicy = (place: { kind: string; communityId: number | null }) =>
  place.communityId === null || place.kind === 'community';

/**
 * The place an officer sets rules or risk areas for: their own place unless they name one under it. A
 * place outside the scope answers like a missing one; a compound or a building is refused in words.
 */
export async function loadPolicyPlace(db: DbOrTx, scope: Scope, placeId?: number): Promise<PlaceRow> {
  const place = await findPlace(db, placeId ?? scope.placeId);
  if (!place || !placeInScope(scope, place)) throw new AppError('not_found');
  if (!holdsPolicy(place))
    throw new AppError(
      'validation_failed',
      { detail: '规则和风险地区只能按市、区、街道或社区设定，不能按小区或楼栋设定' },
      'placeId',
    );
  return place;
}
