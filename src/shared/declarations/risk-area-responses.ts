import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';
import { RISK_LEVELS } from './declaration-enums';

// What the risk-area routes answer (src/server/modules/risk-areas/risk-areas.routes.ts).

export const RiskAreaOut = Type.Object({
  id: Type.Integer(),
  /** The place that set it: a community reads the areas of every place above it. */
  placeId: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  level: Type.Enum(RISK_LEVELS),
  validFrom: Type.String({ description: 'YYYY-MM-DD' }),
  validTo: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  note: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  /** Set once lifted or replaced by a newer version. */
  retiredAt: Nullable(Type.String({ format: 'date-time' })),
  /** The version that replaced this one; null when lifted outright (or still current). */
  replacedBy: Nullable(Type.Integer()),
});
export type RiskArea = Static<typeof RiskAreaOut>;

/** An area in the list, with where it was set and whether this account may change it. */
export const RiskAreaItem = Type.Intersect([
  RiskAreaOut,
  Type.Object({
    placeName: Type.String(),
    /** The account may change or lift it (set at its place or below); areas set above are read-only. */
    editable: Type.Boolean(),
  }),
]);
export type RiskAreaItem = Static<typeof RiskAreaItem>;
export const RiskAreaList = Type.Object({ items: Type.Array(RiskAreaItem) });
export type RiskAreaList = Static<typeof RiskAreaList>;
export const RiskAreaAnswer = Type.Object({ riskArea: RiskAreaOut });
export type RiskAreaAnswer = Static<typeof RiskAreaAnswer>;
export const RiskAreaImport = Type.Object({ imported: Type.Integer(), unchanged: Type.Integer() });
export type RiskAreaImport = Static<typeof RiskAreaImport>;
