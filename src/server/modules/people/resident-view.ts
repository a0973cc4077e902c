import { type DocumentType, documentCarriesBirthDate, shownAge } from '../../../shared/identity';
import type { Gender, Relation, ResidenceType, ResidentTag } from '../../../shared/people/people-enums';
import { addressLabel, type AddressParts as SharedAddressParts } from '../../../shared/places/address-label';
import type { ResidentRow } from './people.repo';

type AddressParts = SharedAddressParts & { id?: number | null };

/**
 * What the API shows of a resident: sensitive values only as their masks, never cipher or hash. The
 * birth date is sent only for documents that do not carry it (passports and the like, where staff type
 * it and the number does not contain it); for ID numbers it would fill the mask in, so those show the
 * age instead (DESIGN.md: what one response shows must leave at least 1,000 candidate numbers).
 */
export function residentView(row: ResidentRow, household?: AddressParts | null, now = new Date()) {
  return {
    id: row.id,
    communityId: row.communityId,
    householdId: row.householdId,
    name: row.name,
    // The columns are text; what is written to them is checked against these lists first.
    gender: row.gender as Gender | null,
    docType: row.docType as DocumentType,
    docNumberMasked: row.docMasked,
    phoneMasked: row.phoneMasked,
    birthDate: documentCarriesBirthDate(row.docType) ? null : row.birthDate,
    age: shownAge(row.birthDate, now),
    relationToHead: row.relationToHead as Relation,
    residenceType: row.residenceType as ResidenceType,
    tags: row.tags as ResidentTag[],
    notes: row.notes,
    verified: row.verified,
    version: row.version,
    address: household?.id ? householdLabel(household) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ResidentView = ReturnType<typeof residentView>;

/** The household's address with its compound ("东风苑 1号楼 2单元 301"). */
export const householdLabel = (h: AddressParts): string => addressLabel(h);
