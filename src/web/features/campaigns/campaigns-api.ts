import type { CampaignKind, FindingFilter, RecheckResult, VisitOutcome } from '../../../shared/campaigns';
import type {
  AssignmentSuggestion,
  Assignments,
  CampaignAnswer,
  CampaignList,
  CheckRecorded,
  Entrances,
  FindingAnswer,
  Findings,
  GovBuildings,
  MyCampaignList,
  MyHouseholds,
  Progress,
  Queue,
  VisitRecorded,
} from '../../../shared/campaigns/campaign-responses';
import type { StoredPhoto } from '../../../shared/photos/photo-responses';
import { api } from '../../shared/api-client';

export type {
  Assignment,
  Campaign,
  CampaignListItem,
  DoorResident,
  FieldPerson,
  Finding,
  GovBuilding,
  MyCampaign,
  Progress,
  Target,
  Unit,
} from '../../../shared/campaigns/campaign-responses';

import type { DeclarationPayload } from '../declarations/declarations-api';

export interface FindingPayload {
  itemKey: string;
  entranceId?: number | null;
  floor?: number | null;
  location?: string | null;
  description: string;
  photoIds: string[];
  deadline: string;
}

/** A visit as the phone sends it; `id` is made on the phone so a resend is recognised. */
export interface VisitPayload {
  id: string;
  targetId: number;
  outcome: VisitOutcome;
  notes?: string | null;
  visitedAt: string;
  declarations?: Array<Omit<DeclarationPayload, 'channel'>>;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (communityId?: number) => ['campaigns', 'list', communityId ?? 0] as const,
  mine: ['campaigns', 'mine'] as const,
  detail: (id: number) => ['campaigns', id] as const,
  progress: (id: number, minAttempts: number) => ['campaigns', id, 'progress', minAttempts] as const,
  assignments: (id: number) => ['campaigns', id, 'assignments'] as const,
  queue: (id: number) => ['campaigns', id, 'queue'] as const,
  households: (id: number) => ['campaigns', id, 'my-households'] as const,
  buildings: (id: number) => ['campaigns', id, 'buildings'] as const,
  findings: (id: number, status?: FindingFilter) => ['campaigns', id, 'findings', status ?? 'all'] as const,
};

export const campaignsApi = {
  list: (communityId?: number) => api.get<CampaignList>('/campaigns', { communityId }),
  mine: () => api.get<MyCampaignList>('/campaigns/mine'),
  get: (id: number) => api.get<CampaignAnswer>(`/campaigns/${id}`),
  create: (body: {
    communityId: number;
    name: string;
    kind: CampaignKind;
    placeIds?: number[];
    endsOn?: string | null;
    checklist?: string[];
  }) => api.post<CampaignAnswer>('/campaigns', body),
  close: (id: number) => api.post<CampaignAnswer>(`/campaigns/${id}/close`),
  assignments: (id: number) => api.get<Assignments>(`/campaigns/${id}/assignments`),
  assign: (
    id: number,
    items: Array<{ buildingId: number; entranceId?: number | null; accountId: number; team?: string | null }>,
  ) => api.post<{ assigned: number }>(`/campaigns/${id}/assignments`, { items }),
  unassign: (id: number, assignmentId: number) =>
    api.delete<void>(`/campaigns/${id}/assignments/${assignmentId}`),
  suggest: (id: number, accountIds: number[]) =>
    api.get<AssignmentSuggestion>(
      `/campaigns/${id}/assignment-suggestion?${accountIds.map((a) => `accountIds=${a}`).join('&')}`,
    ),
  progress: (id: number, minAttempts: number) =>
    api.get<Progress>(`/campaigns/${id}/progress`, { minAttempts }),
  queue: (id: number) => api.get<Queue>(`/campaigns/${id}/queue`),
  myHouseholds: (id: number) => api.get<MyHouseholds>(`/campaigns/${id}/my-households`),
  recordVisit: (campaignId: number, visit: VisitPayload) =>
    api.post<VisitRecorded>(`/campaigns/${campaignId}/visits`, visit),
  summaryUrl: (id: number) => `/api/campaigns/${id}/summary`,
  buildings: (id: number) => api.get<GovBuildings>(`/campaigns/${id}/buildings`),
  entrances: (id: number, targetId: number) =>
    api.get<Entrances>(`/campaigns/${id}/targets/${targetId}/entrances`),
  recordCheck: (
    id: number,
    body: {
      id: string;
      targetId: number;
      results: Array<{ key: string; passed: boolean }>;
      notes?: string | null;
      findings: FindingPayload[];
      /** When it was made on the phone (it may be sent later, from the phone's outbox). */
      checkedAt: string;
    },
  ) => api.post<CheckRecorded>(`/campaigns/${id}/checks`, body),
  findings: (id: number, status?: FindingFilter) =>
    api.get<Findings>(`/campaigns/${id}/findings`, { status }),
  recheck: (
    id: number,
    findingId: number,
    body: { result: RecheckResult; notes?: string | null; photoIds?: string[]; deadline?: string },
  ) => api.post<FindingAnswer>(`/campaigns/${id}/findings/${findingId}/recheck`, body),
  uploadPhoto: (communityId: number, photo: Blob) => {
    const form = new FormData();
    form.append('file', photo, 'photo.jpg');
    return api.upload<StoredPhoto>('/photos', form, {
      communityId,
      purpose: 'campaign_finding',
    });
  },
  photoUrl: (id: string) => `/api/photos/${id}`,
};
