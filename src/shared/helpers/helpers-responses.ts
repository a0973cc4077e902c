import { type Static, Type } from 'typebox';
import { DayOut, InstantOut, ItemsOf, Nullable } from '../api/responses';
import {
  CARE_OUTCOMES,
  CARE_TASK_KINDS,
  CARE_TASK_STATUSES,
  COVERAGE_ROLES,
  HOUR_SOURCES,
  HOUR_STATUSES,
  PARTY_KINDS,
} from './index';

// What the helpers and care routes answer (src/server/modules/helpers/*.routes.ts).

export const Helper = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  residentId: Nullable(Type.Integer()),
  name: Type.String(),
  phoneMasked: Nullable(Type.String()),
  teams: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  availability: Nullable(Type.String()),
  verified: Type.Boolean(),
  accountId: Nullable(Type.Integer()),
  partyBranchId: Nullable(Type.Integer()),
  partyBranchName: Nullable(Type.String()),
  partyKind: Nullable(Type.Enum(PARTY_KINDS)),
  employerPartyOrg: Nullable(Type.String()),
  reportedOn: Nullable(DayOut),
  nextReportDue: Nullable(DayOut),
  /** In-service member whose half-yearly report is due today or earlier. */
  reportDue: Type.Boolean(),
  buildings: Type.Array(
    Type.Object({
      buildingId: Type.Integer(),
      buildingName: Type.String(),
      /** The building's compound (小区/院): several compounds each have a "1号楼". */
      compoundName: Nullable(Type.String()),
      role: Type.Enum(COVERAGE_ROLES),
    }),
  ),
});
export type Helper = Static<typeof Helper>;
export const HelperList = ItemsOf(Helper);
export type HelperList = Static<typeof HelperList>;
export const HelperAnswer = Type.Object({ helper: Helper });
export type HelperAnswer = Static<typeof HelperAnswer>;

const Requirements = Type.Object({
  party_contact: Type.Integer(),
  building_lead: Type.Integer(),
  volunteer: Type.Integer(),
});

export const CoverageSettings = Type.Object({ communityId: Type.Integer(), required: Requirements });
export type CoverageSettings = Static<typeof CoverageSettings>;

export const CoverageMatrix = Type.Object({
  communityId: Type.Integer(),
  required: Requirements,
  buildings: Type.Integer(),
  covered: Type.Integer(),
  /** Share of buildings fully covered, 0–1. */
  share: Type.Number(),
  rows: Type.Array(
    Type.Object({
      buildingId: Type.Integer(),
      buildingName: Type.String(),
      compoundName: Nullable(Type.String()),
      covered: Type.Boolean(),
      gaps: Type.Integer(),
      cells: Type.Array(
        Type.Object({
          role: Type.Enum(COVERAGE_ROLES),
          required: Type.Integer(),
          missing: Type.Integer(),
          people: Type.Array(
            Type.Object({ assignmentId: Type.Integer(), helperId: Type.Integer(), name: Type.String() }),
          ),
        }),
      ),
    }),
  ),
});
export type CoverageMatrix = Static<typeof CoverageMatrix>;

export const CoverageAssigned = Type.Object({
  assignment: Type.Object({
    id: Type.Integer(),
    buildingId: Type.Integer(),
    role: Type.Enum(COVERAGE_ROLES),
    helperId: Type.Integer(),
  }),
});
export type CoverageAssigned = Static<typeof CoverageAssigned>;

export const CoverageRollup = ItemsOf(
  Type.Object({
    communityId: Type.Integer(),
    communityName: Type.String(),
    buildings: Type.Integer(),
    covered: Type.Integer(),
    share: Type.Number(),
  }),
);
export type CoverageRollup = Static<typeof CoverageRollup>;

