import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';
import { PLACE_KINDS } from '../places/place-kinds';
import { HOLD_REASONS, STATUS_SOURCES } from '../status/status-policy';
import { CHANNELS, PERSON_STATUSES, SYMPTOMS } from './declaration-enums';
import { QUESTION_KINDS } from './form-questions';
import { STATUS_CAUSES, type StatusCause } from './status-causes';
import type { StatusRule } from './status-rules';

// What the declaration routes answer (declarations, reviews, form versions, status rules, posters and the
// public form: src/server/modules/declarations/*.routes.ts). Health answers only after a reveal.

const At = Type.String({ format: 'date-time' });
const Day = Type.String({ description: 'YYYY-MM-DD' });
export const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
export type Bilingual = Static<typeof Bilingual>;
const Status = Type.Enum(PERSON_STATUSES);

export type { StatusCause };

export const FormQuestionOut = Type.Object({
  key: Type.String(),
  label: Bilingual,
  kind: Type.Enum(QUESTION_KINDS),
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())),
});

/** The questions officers added that a community's form asks now (versionId null: none). */
export const FormInForce = Type.Object({
  versionId: Nullable(Type.Integer()),
  questions: Type.Array(FormQuestionOut),
});
export type FormInForce = Static<typeof FormInForce>;

/** The outcome of one declaration: the status the rules gave and why. */
export const DeclarationOutcome = Type.Object({
  id: Type.Integer(),
  residentId: Type.Integer(),
  status: Status,
  reason: Bilingual,
  observationUntil: Nullable(Day),
  declaredAt: At,
});
export type DeclarationOutcome = Static<typeof DeclarationOutcome>;
export const DeclarationAnswer = Type.Object({ declaration: DeclarationOutcome });
export type DeclarationAnswer = Static<typeof DeclarationAnswer>;

export const DeclarationListItem = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  residentId: Type.Integer(),
  /** Whether its health answers are still kept (they are purged after 28 days). */
  hasAnswers: Type.Boolean(),
  name: Type.String(),
  address: Type.String(),
  channel: Type.Enum(CHANNELS),
  declaredAt: At,
  leftCity: Type.Boolean(),
  originRegion: Nullable(Type.String()),
  returnDate: Nullable(Day),
  /** What this declaration gave at the time. */
  status: Status,
  /** Where the person stands now (after later declarations or risk-area changes). */
  currentStatus: Status,
  /** A resident's own declaration that changed nothing and went to staff (null: it took effect). */
  review: Nullable(Type.Enum(['pending', 'confirmed', 'rejected'] as const)),
});
export type DeclarationListItem = Static<typeof DeclarationListItem>;
export const DeclarationPage = Type.Object({ items: Type.Array(DeclarationListItem), total: Type.Integer() });
export type DeclarationPage = Static<typeof DeclarationPage>;

const ExtraAnswerOut = Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]);

/** A declaration's sealed answers, shown after a reveal with a reason. */
export const RevealedAnswers = Type.Object({
  id: Type.Integer(),
  riskRegionsVisited: Type.Array(Type.String()),
  contactConfirmedCase: Type.Boolean(),
  contactRiskAreaPeople: Type.Boolean(),
  symptoms: Type.Array(Type.Enum(SYMPTOMS)),
  temperature: Nullable(Type.Number()),
  homeConditionsMet: Nullable(Type.Boolean()),
  transportNumber: Nullable(Type.String()),
  seat: Nullable(Type.String()),
  companions: Nullable(Type.String()),
  formVersionId: Nullable(Type.Integer()),
  extra: Type.Array(Type.Object({ key: Type.String(), label: Bilingual, value: Nullable(ExtraAnswerOut) })),
});
export type RevealedAnswers = Static<typeof RevealedAnswers>;
export const RevealedAnswersAnswer = Type.Object({ answers: RevealedAnswers });
export type RevealedAnswersAnswer = Static<typeof RevealedAnswersAnswer>;

export const CurrentStatus = Type.Object({
  status: Status,
  reason: Bilingual,
  observationUntil: Nullable(Day),
  updatedAt: At,
  /** Who set it: a resident's own declaration never lowers one staff, the gate or observation set. */
  source: Type.Enum(STATUS_SOURCES),
});
export type CurrentStatus = Static<typeof CurrentStatus>;

export const StatusChange = Type.Object({
  fromStatus: Nullable(Status),
  toStatus: Status,
  cause: Type.Enum(STATUS_CAUSES),
  reason: Bilingual,
  at: At,
});
export type StatusChange = Static<typeof StatusChange>;

export const ResidentStatus = Type.Object({
  status: Nullable(CurrentStatus),
  history: Type.Array(StatusChange),
});
export type ResidentStatus = Static<typeof ResidentStatus>;

/** One status change: who, from what to what, and why (a declaration, a risk-area or rule change). */
export const StatusChangeItem = Type.Intersect([
  StatusChange,
  Type.Object({ residentId: Type.Integer(), name: Type.String(), address: Type.String() }),
]);
export type StatusChangeItem = Static<typeof StatusChangeItem>;
export const StatusChanges = Type.Object({ items: Type.Array(StatusChangeItem) });
export type StatusChanges = Static<typeof StatusChanges>;

const PlaceRef = Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.Enum(PLACE_KINDS) });
/**
 * A rule as saved: checked in full by validateRules on the way in (its condition is a tree the console
 * edits), written back as stored. Rules are configuration, never personal data.
 */
