import { CHILD_KINDS, type PlaceKind } from '../../../shared/places/place-kinds';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { placeInScope, type Scope } from '../auth/scope';
import * as repo from './places.repo';

export interface PlaceSummary {
  id: number;
  parentId: number | null;
  kind: PlaceKind;
  name: string;
  code: string | null;
  communityId: number | null;
  childCount: number;
  households: number;
  residents: number;
}

function summary(
  place: repo.PlaceRow,
  children: Map<number, number>,
  counts?: { households: number; residents: number },
): PlaceSummary {
  return {
    id: place.id,
    parentId: place.parentId,
    kind: place.kind,
    name: place.name,
    code: place.code,
    communityId: place.communityId,
    childCount: children.get(place.id) ?? 0,
    households: counts?.households ?? 0,
    residents: counts?.residents ?? 0,
  };
}

/** Building-level accounts see their buildings, the entrances in them, and the places that lead to them. */
function visibleToBuildingScope(
  scope: Scope,
  place: repo.PlaceRow,
  ancestorsOfBuildings: Set<number>,
): boolean {
  if (!scope.buildingIds) return true;
  if (scope.buildingIds.includes(place.id)) return true;
  if (place.kind === 'entrance' && place.parentId !== null) return scope.buildingIds.includes(place.parentId);
  return ancestorsOfBuildings.has(place.id);
}

export function createPlacesService(db: Db, audit: AuditService) {
  async function buildingAncestors(scope: Scope): Promise<Set<number>> {
    if (!scope.buildingIds) return new Set();
    const buildings = await repo.findPlacesByIds(db, scope.buildingIds);
    return new Set(buildings.flatMap((b) => b.path.split('/').filter(Boolean).map(Number)));
  }

  async function loadVisible(actor: Actor, id: number): Promise<repo.PlaceRow> {
    const place = await repo.findPlace(db, id);
    if (!place || !placeInScope(actor.scope, place)) throw new AppError('not_found');
    if (!visibleToBuildingScope(actor.scope, place, await buildingAncestors(actor.scope)))
      throw new AppError('not_found');
    return place;
  }

  async function describeChildren(actor: Actor, parent: repo.PlaceRow): Promise<PlaceSummary[]> {
    const ancestors = await buildingAncestors(actor.scope);
    const children = (await repo.listChildren(db, parent.id)).filter((c) =>
      visibleToBuildingScope(actor.scope, c, ancestors),
    );
    const [grandchildren, counts] = await Promise.all([
      repo.childCounts(
        db,
        children.map((c) => c.id),
      ),
      repo.countsForChildren(db, children, actor.scope.communityIds),
    ]);
    return children.map((c) => summary(c, grandchildren, counts.get(c.id)));
  }

  return {
    loadVisible,

    /** The account's own place: where its tree starts. */
    async roots(actor: Actor): Promise<PlaceSummary[]> {
      const place = await repo.findPlace(db, actor.scope.placeId);
      if (!place) return [];
      const [children, counts] = await Promise.all([
        repo.childCounts(db, [place.id]),
        repo.countsForChildren(db, [place], actor.scope.communityIds),
      ]);
      return [summary(place, children, counts.get(place.id))];
    },

    async get(actor: Actor, id: number) {
      const place = await loadVisible(actor, id);
      const ancestorIds = place.path.split('/').filter(Boolean).map(Number);
      const ancestors = (await repo.findPlacesByIds(db, ancestorIds))
        .sort((a, b) => a.depth - b.depth)
        .map((a) => ({ id: a.id, kind: a.kind, name: a.name, inScope: placeInScope(actor.scope, a) }));
      const [children, gates, own] = await Promise.all([
        describeChildren(actor, place),
        place.kind === 'compound' ? repo.listGates(db, place.id) : Promise.resolve([]),
        repo.countsForChildren(db, [place], actor.scope.communityIds),
      ]);
      return {
        place: {
          ...summary(place, new Map([[place.id, children.length]]), own.get(place.id)),
          notes: place.notes,
        },
        ancestors,
        children,
        gates: gates.map((g) => ({
          id: g.id,
          name: g.name,
          vehiclesAllowed: g.vehiclesAllowed,
          openingHours: g.openingHours,
        })),
      };
    },

    async create(
      actor: Actor,
      input: { parentId: number; kind: PlaceKind; name: string; code?: string | undefined },
    ) {
      const parent = await loadVisible(actor, input.parentId);
      const allowed = CHILD_KINDS[parent.kind as PlaceKind] ?? [];
      if (!allowed.includes(input.kind)) {
        throw new AppError('invalid_place_kind', { parent: parent.name, child: input.kind }, 'kind');
      }
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertChildPlace(tx, parent, {
          kind: input.kind,
          name: input.name.trim(),
          code: input.code ?? null,
        });
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'place',
            entityId: row.id,
            communityId: row.communityId,
            detail: { kind: row.kind, name: row.name },
          },
          tx,
        );
        return row;
      });
      return summary(created, new Map());
    },

    async rename(
      actor: Actor,
      id: number,
      input: { name?: string | undefined; notes?: string | null | undefined },
    ) {
      const place = await loadVisible(actor, id);
      await db.transaction(async (tx) => {
        await repo.updatePlace(tx, id, {
          ...(input.name ? { name: input.name.trim() } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
        });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'place',
            entityId: id,
            communityId: place.communityId,
            detail: { before: place.name, after: input.name ?? place.name },
          },
          tx,
        );
      });
      return this.get(actor, id);
    },

    /** The places an officer may set rules and risk areas for: their own and those under it. */
    async policyPlaces(actor: Actor) {
      const place = await repo.findPlace(db, actor.scope.placeId);
      return place ? repo.policyPlacesUnder(db, place) : [];
    },
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
