import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';
import { DIRECTIONS, VERDICTS } from './verdict';

// What the access routes answer (passes, signing keys, gates, the gate app, duty: src/server/modules/
// access/*.routes.ts). Names only masked; the gate phone's offline bundle carries masked names and doors.

const At = Type.String({ format: 'date-time' });
const Day = Type.String({ description: 'YYYY-MM-DD' });
const PassHolder = Type.Enum(['resident', 'household'] as const);
export const PASS_STATUSES = ['active', 'revoked', 'reissued', 'expired'] as const;
export type PassStatus = (typeof PASS_STATUSES)[number];

export const PublicKeyOut = Type.Object({
  kid: Type.Integer(),
  /** Raw 32-byte Ed25519 public key, base64url: what the gate app caches. */
  key: Type.String(),
  active: Type.Boolean(),
});
export const PublicKeys = Type.Object({ keys: Type.Array(PublicKeyOut) });
export type PublicKeys = Static<typeof PublicKeys>;
export const KeyRotated = Type.Object({ kid: Type.Integer(), previous: Type.Integer() });
export type KeyRotated = Static<typeof KeyRotated>;

export const PassSettings = Type.Object({
  communityId: Type.Integer(),
  passHolder: PassHolder,
  lastPassNumber: Type.Integer(),
});
export type PassSettings = Static<typeof PassSettings>;

export const PassesIssued = Type.Object({
  issued: Type.Integer(),
  skipped: Type.Integer(),
  firstNumber: Nullable(Type.Integer()),
  lastNumber: Nullable(Type.Integer()),
});
export type PassesIssued = Static<typeof PassesIssued>;

export const PassItem = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  compoundId: Type.Integer(),
  number: Type.Integer(),
  holderKind: PassHolder,
  householdId: Nullable(Type.Integer()),
  /** The compound (小区/院) of the building: several compounds each have a "1号楼". */
  compoundName: Nullable(Type.String()),
  buildingName: Type.String(),
  room: Type.String(),
  /** Masked (张*). */
  holderName: Nullable(Type.String()),
  validUntil: Day,
  status: Type.Enum(PASS_STATUSES),
  kid: Type.Integer(),
  issuedAt: At,
  revokedReason: Nullable(Type.String()),
  hasLink: Type.Boolean(),
});
export type PassItem = Static<typeof PassItem>;
export const PassPage = Type.Object({ total: Type.Integer(), items: Type.Array(PassItem) });
export type PassPage = Static<typeof PassPage>;

export const PrintItem = Type.Object({
  number: Type.Integer(),
  token: Type.String(),
  buildingName: Type.String(),
  room: Type.String(),
  holderName: Nullable(Type.String()),
  validUntil: Day,
});
export type PrintItem = Static<typeof PrintItem>;
export const PrintSheet = Type.Object({
  compoundName: Type.String(),
  total: Type.Integer(),
  items: Type.Array(PrintItem),
});
export type PrintSheet = Static<typeof PrintSheet>;

/** A reissued pass: its new id and number (absent when nothing was made). */
export const PassReissued = Type.Object({
  id: Type.Optional(Type.Integer()),
  number: Type.Optional(Type.Integer()),
});
export type PassReissued = Static<typeof PassReissued>;
export const PassesReissued = Type.Object({ reissued: Type.Integer() });
export type PassesReissued = Static<typeof PassesReissued>;
export const PassLink = Type.Object({ path: Type.String() });
export type PassLink = Static<typeof PassLink>;

/** The holder's own pass behind a personal link: what is printed on the paper pass, nothing more. */
export const OwnPass = Type.Object({
  number: Type.Integer(),
  token: Type.String(),
  compoundName: Type.String(),
  buildingName: Type.String(),
  room: Type.String(),
  holderName: Nullable(Type.String()),
  validUntil: Day,
  status: Type.Enum(PASS_STATUSES),
});
export type OwnPass = Static<typeof OwnPass>;

export const Compounds = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), communityId: Nullable(Type.Integer()) }),
  ),
});
export type Compounds = Static<typeof Compounds>;