const StatusRuleOut = Type.Unsafe<StatusRule>(Type.Object({}, { additionalProperties: true }));

/** The rules in force at a place: its own set, or the nearest one above it, or the built-in defaults. */
export const CurrentRules = Type.Object({
  /** 0 while no place above has saved rules (the defaults apply). */
  version: Type.Integer(),
  rules: Type.Array(StatusRuleOut),
  /** True while the built-in defaults are in use. */
  isDefault: Type.Boolean(),
  /** The place asked about. */
  place: PlaceRef,
  /** Where the set in force was saved; null for the defaults. */
  setAt: Nullable(PlaceRef),
  /** The place has no set of its own and follows the one above (or the defaults). */
  inherited: Type.Boolean(),
  /** The account may save a set for this place. */
  editable: Type.Boolean(),
});
export type CurrentRules = Static<typeof CurrentRules>;

/** After saving: the new version and how the re-evaluation went. */
export const SavedRules = Type.Object({
  version: Type.Integer(),
  placeId: Type.Integer(),
  /** People whose latest declaration is recent enough to be judged again. */
  examined: Type.Integer(),
  /** Of those, how many got a different status. */
  changed: Type.Integer(),
});
export type SavedRules = Static<typeof SavedRules>;

/** A resident's own declaration that changed nothing and waits for staff. */
export const PendingReview = Type.Object({
  declarationId: Type.Integer(),
  receiptNo: Type.String(),
  residentId: Type.Integer(),
  communityId: Type.Integer(),
  /** The registry's name; `typedName` is what the resident typed, when it differs. */
  name: Type.String(),
  typedName: Nullable(Type.String()),
  verified: Type.Boolean(),
  address: Type.String(),
  reasons: Type.Array(Type.Enum(HOLD_REASONS)),
  reasonLabels: Type.Array(Bilingual),
  fromStatus: Nullable(Status),
  /** Where the person stands now, and who set it. */
  currentStatus: Nullable(Status),
  currentSource: Nullable(Type.Enum(STATUS_SOURCES)),
  /** What confirming sets, and why (the rules' reason for the answers). */
  toStatus: Status,
  statusReason: Bilingual,
  observationUntil: Nullable(Day),
  declaredAt: At,
});
export type PendingReview = Static<typeof PendingReview>;
export const PendingReviews = Type.Object({ items: Type.Array(PendingReview), total: Type.Integer() });
export type PendingReviews = Static<typeof PendingReviews>;
export const ReviewConfirmed = Type.Object({
  review: Type.Object({
    declarationId: Type.Integer(),
    state: Type.Literal('confirmed'),
    status: Status,
  }),
});
export type ReviewConfirmed = Static<typeof ReviewConfirmed>;
export const ReviewRejected = Type.Object({
  review: Type.Object({ declarationId: Type.Integer(), state: Type.Literal('rejected') }),
});
export type ReviewRejected = Static<typeof ReviewRejected>;

export const FormVersionItem = Type.Object({
  id: Type.Integer(),
  questions: Type.Array(FormQuestionOut),
  createdAt: At,
});
export type FormVersionItem = Static<typeof FormVersionItem>;
/** The versions set at the officer's own place, newest first, and every question key ever used there. */
export const FormVersionHistory = Type.Object({
  placeId: Type.Integer(),
  versions: Type.Array(FormVersionItem),
  usedKeys: Type.Array(Type.String()),
});
export type FormVersionHistory = Static<typeof FormVersionHistory>;
export const PublishedVersion = Type.Object({ version: FormVersionItem });
export type PublishedVersion = Static<typeof PublishedVersion>;

/** A registration QR poster: `path` is `/r/p/<token>`, opened by residents who scan it. */
export const PosterOut = Type.Object({
  id: Type.Integer(),
  token: Type.String(),
  placeId: Type.Integer(),
  placeName: Type.String(),
  placeKind: Type.Enum(PLACE_KINDS),
  path: Type.String(),
  createdAt: At,
  revokedAt: Nullable(At),
});
export type Poster = Static<typeof PosterOut>;
export const PosterList = Type.Object({ items: Type.Array(PosterOut) });
export type PosterList = Static<typeof PosterList>;
export const PosterAnswer = Type.Object({ poster: PosterOut });
export type PosterAnswer = Static<typeof PosterAnswer>;

export const PosterBuilding = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.Enum(['building', 'bungalow_area'] as const),
  entrances: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type PosterBuilding = Static<typeof PosterBuilding>;

/** What a resident's phone gets for a poster: where it hangs, the doors it offers, the form in force. */
export const PosterInfo = Type.Object({
  poster: Type.Object({ communityName: Type.String(), placeName: Type.String(), placeKind: Type.String() }),
  buildings: Type.Array(PosterBuilding),
  form: FormInForce,
});
export type PosterInfo = Static<typeof PosterInfo>;

export const Receipt = Type.Object({
  receiptNo: Type.String(),
  status: Status,
  statusLabel: Bilingual,
  reason: Bilingual,
  advice: Bilingual,
  observationUntil: Nullable(Day),
  declaredAt: At,
  /** The same words for everyone: received, staff check it, the status is what staff say. */
  notice: Bilingual,
});
export type Receipt = Static<typeof Receipt>;
export const ReceiptAnswer = Type.Object({ receipt: Receipt });
export type ReceiptAnswer = Static<typeof ReceiptAnswer>;
