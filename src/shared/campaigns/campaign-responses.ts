import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';
import { CAMPAIGN_KINDS, RECHECK_RESULTS, VISIT_OUTCOMES } from './index';

// What the campaign routes answer (src/server/modules/campaigns/campaigns.routes.ts): door-to-door
// screening and building checks. Residents at a door only as masked names and phones.

const Day = Type.String({ description: 'YYYY-MM-DD' });
const At = Type.String({ format: 'date-time' });
const Counts = Type.Record(Type.String(), Type.Integer());

export const CampaignOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  communityName: Nullable(Type.String()),
  name: Type.String(),
  kind: Type.Enum(CAMPAIGN_KINDS),
  placeIds: Type.Array(Type.Integer()),
  startsOn: Day,
  endsOn: Nullable(Day),
  status: Type.Enum(['active', 'closed'] as const),
  targetCount: Type.Integer(),
  checklist: Type.Array(Type.Object({ key: Type.String(), text: Type.String() })),
  createdAt: At,
  closedAt: Nullable(At),
});
export type Campaign = Static<typeof CampaignOut>;
export const CampaignAnswer = Type.Object({ campaign: CampaignOut });
export type CampaignAnswer = Static<typeof CampaignAnswer>;
/** A campaign in the list, with its progress: targets done (households, or buildings) and the percent. */
export const CampaignListItem = Type.Intersect([
  CampaignOut,
  Type.Object({ done: Type.Integer(), percent: Type.Number({ minimum: 0, maximum: 100 }) }),
]);
export type CampaignListItem = Static<typeof CampaignListItem>;
export const CampaignList = Type.Object({ items: Type.Array(CampaignListItem) });
export type CampaignList = Static<typeof CampaignList>;

export const MyCampaignOut = Type.Intersect([
  CampaignOut,
  Type.Object({ mine: Type.Integer(), left: Type.Integer() }),
]);
export type MyCampaign = Static<typeof MyCampaignOut>;
export const MyCampaignList = Type.Object({ items: Type.Array(MyCampaignOut) });
export type MyCampaignList = Static<typeof MyCampaignList>;

export const DoorResident = Type.Object({
  id: Type.Integer(),
  nameMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  relationToHead: Type.String(),
  tags: Type.Array(Type.String()),
});
export type DoorResident = Static<typeof DoorResident>;

export const TargetOut = Type.Object({
  id: Type.Integer(),
  householdId: Nullable(Type.Integer()),
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  /** The compound (小区/院) of the building: several compounds each have a "1号楼". */
  compoundName: Nullable(Type.String()),
  entranceId: Nullable(Type.Integer()),
  entranceName: Nullable(Type.String()),
  floor: Nullable(Type.Integer()),
  room: Nullable(Type.String()),
  outcome: Nullable(Type.Enum(VISIT_OUTCOMES)),
  attempts: Type.Integer(),
  lastVisitAt: Nullable(At),
  residents: Type.Array(DoorResident),
});
export type Target = Static<typeof TargetOut>;

export const Unit = Type.Object({
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  compoundId: Nullable(Type.Integer()),
  compoundName: Nullable(Type.String()),
  entranceId: Nullable(Type.Integer()),
  entranceName: Nullable(Type.String()),
  households: Type.Integer(),
  done: Type.Integer(),
});
export type Unit = Static<typeof Unit>;

export const AssignmentOut = Type.Object({
  id: Type.Integer(),
  buildingId: Type.Integer(),
  entranceId: Nullable(Type.Integer()),
  accountId: Type.Integer(),
  displayName: Type.String(),
  team: Nullable(Type.String()),
});
export type Assignment = Static<typeof AssignmentOut>;

export const FieldPerson = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  role: Type.String(),
  buildingIds: Nullable(Type.Array(Type.Integer())),
});
export type FieldPerson = Static<typeof FieldPerson>;

export const Assignments = Type.Object({
  units: Type.Array(Unit),
  assignments: Type.Array(AssignmentOut),
  people: Type.Array(FieldPerson),
});
export type Assignments = Static<typeof Assignments>;
export const Assigned = Type.Object({ assigned: Type.Integer() });

export const AssignmentSuggestion = Type.Object({
  items: Type.Array(
    Type.Object({
      buildingId: Type.Integer(),
      buildingName: Type.String(),
      compoundId: Nullable(Type.Integer()),
      compoundName: Nullable(Type.String()),
      households: Type.Integer(),
      accountId: Nullable(Type.Integer()),
    }),
  ),
  load: Type.Array(
    Type.Object({ accountId: Type.Integer(), displayName: Type.String(), households: Type.Integer() }),
  ),
});
export type AssignmentSuggestion = Static<typeof AssignmentSuggestion>;

const PersonProgress = Type.Object({
  accountId: Nullable(Type.Integer()),
  name: Nullable(Type.String()),
  team: Nullable(Type.String()),
  total: Type.Integer(),
  done: Type.Integer(),
  percent: Type.Number(),
});

