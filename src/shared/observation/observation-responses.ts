import { type Static, Type } from 'typebox';
import { DayOut, InstantOut, ItemsOf, Nullable } from '../api/responses';
import {
  CHECKIN_CHANNELS,
  OBSERVATION_KINDS,
  OBSERVATION_REASONS,
  SLOT_PARTS,
  SYMPTOMS,
  TASK_KINDS,
} from './index';

export { MAX_NOTICES, NOTICE_FILTERS, NOTICE_KINDS, type NoticeFilter, type NoticeKind } from './index';

// What the observation routes answer (src/server/modules/observation/observation.routes.ts). Names are
// masked; readings go only to the observation's own detail, the alerts and the audited export.

const Kind = Type.Enum(OBSERVATION_KINDS);
const Reason = Type.Enum(OBSERVATION_REASONS);
const Part = Type.Enum(SLOT_PARTS);
const Channel = Type.Enum(CHECKIN_CHANNELS);
const SlotState = Type.Enum(['due', 'done', 'missed'] as const);
const LabelOut = Type.Object({ zh: Type.String(), en: Type.String() });

export const ObservationOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  residentId: Type.Integer(),
  /** Masked (刘*红). */
  name: Type.String(),
  buildingName: Nullable(Type.String()),
  compoundName: Nullable(Type.String()),
  room: Nullable(Type.String()),
  kind: Kind,
  reason: Reason,
  note: Nullable(Type.String()),
  dayOne: DayOut,
  plannedEnd: DayOut,
  periodDays: Type.Integer(),
  /** Day of the period today (day 1 = dayOne). */
  dayOfPeriod: Type.Integer(),
  site: Nullable(Type.String()),
  siteRoom: Nullable(Type.String()),
  startedAt: InstantOut,
  endedAt: Nullable(InstantOut),
  endReason: Nullable(Type.String()),
  version: Type.Integer(),
  openAlerts: Type.Integer(),
});
export type ObservationOut = Static<typeof ObservationOut>;
export const ObservationAnswer = Type.Object({ observation: ObservationOut });
export type ObservationAnswer = Static<typeof ObservationAnswer>;
export const ObservationList = ItemsOf(ObservationOut);
export type ObservationList = Static<typeof ObservationList>;

export const SlotOut = Type.Object({
  id: Type.Integer(),
  day: DayOut,
  part: Part,
  opensAt: InstantOut,
  closesAt: InstantOut,
  state: SlotState,
});
export type SlotOut = Static<typeof SlotOut>;

export const CheckinOut = Type.Object({
  id: Type.Integer(),
  slotId: Nullable(Type.Integer()),
  channel: Channel,
  temperature: Type.Number(),
  symptoms: Type.Array(Type.Enum(SYMPTOMS)),
  alarming: Type.Boolean(),
  followUp: Type.Boolean(),
  recordedByName: Nullable(Type.String()),
  recordedAt: InstantOut,
});
export type CheckinOut = Static<typeof CheckinOut>;

export const ObservationDetail = Type.Object({
  observation: ObservationOut,
  slots: Type.Array(SlotOut),
  checkins: Type.Array(CheckinOut),
});
export type ObservationDetail = Static<typeof ObservationDetail>;

export const CheckinAnswer = Type.Object({
  checkinId: Type.Integer(),
  /** Stored before (the same client id): nothing new was written. */
  duplicate: Type.Boolean(),
  alarming: Type.Boolean(),
  slot: Nullable(Type.Object({ day: DayOut, part: Part })),
  followUp: Type.Boolean(),
});
export type CheckinAnswer = Static<typeof CheckinAnswer>;

export const LinkAnswer = Type.Object({ path: Type.String() });
export type LinkAnswer = Static<typeof LinkAnswer>;

export const EligibilityAnswer = Type.Object({
  version: Type.Integer(),
  passed: Type.Boolean(),
  failures: Type.Array(LabelOut),
  /** The "persuade to centralised" task made when it failed. */
  taskId: Nullable(Type.Integer()),
});
export type EligibilityAnswer = Static<typeof EligibilityAnswer>;

