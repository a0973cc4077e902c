import type { DocumentType } from '../../../shared/identity';
import type {
  Gender,
  Relation,
  ResidenceType,
  ResidentTag,
  RevealableField,
} from '../../../shared/people/people-enums';
import type {
  HouseholdDetail,
  Resident,
  ResidentDetail,
  ResidentPage,
  Revealed,
} from '../../../shared/people/people-responses';
import { api } from '../../shared/api-client';

export type {
  Household,
  HouseholdDetail,
  MoveRecord,
  Resident,
  ResidentDetail,
} from '../../../shared/people/people-responses';

/** What the form sends; on edit only the changed sensitive fields are included. */
export interface ResidentPayload {
  name?: string;
  gender?: Gender | null;
  docType?: DocumentType;
  docNumber?: string;
  phone?: string | null;
  birthDate?: string | null;
  relationToHead?: Relation;
  residenceType?: ResidenceType;
  tags?: ResidentTag[];
  notes?: string | null;
}

export interface SearchParams {
  q?: string;
  tag?: ResidentTag;
  /** Only people who registered themselves and are not confirmed yet. */
  unverified?: boolean;
  householdId?: number;
  page: number;
  pageSize: number;
}

export const peopleKeys = {
  households: ['households'] as const,
  household: (id: number) => ['households', id] as const,
  residents: ['residents'] as const,
  resident: (id: number) => ['residents', id] as const,
  search: (params: SearchParams) => ['residents', 'search', params] as const,
};

export const peopleApi = {
  household: (id: number) => api.get<HouseholdDetail>(`/households/${id}`),
  createHousehold: (body: { placeId: number; room: string; floor?: number | null; notes?: string | null }) =>
    api.post<HouseholdDetail>('/households', body),
  search: (params: SearchParams) => api.get<ResidentPage>('/residents', { ...params }),
  resident: (id: number) => api.get<ResidentDetail>(`/residents/${id}`),
  create: (body: ResidentPayload & { householdId: number }) =>
    api.post<{ resident: Resident }>('/residents', body),
  update: (id: number, body: ResidentPayload & { version: number }) =>
    api.patch<{ resident: Resident }>(`/residents/${id}`, body),
  move: (id: number, body: { householdId: number; reason: string; version: number }) =>
    api.post<ResidentDetail>(`/residents/${id}/move`, body),
  verify: (id: number, version: number) =>
    api.post<{ verified: boolean }>(`/residents/${id}/verify`, { version }),
  reveal: (id: number, field: RevealableField, reason: string) =>
    api.post<Revealed>(`/residents/${id}/reveal`, { field, reason }),
};