export const Progress = Type.Object({
  campaign: CampaignOut,
  total: Type.Integer(),
  done: Type.Integer(),
  percent: Type.Number(),
  byOutcome: Counts,
  minAttempts: Type.Integer(),
  neverReached: Type.Integer(),
  byBuilding: Type.Array(
    Type.Object({
      buildingId: Type.Integer(),
      name: Type.String(),
      compoundId: Nullable(Type.Integer()),
      compoundName: Nullable(Type.String()),
      total: Type.Integer(),
      done: Type.Integer(),
      nobodyHome: Type.Integer(),
      percent: Type.Number(),
      openFindings: Type.Optional(Type.Integer()),
      overdueFindings: Type.Optional(Type.Integer()),
    }),
  ),
  /** The buildings rolled up by compound (小区/院), in the buildings' order; null: not in a compound. */
  byCompound: Type.Array(
    Type.Object({
      compoundId: Nullable(Type.Integer()),
      name: Nullable(Type.String()),
      buildings: Type.Integer(),
      total: Type.Integer(),
      done: Type.Integer(),
      percent: Type.Number(),
    }),
  ),
  byPerson: Type.Array(PersonProgress),
  byTeam: Type.Array(
    Type.Object({ team: Type.String(), total: Type.Integer(), done: Type.Integer(), percent: Type.Number() }),
  ),
  byHour: Type.Array(Type.Object({ hour: Type.String(), visits: Type.Integer(), done: Type.Integer() })),
  behind: Type.Array(PersonProgress),
  updatedAt: At,
  /** Governance campaigns only. */
  findings: Nullable(Type.Object({ open: Type.Integer(), overdue: Type.Integer(), closed: Type.Integer() })),
});
export type Progress = Static<typeof Progress>;

export const Queue = Type.Object({
  items: Type.Array(Type.Intersect([TargetOut, Type.Object({ assignee: Nullable(Type.String()) })])),
});
export type Queue = Static<typeof Queue>;

export const MyHouseholds = Type.Object({
  campaign: CampaignOut,
  total: Type.Integer(),
  left: Type.Integer(),
  items: Type.Array(TargetOut),
});
export type MyHouseholds = Static<typeof MyHouseholds>;

export const VisitOut = Type.Object({
  id: Type.Integer(),
  /** Made on the phone: a resend is recognised by it. */
  clientId: Type.String(),
  targetId: Type.Integer(),
  outcome: Type.Enum(VISIT_OUTCOMES),
  notes: Nullable(Type.String()),
  declarationIds: Type.Array(Type.Integer()),
  visitedAt: At,
});
export const VisitRecorded = Type.Object({
  visit: VisitOut,
  duplicate: Type.Boolean(),
});
export type VisitRecorded = Static<typeof VisitRecorded>;

/** A building of a governance campaign, as the check page lists it. */
export const GovBuilding = Type.Object({
  targetId: Type.Integer(),
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  compoundName: Nullable(Type.String()),
  checked: Type.Boolean(),
  lastCheckAt: Nullable(At),
  checkedBy: Nullable(Type.String()),
  assignee: Nullable(Type.String()),
  openFindings: Type.Integer(),
  overdueFindings: Type.Integer(),
});
export type GovBuilding = Static<typeof GovBuilding>;
export const GovBuildings = Type.Object({ campaign: CampaignOut, items: Type.Array(GovBuilding) });
export type GovBuildings = Static<typeof GovBuildings>;

export const Entrances = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type Entrances = Static<typeof Entrances>;

export const CheckRecorded = Type.Object({
  check: Type.Object({
    id: Type.Integer(),
    /** Made on the phone: a resend is recognised by it. */
    clientId: Type.String(),
    targetId: Type.Integer(),
    results: Type.Array(Type.Object({ key: Type.String(), passed: Type.Boolean() })),
    notes: Nullable(Type.String()),
    checkedAt: At,
    findingIds: Type.Array(Type.Integer()),
  }),
  duplicate: Type.Boolean(),
});
export type CheckRecorded = Static<typeof CheckRecorded>;

export const FindingOut = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  campaignName: Type.String(),
  campaignKind: Type.Enum(CAMPAIGN_KINDS),
  communityId: Type.Integer(),
  targetId: Type.Integer(),
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  /** The compound (小区/院) of the building: several compounds each have a "1号楼". */
  compoundName: Nullable(Type.String()),
  entranceId: Nullable(Type.Integer()),
  entranceName: Nullable(Type.String()),
  floor: Nullable(Type.Integer()),
  location: Nullable(Type.String()),
  itemKey: Type.String(),
  itemText: Type.String(),
  description: Type.String(),
  photoIds: Type.Array(Type.String()),
  deadline: Day,
  status: Type.Enum(['open', 'closed'] as const),
  overdue: Type.Boolean(),
  recheckResult: Nullable(Type.Enum(RECHECK_RESULTS)),
  recheckedOn: Nullable(Day),
  recheckedByName: Nullable(Type.String()),
  recheckNotes: Nullable(Type.String()),
  recheckPhotoIds: Type.Array(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: At,
  closedAt: Nullable(At),
});
export type Finding = Static<typeof FindingOut>;
export const Findings = Type.Object({ items: Type.Array(FindingOut) });
export type Findings = Static<typeof Findings>;
export const FindingAnswer = Type.Object({ finding: FindingOut });
export type FindingAnswer = Static<typeof FindingAnswer>;

/** The visits made to one door, newest first. */
export const TargetVisits = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      outcome: Type.String(),
      notes: Nullable(Type.String()),
      visitedAt: At,
      visitedBy: Type.String(),
      declarationIds: Type.Array(Type.Integer()),
    }),
  ),
});
export type TargetVisits = Static<typeof TargetVisits>;
