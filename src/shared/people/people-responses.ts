import { type Static, Type } from 'typebox';
import { ItemsOf, Nullable } from '../api/responses';
import { DOCUMENT_TYPES } from '../identity';
import { GENDERS, RELATIONS, RESIDENCE_TYPES, RESIDENT_TAGS, REVEALABLE_FIELDS } from './people-enums';

// What the people routes answer (src/server/modules/people/people.routes.ts). Sensitive values only as
// their masks: a field not named here (a cipher, a hash, a full number) cannot leave the server.

export const ResidentOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  householdId: Nullable(Type.Integer()),
  name: Type.String(),
  gender: Nullable(Type.Enum(GENDERS)),
  docType: Type.Enum(DOCUMENT_TYPES),
  docNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  /** Only for documents that do not carry it (passports…); an ID number's is never sent beside its mask. */
  birthDate: Nullable(Type.String()),
  /** Whole years today, 100 meaning 100 or older; null when the birth date is not known. */
  age: Nullable(Type.Integer()),
  relationToHead: Type.Enum(RELATIONS),
  residenceType: Type.Enum(RESIDENCE_TYPES),
  tags: Type.Array(Type.Enum(RESIDENT_TAGS)),
  notes: Nullable(Type.String()),
  verified: Type.Boolean(),
  version: Type.Integer(),
  address: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Resident = Static<typeof ResidentOut>;

export const HouseholdOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  buildingId: Nullable(Type.Integer()),
  buildingName: Nullable(Type.String()),
  /** The compound (小区/院) of the building: several compounds each have a "1号楼". */
  compoundName: Nullable(Type.String()),
  entranceId: Nullable(Type.Integer()),
  entranceName: Nullable(Type.String()),
  floor: Nullable(Type.Integer()),
  room: Type.String(),
  vacant: Type.Boolean(),
  notes: Nullable(Type.String()),
  label: Type.String(),
});
export type Household = Static<typeof HouseholdOut>;

/** A row of a place's household list: the household and who lives there. */
export const HouseholdRow = Type.Intersect([
  HouseholdOut,
  Type.Object({ residentCount: Type.Integer(), headName: Nullable(Type.String()) }),
]);
export type HouseholdRow = Static<typeof HouseholdRow>;
export const HouseholdPage = Type.Object({ items: Type.Array(HouseholdRow), total: Type.Integer() });
export type HouseholdPage = Static<typeof HouseholdPage>;

export const HouseholdDetail = Type.Object({ household: HouseholdOut, residents: Type.Array(ResidentOut) });
export type HouseholdDetail = Static<typeof HouseholdDetail>;

export const MoveRecord = Type.Object({
  householdId: Nullable(Type.Integer()),
  label: Type.String(),
  buildingName: Nullable(Type.String()),
  compoundName: Nullable(Type.String()),
  entranceName: Nullable(Type.String()),
  room: Nullable(Type.String()),
  fromAt: Type.String({ format: 'date-time' }),
  toAt: Nullable(Type.String({ format: 'date-time' })),
  reason: Nullable(Type.String()),
});
export type MoveRecord = Static<typeof MoveRecord>;

export const ResidentDetail = Type.Object({ resident: ResidentOut, history: Type.Array(MoveRecord) });
export type ResidentDetail = Static<typeof ResidentDetail>;

export const ResidentAnswer = Type.Object({ resident: ResidentOut });

export const ResidentPage = Type.Object({
  items: Type.Array(ResidentOut),
  total: Type.Integer(),
  /** The count stopped at its cap: there are at least `total`. */
  totalCapped: Type.Boolean(),
});
export type ResidentPage = Static<typeof ResidentPage>;

export const Verified = Type.Object({ verified: Type.Boolean() });

export const Revealed = Type.Object({ field: Type.Enum(REVEALABLE_FIELDS), value: Type.String() });
export type Revealed = Static<typeof Revealed>;

/** 辖区单位: the contact's phone only as its mask. */
export const OrganisationOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  address: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhoneMasked: Nullable(Type.String()),
  staffCount: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
});
export type Organisation = Static<typeof OrganisationOut>;
export const Organisations = ItemsOf(OrganisationOut);

export const PartyBranchOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  name: Type.String(),
  secretaryName: Nullable(Type.String()),
  memberCount: Type.Integer(),
});
export type PartyBranch = Static<typeof PartyBranchOut>;
export const PartyBranches = ItemsOf(PartyBranchOut);
