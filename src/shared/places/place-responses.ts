import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';
import { PLACE_KINDS } from './place-kinds';

// What the places routes answer (src/server/modules/places/places.routes.ts); the console reads these types.

export const PlaceKindOut = Type.Enum(PLACE_KINDS);

export const PlaceSummary = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: PlaceKindOut,
  name: Type.String(),
  code: Nullable(Type.String()),
  communityId: Nullable(Type.Integer()),
  childCount: Type.Integer(),
  households: Type.Integer(),
  residents: Type.Integer(),
});
export type PlaceSummary = Static<typeof PlaceSummary>;

export const GateOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  vehiclesAllowed: Type.Boolean(),
  openingHours: Nullable(Type.String()),
});
export type Gate = Static<typeof GateOut>;

export const PlaceDetail = Type.Object({
  place: Type.Intersect([PlaceSummary, Type.Object({ notes: Nullable(Type.String()) })]),
  ancestors: Type.Array(
    Type.Object({ id: Type.Integer(), kind: PlaceKindOut, name: Type.String(), inScope: Type.Boolean() }),
  ),
  children: Type.Array(PlaceSummary),
  gates: Type.Array(GateOut),
});
export type PlaceDetail = Static<typeof PlaceDetail>;

/** A place an officer may set rules and risk areas for (their own, or a community or level under it). */
export const PolicyPlace = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: PlaceKindOut,
  name: Type.String(),
  depth: Type.Integer(),
});
export type PolicyPlace = Static<typeof PolicyPlace>;
