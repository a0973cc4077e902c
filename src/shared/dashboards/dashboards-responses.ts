import { type Static, Type } from 'typebox';
import { DayOut, InstantOut, ItemsOf, Nullable } from '../api/responses';

// What the dashboards routes answer (src/server/modules/dashboards/dashboards.routes.ts).

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const IndicatorOut = Type.Object({
  id: Type.String(),
  name: Bilingual,
  definition: Bilingual,
  formula: Type.String(),
  unit: Bilingual,
  owner: Type.String(),
  kind: Type.Union([Type.Literal('snapshot'), Type.Literal('daily'), Type.Literal('ratio')]),
  refresh: Type.Union([Type.Literal('job'), Type.Literal('write')]),
  refreshWhy: Type.String(),
  byBuilding: Type.Boolean(),
  drill: Nullable(Type.String()),
});
export type IndicatorOut = Static<typeof IndicatorOut>;
export const IndicatorDictionary = ItemsOf(IndicatorOut);
export type IndicatorDictionary = Static<typeof IndicatorDictionary>;

export const PlaceRef = Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() });
export type PlaceRef = Static<typeof PlaceRef>;

const Values = Type.Record(Type.String(), Nullable(Type.Number()));

export const Tile = Type.Object({
  indicator: Type.String(),
  value: Nullable(Type.Number()),
  /** The value at the end of the day before (snapshots) or the day before's total (daily). */
  yesterday: Nullable(Type.Number()),
  change: Nullable(Type.Number()),
});
export type Tile = Static<typeof Tile>;

export const PlaceDashboard = Type.Object({
  place: PlaceRef,
  /** From the caller's own place down to this one: the breadcrumbs. */
  trail: Type.Array(PlaceRef),
  day: DayOut,
  /** The time the numbers are from (截至); null when the facts were never computed. */
  asOf: Nullable(InstantOut),
  /** Older than five minutes. */
  stale: Type.Boolean(),
  tiles: Type.Array(Tile),
  /** Side by side: a community's buildings, or the places directly under this one. */
  children: Type.Array(Type.Object({ place: PlaceRef, values: Values })),
  /** The last 30 days, oldest first, one value a day per indicator (null: not computed that day). */
  trend: Type.Object({
    days: Type.Array(DayOut),
    series: Type.Record(Type.String(), Type.Array(Nullable(Type.Number()))),
  }),
});
export type PlaceDashboard = Static<typeof PlaceDashboard>;

/** One row behind a number: only what the lists show — masks, never a whole number. */
export const DrillRow = Type.Object({
  id: Type.Integer(),
  residentId: Nullable(Type.Integer()),
  name: Nullable(Type.String()),
  docMasked: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  buildingName: Nullable(Type.String()),
  /** The building's compound (小区/院): several compounds each have a "1号楼". */
  compoundName: Nullable(Type.String()),
  room: Nullable(Type.String()),
  status: Nullable(Type.String()),
  at: Nullable(InstantOut),
  detail: Nullable(Type.String()),
});
export type DrillRow = Static<typeof DrillRow>;

export const DrillRows = Type.Object({
  indicator: Type.String(),
  kind: Type.String(),
  place: PlaceRef,
  trail: Type.Array(PlaceRef),
  items: Type.Array(DrillRow),
  total: Type.Integer(),
});
export type DrillRows = Static<typeof DrillRows>;