export const CareNeed = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  residentId: Type.Integer(),
  name: Type.String(),
  buildingName: Type.String(),
  compoundName: Nullable(Type.String()),
  room: Type.String(),
  tags: Type.Array(Type.String()),
  contactEveryDays: Type.Integer(),
  lastContactAt: Nullable(InstantOut),
  dueAt: InstantOut,
  overdue: Type.Boolean(),
});
export type CareNeed = Static<typeof CareNeed>;
export const CareNeedList = ItemsOf(CareNeed);
export type CareNeedList = Static<typeof CareNeedList>;
export const CareNeedAnswer = Type.Object({ need: CareNeed });

export const CareTask = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  buildingId: Type.Integer(),
  buildingName: Type.String(),
  compoundName: Nullable(Type.String()),
  room: Type.String(),
  residentId: Type.Integer(),
  residentName: Type.String(),
  kind: Type.Enum(CARE_TASK_KINDS),
  what: Nullable(Type.String()),
  status: Type.Enum(CARE_TASK_STATUSES),
  offeredAt: InstantOut,
  helperId: Nullable(Type.Integer()),
  helperName: Nullable(Type.String()),
  acceptedAt: Nullable(InstantOut),
  escalatedAt: Nullable(InstantOut),
  outcome: Nullable(Type.Enum(CARE_OUTCOMES)),
  photoId: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  doneAt: Nullable(InstantOut),
  minutes: Nullable(Type.Integer()),
});
export type CareTask = Static<typeof CareTask>;
export const CareTaskList = ItemsOf(CareTask);
export type CareTaskList = Static<typeof CareTaskList>;
export const CareTaskAnswer = Type.Object({ task: CareTask });
export type CareTaskAnswer = Static<typeof CareTaskAnswer>;

/** What a helper sees of a task: only what doing it needs (address, masked name and phone, what to bring). */
export const MyCareTask = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  kind: Type.Enum(CARE_TASK_KINDS),
  what: Nullable(Type.String()),
  status: Type.Enum(CARE_TASK_STATUSES),
  address: Type.String(),
  personName: Type.String(),
  phoneMasked: Nullable(Type.String()),
  offeredAt: InstantOut,
  mine: Type.Boolean(),
  outcome: Nullable(Type.Enum(CARE_OUTCOMES)),
  doneAt: Nullable(InstantOut),
});
export type MyCareTask = Static<typeof MyCareTask>;
export const MyCareTasks = ItemsOf(MyCareTask);
export type MyCareTasks = Static<typeof MyCareTasks>;
export const MyCareTaskAnswer = Type.Object({ task: MyCareTask });
export type MyCareTaskAnswer = Static<typeof MyCareTaskAnswer>;
/** A completion: `duplicate` when this one (or an earlier one) had already completed the task. */
export const CareTaskCompleted = Type.Object({ task: MyCareTask, duplicate: Type.Boolean() });
export type CareTaskCompleted = Static<typeof CareTaskCompleted>;

const HourEntry = Type.Object({
  id: Type.Integer(),
  helperId: Type.Integer(),
  helperName: Type.String(),
  source: Type.Enum(HOUR_SOURCES),
  workedOn: DayOut,
  minutes: Type.Integer(),
  note: Nullable(Type.String()),
  status: Type.Enum(HOUR_STATUSES),
});
export const HourEntryAnswer = Type.Object({ entry: HourEntry });
export type HourEntryAnswer = Static<typeof HourEntryAnswer>;

export const HoursSummary = Type.Object({
  month: Type.String(),
  items: Type.Array(
    Type.Object({
      helperId: Type.Integer(),
      helperName: Type.String(),
      /** Everything that counts: approved rows, gate duty checked in to, campaign visits. */
      approvedMinutes: Type.Integer(),
      pendingMinutes: Type.Integer(),
      tasks: Type.Integer(),
      /** Of the approved minutes: ended gate duty shifts the helper checked in to. */
      dutyMinutes: Type.Integer(),
      /** Screening-campaign visits the helper recorded (each counts `VISIT_MINUTES`). */
      visits: Type.Integer(),
      active: Type.Boolean(),
    }),
  ),
  pending: Type.Array(HourEntry),
});
export type HoursSummary = Static<typeof HoursSummary>;
