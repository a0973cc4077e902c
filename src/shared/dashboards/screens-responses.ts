import { type Static, Type } from 'typebox';
import { DayOut, InstantOut, ItemsOf, Nullable } from '../api/responses';

// What the big-screen routes answer (src/server/modules/dashboards/screens.routes.ts).

export const ScreenLinkOut = Type.Object({
  id: Type.Integer(),
  placeId: Type.Integer(),
  name: Type.String(),
  createdAt: InstantOut,
  revokedAt: Nullable(InstantOut),
});
export type ScreenLinkOut = Static<typeof ScreenLinkOut>;
export const ScreenLinks = ItemsOf(ScreenLinkOut);
export type ScreenLinks = Static<typeof ScreenLinks>;
export const ScreenLinkAnswer = Type.Object({ screen: ScreenLinkOut });
/** Made: the token is answered this once (only its hash is kept). */
export const ScreenLinkMade = Type.Object({ screen: ScreenLinkOut, token: Type.String() });
export type ScreenLinkMade = Static<typeof ScreenLinkMade>;

/** A number on the wall: null and `suppressed` when 1–4 (too few not to point at someone). */
const ScreenValue = Type.Object({ value: Nullable(Type.Number()), suppressed: Type.Boolean() });

export const BigScreen = Type.Object({
  place: Type.Object({ name: Type.String(), kind: Type.String() }),
  day: DayOut,
  asOf: Nullable(InstantOut),
  stale: Type.Boolean(),
  tiles: Type.Array(
    Type.Intersect([
      ScreenValue,
      Type.Object({ indicator: Type.String(), name: Type.String(), unit: Type.String() }),
    ]),
  ),
  children: Type.Array(Type.Object({ name: Type.String(), values: Type.Record(Type.String(), ScreenValue) })),
  trend: Type.Object({
    days: Type.Array(DayOut),
    series: Type.Record(Type.String(), Type.Array(Nullable(Type.Number()))),
  }),
});
export type BigScreen = Static<typeof BigScreen>;
