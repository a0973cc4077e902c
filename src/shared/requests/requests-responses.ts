import { type Static, Type } from 'typebox';
import { InstantOut, ItemsOf, Nullable, PageOf } from '../api/responses';
import {
  EXCLUSION_REASONS,
  EXCLUSION_STATES,
  LIMIT_UNITS,
  REQUEST_CHANNELS,
  REQUEST_EVENT_KINDS,
  REQUEST_STATUSES,
  SATISFACTIONS,
} from './index';

// What the requests routes answer (src/server/modules/requests/requests.routes.ts).

export const RequestCategory = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  contactLimit: Type.Integer(),
  contactUnit: Type.Enum(LIMIT_UNITS),
  resolveLimit: Type.Integer(),
  resolveUnit: Type.Enum(LIMIT_UNITS),
  retired: Type.Boolean(),
});
export type RequestCategory = Static<typeof RequestCategory>;
export const RequestCategoryList = ItemsOf(RequestCategory);
export const RequestCategoryAnswer = Type.Object({ category: RequestCategory });

export const RequestSummary = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  communityName: Type.String(),
  placeId: Nullable(Type.Integer()),
  placeName: Nullable(Type.String()),
  householdId: Nullable(Type.Integer()),
  residentId: Nullable(Type.Integer()),
  requesterName: Type.String(),
  phoneMasked: Nullable(Type.String()),
  categoryId: Type.Integer(),
  categoryName: Type.String(),
  text: Type.String(),
  channel: Type.Enum(REQUEST_CHANNELS),
  orderNumber: Nullable(Type.String()),
  contactPreference: Nullable(Type.String()),
  status: Type.Enum(REQUEST_STATUSES),
  receivedAt: InstantOut,
  contactDeadline: InstantOut,
  resolveDeadline: InstantOut,
  signedAt: Nullable(InstantOut),
  contactedAt: Nullable(InstantOut),
  finishedAt: Nullable(InstantOut),
  closedAt: Nullable(InstantOut),
  explanation: Nullable(Type.String()),
  assigneeId: Nullable(Type.Integer()),
  assigneeName: Nullable(Type.String()),
  escalatedAt: Nullable(InstantOut),
  escalationReason: Nullable(Type.String()),
  callbackAt: Nullable(InstantOut),
  callbackResolved: Nullable(Type.Boolean()),
  satisfaction: Nullable(Type.Enum(SATISFACTIONS)),
  failedCallbacks: Type.Integer(),
  exclusionReason: Nullable(Type.Enum(EXCLUSION_REASONS)),
  exclusionState: Nullable(Type.Enum(EXCLUSION_STATES)),
  exclusionNote: Nullable(Type.String()),
  reopenCount: Type.Integer(),
  version: Type.Integer(),
});
export type RequestSummary = Static<typeof RequestSummary>;

export const RequestEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(REQUEST_EVENT_KINDS),
  at: InstantOut,
  accountName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export type RequestEvent = Static<typeof RequestEvent>;

export const RequestDetail = Type.Object({
  ...RequestSummary.properties,
  timeline: Type.Array(RequestEvent),
});
export type RequestDetail = Static<typeof RequestDetail>;
export const RequestAnswer = Type.Object({ request: RequestDetail });
export type RequestAnswer = Static<typeof RequestAnswer>;
export const RequestPage = PageOf(RequestSummary);
export type RequestPage = Static<typeof RequestPage>;

export const RequestStaffList = ItemsOf(Type.Object({ id: Type.Integer(), displayName: Type.String() }));
export type RequestStaffList = Static<typeof RequestStaffList>;
export const RevealedPhone = Type.Object({ phone: Nullable(Type.String()) });
export const RequestLink = Type.Object({ path: Type.String() });

const Counts = Type.Object({
  evaluated: Type.Integer(),
  contactedInTime: Type.Integer(),
  confirmedResolved: Type.Integer(),
  satisfied: Type.Integer(),
  basic: Type.Integer(),
  closed: Type.Integer(),
  closedInTime: Type.Integer(),
  openOverdue: Type.Integer(),
  excluded: Type.Integer(),
});
const Figure = Type.Object({
  key: Type.Enum(['response', 'resolution', 'satisfaction', 'on_time'] as const),
  value: Nullable(Type.Number()),
  formula: Type.String(),
});
const Rated = { counts: Counts, rates: Type.Array(Figure), composite: Nullable(Type.Number()) };
const CommunityRates = Type.Object({ communityId: Type.Integer(), communityName: Type.String(), ...Rated });
/** The weights the rates were computed with (a setting; see `RATE_WEIGHTS` for the defaults). */
export const RateWeightsSchema = Type.Object({
  basicSatisfied: Type.Number(),
  response: Type.Integer(),
  resolution: Type.Integer(),
  satisfaction: Type.Integer(),
});
export const RequestRateWeightsAnswer = Type.Object({
  weights: RateWeightsSchema,
  defaults: RateWeightsSchema,
  /** The composite's formula with these weights, in words. */
  formula: Type.String(),
});
export type RequestRateWeightsAnswer = Static<typeof RequestRateWeightsAnswer>;
const RatesBase = {
  place: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() }),
  weights: RateWeightsSchema,
  from: Type.String(),
  to: Type.String(),
  total: Type.Object(Rated),
};
export const RequestRates = Type.Object({ ...RatesBase, communities: Type.Array(CommunityRates) });
export type RequestRates = Static<typeof RequestRates>;
export const RequestRanking = Type.Object({
  ...RatesBase,
  month: Type.String(),
  communities: Type.Array(
    Type.Object({
      communityId: Type.Integer(),
      communityName: Type.String(),
      ...Rated,
      rank: Nullable(Type.Integer()),
    }),
  ),
});
export type RequestRanking = Static<typeof RequestRanking>;

/** The resident's view through their personal link. */
export const PublicRequest = Type.Object({
  status: Type.Enum(REQUEST_STATUSES),
  categoryName: Type.String(),
  communityName: Type.String(),
  text: Type.String(),
  receivedAt: InstantOut,
  resolveDeadline: InstantOut,
  explanation: Nullable(Type.String()),
  rated: Type.Boolean(),
  satisfaction: Nullable(Type.Enum(SATISFACTIONS)),
  steps: Type.Array(
    Type.Object({ kind: Type.Enum(REQUEST_EVENT_KINDS), label: Type.String(), at: InstantOut }),
  ),
});
export type PublicRequest = Static<typeof PublicRequest>;
export const PublicRequestAnswer = Type.Object({ request: PublicRequest });
export type PublicRequestAnswer = Static<typeof PublicRequestAnswer>;
export const PublicRequestFiled = Type.Object({ path: Type.String() });
export type PublicRequestFiled = Static<typeof PublicRequestFiled>;
export const PublicRequestForm = Type.Object({
  communityName: Type.String(),
  placeName: Type.String(),
  categories: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type PublicRequestForm = Static<typeof PublicRequestForm>;

/** POST /api/requests/import-12345: every data row of the work-order sheet, by its row number in Excel. */
export const HotlineImportResult = Type.Object({
  imported: Type.Array(Type.Object({ row: Type.Integer(), orderNumber: Type.String(), id: Type.Integer() })),
  duplicates: Type.Array(Type.Object({ row: Type.Integer(), orderNumber: Type.String() })),
  refused: Type.Array(
    Type.Object({ row: Type.Integer(), orderNumber: Nullable(Type.String()), reason: Type.String() }),
  ),
});
export type HotlineImportResult = Static<typeof HotlineImportResult>;
