import { type Static, Type } from 'typebox';
import { ItemsOf, Nullable } from '../api/responses';
import { CAMPAIGN_KINDS } from '../campaigns';

// What the buildings routes answer (src/server/modules/buildings/buildings.routes.ts): 动态楼宇画像.

export const BuildingFiguresOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  /** The compound (小区/院) the building sits in; null straight under the community. The grid groups by it. */
  compoundId: Nullable(Type.Integer()),
  compoundName: Nullable(Type.String()),
  households: Type.Integer(),
  vacant: Type.Integer(),
  residents: Type.Integer(),
  renters: Type.Integer(),
  vulnerable: Type.Integer(),
  partyMembers: Type.Integer(),
  attention: Type.Integer(),
  campaignId: Nullable(Type.Integer()),
  campaignTotal: Type.Integer(),
  campaignDone: Type.Integer(),
});
export type BuildingFigures = Static<typeof BuildingFiguresOut>;
export const BuildingGrid = ItemsOf(BuildingFiguresOut);
export type BuildingGrid = Static<typeof BuildingGrid>;

const Counts = Type.Record(Type.String(), Type.Integer());

export const BuildingProfile = Type.Object({
  building: Type.Intersect([BuildingFiguresOut, Type.Object({ communityId: Type.Integer() })]),
  entrances: Type.Array(
    Type.Object({
      id: Nullable(Type.Integer()),
      name: Nullable(Type.String()),
      households: Type.Integer(),
      vacant: Type.Integer(),
    }),
  ),
  volunteers: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
  /** People by current status. */
  statuses: Counts,
  campaigns: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      kind: Type.Enum(CAMPAIGN_KINDS),
      status: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      outcomes: Counts,
      assignees: Type.Array(Type.String()),
    }),
  ),
  openFindings: Type.Object({
    total: Type.Integer(),
    overdue: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        campaignId: Type.Integer(),
        campaignName: Type.String(),
        campaignKind: Type.Enum(CAMPAIGN_KINDS),
        itemText: Type.String(),
        entranceName: Nullable(Type.String()),
        floor: Nullable(Type.Integer()),
        location: Nullable(Type.String()),
        description: Type.String(),
        photoIds: Type.Array(Type.String()),
        deadline: Type.String({ description: 'YYYY-MM-DD' }),
        overdue: Type.Boolean(),
        createdAt: Type.String({ format: 'date-time' }),
      }),
    ),
  }),
});
export type BuildingProfile = Static<typeof BuildingProfile>;