export const AlertOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  observationId: Type.Integer(),
  name: Type.String(),
  buildingName: Nullable(Type.String()),
  compoundName: Nullable(Type.String()),
  room: Nullable(Type.String()),
  temperature: Nullable(Type.Number()),
  raisedAt: InstantOut,
  escalatedAt: Nullable(InstantOut),
  acknowledgedAt: Nullable(InstantOut),
});
export type AlertOut = Static<typeof AlertOut>;
export const AlertList = ItemsOf(AlertOut);
export type AlertList = Static<typeof AlertList>;
export const AlertAnswer = Type.Object({ alert: AlertOut });

export const TaskOut = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(TASK_KINDS),
  communityId: Type.Integer(),
  residentId: Type.Integer(),
  name: Type.String(),
  observationId: Nullable(Type.Integer()),
  reason: Type.String(),
  createdAt: InstantOut,
  doneAt: Nullable(InstantOut),
});
export type TaskOut = Static<typeof TaskOut>;
export const TaskList = ItemsOf(TaskOut);
export type TaskList = Static<typeof TaskList>;

const Counts = {
  active: Type.Integer(),
  home: Type.Integer(),
  centralised: Type.Integer(),
  openAlerts: Type.Integer(),
  endingToday: Type.Integer(),
  endingTomorrow: Type.Integer(),
  slotsDone: Type.Integer(),
  slotsDue: Type.Integer(),
  slotsMissed: Type.Integer(),
};

export const Board = Type.Object({
  communityId: Type.Integer(),
  today: DayOut,
  ...Counts,
  /** Everyone in observation by day of their period (1..n). */
  byDay: Type.Array(Type.Object({ day: Type.Integer(), count: Type.Integer() })),
  byBuilding: Type.Array(
    Type.Object({
      buildingId: Nullable(Type.Integer()),
      buildingName: Nullable(Type.String()),
      compoundName: Nullable(Type.String()),
      active: Type.Integer(),
      openAlerts: Type.Integer(),
      slotsMissed: Type.Integer(),
    }),
  ),
});
export type Board = Static<typeof Board>;

export const BoardSummary = ItemsOf(
  Type.Object({ communityId: Type.Integer(), communityName: Type.String(), ...Counts }),
);
export type BoardSummary = Static<typeof BoardSummary>;

/** What the person's own link shows: nothing a stranger holding the link could use. */
export const OwnObservation = Type.Object({
  name: Type.String(),
  kind: Kind,
  dayOne: DayOut,
  plannedEnd: DayOut,
  dayOfPeriod: Type.Integer(),
  ended: Type.Boolean(),
  today: Type.Array(Type.Object({ part: Part, opensAt: InstantOut, closesAt: InstantOut, state: SlotState })),
});
export type OwnObservation = Static<typeof OwnObservation>;

/** What one printed notice needs: the masked name and the door, never an ID number or a phone. */
export const NoticeOut = Type.Object({
  id: Type.Integer(),
  /** Masked (刘*红): the door says who it is for. */
  name: Type.String(),
  compoundName: Nullable(Type.String()),
  buildingName: Nullable(Type.String()),
  room: Nullable(Type.String()),
  kind: Kind,
  reason: Reason,
  dayOne: DayOut,
  plannedEnd: DayOut,
  periodDays: Type.Integer(),
  /** The day observation ended (Beijing), null while it runs. */
  endDay: Nullable(DayOut),
  site: Nullable(Type.String()),
  siteRoom: Nullable(Type.String()),
});
export type NoticeOut = Static<typeof NoticeOut>;
export const NoticeSheet = Type.Object({
  communityName: Type.String(),
  /** The date printed on the notices (Beijing). */
  today: DayOut,
  /** How many matched; more than `items` when the print was cut at the limit. */
  total: Type.Integer(),
  items: Type.Array(NoticeOut),
});
export type NoticeSheet = Static<typeof NoticeSheet>;