export const ConsoleGate = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  communityId: Type.Integer(),
  compoundId: Type.Integer(),
  compoundName: Type.String(),
  vehiclesAllowed: Type.Boolean(),
  openingHours: Nullable(Type.String()),
});
export type ConsoleGate = Static<typeof ConsoleGate>;
export const GateList = Type.Object({ items: Type.Array(ConsoleGate) });
export type GateList = Static<typeof GateList>;

/** A gate as stored (created or changed). */
export const GateRowOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  compoundId: Type.Integer(),
  name: Type.String(),
  vehiclesAllowed: Type.Boolean(),
  openingHours: Nullable(Type.String()),
});
export const GateAnswer = Type.Object({ gate: GateRowOut });
export type GateAnswer = Static<typeof GateAnswer>;

/** Whose pass it is, masked (verdict.ts GateHolder). */
export const GateHolderOut = Type.Object({
  name: Nullable(Type.String()),
  compound: Type.String(),
  building: Type.String(),
  unit: Nullable(Type.String()),
  room: Type.String(),
  holders: Type.Integer(),
});

/** A door of the gate's compound: what a visitor is visiting, and where a pass belongs. */
export const GateDoor = Type.Object({
  /** The household's id. */
  id: Type.Integer(),
  building: Type.String(),
  unit: Nullable(Type.String()),
  room: Type.String(),
  /** People living there. */
  holders: Type.Integer(),
});
export type GateDoor = Static<typeof GateDoor>;

/**
 * What the gate phone keeps for working offline: numbers, the compound's doors and, per active pass, its
 * door and the holder's masked name (王*明) — never a full name, an ID number or a phone.
 */
export const OfflineBundle = Type.Object({
  gateId: Type.Integer(),
  compoundId: Type.Integer(),
  compoundName: Type.String(),
  today: Day,
  generatedAt: At,
  keys: Type.Array(PublicKeyOut),
  revoked: Type.Array(Type.Integer()),
  mustNotGoOut: Type.Array(Type.Integer()),
  /** [number, valid until] of each active pass of the compound. */
  activePasses: Type.Array(
    Type.Unsafe<[number, string]>(
      Type.Array(Type.Union([Type.Integer(), Type.String()]), { minItems: 2, maxItems: 2 }),
    ),
  ),
  doors: Type.Array(GateDoor),
  /** [pass number, door (household id), holder's masked name or null] of each active pass of the compound. */
  passHolders: Type.Array(
    Type.Unsafe<[number, number, string | null]>(
      Type.Array(Type.Union([Type.Integer(), Type.String(), Type.Null()]), { minItems: 3, maxItems: 3 }),
    ),
  ),
});
export type OfflineBundle = Static<typeof OfflineBundle>;

/** The server's answer for one check of a batch: `results[i]` answers `checks[i]`. */
export const GateCheckResultOut = Type.Object({
  uuid: Type.String(),
  outcome: Type.Enum(['stored', 'duplicate', 'refused'] as const),
  verdict: Type.Enum(VERDICTS),
  passNumber: Nullable(Type.Integer()),
  holder: Type.Optional(GateHolderOut),
  fever: Type.Boolean(),
  stored: Type.Boolean(),
  duplicateOf: Type.Optional(Type.Integer()),
  error: Type.Optional(
    Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
  ),
});
export const GateCheckResults = Type.Object({ results: Type.Array(GateCheckResultOut) });
export type GateCheckResults = Static<typeof GateCheckResults>;

export const CheckRow = Type.Object({
  uuid: Type.String(),
  gateId: Type.Integer(),
  checkedAt: At,
  receivedAt: At,
  passNumber: Nullable(Type.Integer()),
  verdict: Type.Enum(VERDICTS),
  direction: Type.Enum(DIRECTIONS),
  temperature: Nullable(Type.Number()),
  fever: Type.Boolean(),
  idChecked: Type.Boolean(),
  plate: Nullable(Type.String()),
  trunkChecked: Type.Boolean(),
  refused: Type.Boolean(),
  refusalReason: Nullable(Type.String()),
  offline: Type.Boolean(),
});
export type CheckRow = Static<typeof CheckRow>;
export const CheckList = Type.Object({ items: Type.Array(CheckRow) });
export type CheckList = Static<typeof CheckList>;

