import type { ResidentRow } from './people.repo';

type AddressParts = {
  id?: number | null;
  buildingName?: string | null;
  entranceName?: string | null;
  room?: string | null;
};

/** What the API shows of a resident: sensitive values only as their masks, never cipher or hash. */
export function residentView(row: ResidentRow, household?: AddressParts | null) {
  return {
    id: row.id,
    communityId: row.communityId,
    householdId: row.householdId,
    name: row.name,
    gender: row.gender,
    docType: row.docType,
    docNumberMasked: row.docMasked,
    phoneMasked: row.phoneMasked,
    birthDate: row.birthDate,
    relationToHead: row.relationToHead,
    residenceType: row.residenceType,
    tags: row.tags,
    notes: row.notes,
    verified: row.verified,
    version: row.version,
    address: household?.id ? householdLabel(household) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ResidentView = ReturnType<typeof residentView>;

export function householdLabel(h: AddressParts): string {
  return [h.buildingName, h.entranceName, h.room].filter(Boolean).join(' ');
}