/** The visitor's pass for today, as the gate shows it: masked, and no token when they have a fever. */
export const VisitorPassOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  phone: Type.String(),
  validOn: Day,
  token: Nullable(Type.String()),
  fever: Type.Boolean(),
});
export const VisitorAnswer = Type.Object({ visitor: VisitorPassOut });
export type VisitorAnswer = Static<typeof VisitorAnswer>;

/** The console's gate view for one Beijing day. */
export const GateDayView = Type.Object({
  day: Day,
  passesIssued: Type.Integer(),
  passesRevoked: Type.Integer(),
  gates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      compoundName: Type.String(),
      /** Checks in each Beijing hour, 0–23. */
      perHour: Type.Array(Type.Integer()),
      checks: Type.Integer(),
      fevers: Type.Integer(),
      refusals: Type.Integer(),
      visitors: Type.Integer(),
    }),
  ),
  anomalies: Type.Array(
    Type.Object({
      /** In twice without going out, or through two gates within a minute. */
      kind: Type.Enum(['double_entry', 'two_gates'] as const),
      passNumber: Type.Integer(),
      gateId: Type.Integer(),
      previousGateId: Type.Integer(),
      at: At,
      previousAt: At,
    }),
  ),
});
export type GateDayView = Static<typeof GateDayView>;
export type GateDay = GateDayView['gates'][number];
export type GateAnomaly = GateDayView['anomalies'][number];

/** "Does this document have a pass here?": the masked name and the pass when it does. */
export const DocumentLookup = Type.Object({
  found: Type.Boolean(),
  name: Type.Optional(Type.String()),
  passNumber: Type.Optional(Type.Integer()),
  token: Type.Optional(Type.String()),
});
export type DocumentLookup = Static<typeof DocumentLookup>;

export const ShiftItem = Type.Object({
  id: Type.Integer(),
  gateId: Type.Integer(),
  accountId: Type.Integer(),
  accountName: Type.String(),
  startsAt: At,
  endsAt: At,
  note: Nullable(Type.String()),
  checkedInAt: Nullable(At),
  state: Type.Enum(['on_time', 'late', 'missing', 'upcoming'] as const),
});
export type ShiftItem = Static<typeof ShiftItem>;
export const Shifts = Type.Object({
  gate: Type.Object({ id: Type.Integer(), name: Type.String(), openingHours: Nullable(Type.String()) }),
  days: Type.Array(Day),
  items: Type.Array(ShiftItem),
  /** Opening hours no shift covers, per day, Beijing wall-clock ('HH:MM', `to` may be '24:00'). */
  uncovered: Type.Array(
    Type.Object({ day: Day, from: Type.String(), to: Type.String(), minutes: Type.Integer() }),
  ),
});
export type Shifts = Static<typeof Shifts>;
export const DutyAccounts = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), role: Type.String() })),
});
export type DutyAccounts = Static<typeof DutyAccounts>;
export const ShiftsCreated = Type.Object({ ids: Type.Array(Type.Integer()) });
export type ShiftsCreated = Static<typeof ShiftsCreated>;
export const CheckedIn = Type.Object({
  shift: Type.Object({
    id: Type.Integer(),
    gateId: Type.Integer(),
    startsAt: At,
    endsAt: At,
    checkedInAt: Nullable(At),
    state: Type.Enum(['on_time', 'late', 'missing', 'upcoming'] as const),
  }),
});
export type CheckedIn = Static<typeof CheckedIn>;

export const InspectionItem = Type.Object({
  id: Type.Integer(),
  gateId: Type.Integer(),
  inspectedAt: At,
  staffed: Type.Boolean(),
  thermometerOk: Type.Boolean(),
  logComplete: Type.Boolean(),
  visitorsRegistered: Type.Boolean(),
  notes: Nullable(Type.String()),
  photoId: Nullable(Type.String()),
  inspectorName: Type.String(),
});
export type InspectionItem = Static<typeof InspectionItem>;
export const Inspections = Type.Object({ items: Type.Array(InspectionItem) });
export type Inspections = Static<typeof Inspections>;
export const InspectionAnswer = Type.Object({ inspection: InspectionItem });
export type InspectionAnswer = Static<typeof InspectionAnswer>;
