import type {
  CampaignKind,
  ChecklistItem,
  FindingFilter,
  RecheckResult,
  VisitOutcome,
} from '../../../shared/campaigns';
import { api } from '../../shared/api-client';
import type { DeclarationPayload } from '../declarations/declarations-api';

export interface Campaign {
  id: number;
  communityId: number;
  communityName: string | null;
  name: string;
  kind: CampaignKind;
  placeIds: number[];
  startsOn: string;
  endsOn: string | null;
  status: 'active' | 'closed';
  targetCount: number;
  checklist: ChecklistItem[];
  createdAt: string;
  closedAt: string | null;
}

export interface MyCampaign extends Campaign {
  mine: number;
  left: number;
}

export interface DoorResident {
  id: number;
  nameMasked: string;
  phoneMasked: string | null;
  relationToHead: string;
  tags: string[];
}

export interface Target {
  id: number;
  householdId: number | null;
  buildingId: number;
  buildingName: string;
  entranceId: number | null;
  entranceName: string | null;
  floor: number | null;
  room: string | null;
  outcome: VisitOutcome | null;
  attempts: number;
  lastVisitAt: string | null;
  residents: DoorResident[];
}

export interface Unit {
  buildingId: number;
  buildingName: string;
  entranceId: number | null;
  entranceName: string | null;
  households: number;
  done: number;
}

export interface Assignment {
  id: number;
  buildingId: number;
  entranceId: number | null;
  accountId: number;
  displayName: string;
  team: string | null;
}

export interface FieldPerson {
  id: number;
  displayName: string;
  role: string;
  buildingIds: number[] | null;
}

export interface Progress {
  campaign: Campaign;
  total: number;
  done: number;
  percent: number;
  byOutcome: Record<string, number>;
  minAttempts: number;
  neverReached: number;
  byBuilding: Array<{
    buildingId: number;
    name: string;
    total: number;
    done: number;
    nobodyHome: number;
    percent: number;
    openFindings?: number;
    overdueFindings?: number;
  }>;
  byPerson: Array<{
    accountId: number | null;
    name: string | null;
    team: string | null;
    total: number;
    done: number;
    percent: number;
  }>;
  byTeam: Array<{ team: string; total: number; done: number; percent: number }>;
  byHour: Array<{ hour: string; visits: number; done: number }>;
  behind: Array<{
    accountId: number | null;
    name: string | null;
    team: string | null;
    total: number;
    done: number;
    percent: number;
  }>;
  updatedAt: string;
  /** Governance campaigns only. */
  findings: { open: number; overdue: number; closed: number } | null;
}

/** A building of a governance campaign, as the check page lists it. */
export interface GovBuilding {
  targetId: number;
  buildingId: number;
  buildingName: string;
  compoundName: string | null;
  checked: boolean;
  lastCheckAt: string | null;
  checkedBy: string | null;
  assignee: string | null;
  openFindings: number;
  overdueFindings: number;
}

export interface Finding {
  id: number;
  campaignId: number;
  buildingId: number;
  buildingName: string;
  entranceName: string | null;
  floor: number | null;
  location: string | null;
  itemText: string;
  description: string;
  photoIds: number[];
  deadline: string;
  status: 'open' | 'closed';
  overdue: boolean;
  recheckResult: RecheckResult | null;
  recheckedOn: string | null;
  recheckedByName: string | null;
  recheckNotes: string | null;
  recheckPhotoIds: number[];
  createdByName: string | null;
  createdAt: string;
}

export interface FindingPayload {
  itemKey: string;
  entranceId?: number | null;
  floor?: number | null;
  location?: string | null;
  description: string;
  photoIds: number[];
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
  list: (communityId?: number) => api.get<{ items: Campaign[] }>('/campaigns', { communityId }),
  mine: () => api.get<{ items: MyCampaign[] }>('/campaigns/mine'),
  get: (id: number) => api.get<{ campaign: Campaign }>(`/campaigns/${id}`),
  create: (body: {
    communityId: number;
    name: string;
    kind: CampaignKind;
    placeIds?: number[];
    endsOn?: string | null;
    checklist?: string[];
  }) => api.post<{ campaign: Campaign }>('/campaigns', body),
  close: (id: number) => api.post<{ campaign: Campaign }>(`/campaigns/${id}/close`),
  assignments: (id: number) =>
    api.get<{ units: Unit[]; assignments: Assignment[]; people: FieldPerson[] }>(
      `/campaigns/${id}/assignments`,
    ),
  assign: (
    id: number,
    items: Array<{ buildingId: number; entranceId?: number | null; accountId: number; team?: string | null }>,
  ) => api.post<{ assigned: number }>(`/campaigns/${id}/assignments`, { items }),
  unassign: (id: number, assignmentId: number) =>
    api.delete<void>(`/campaigns/${id}/assignments/${assignmentId}`),
  suggest: (id: number, accountIds: number[]) =>
    api.get<{
      items: Array<{
        buildingId: number;
        buildingName: string;
        households: number;
        accountId: number | null;
      }>;
      load: Array<{ accountId: number; displayName: string; households: number }>;
    }>(`/campaigns/${id}/assignment-suggestion?${accountIds.map((a) => `accountIds=${a}`).join('&')}`),
  progress: (id: number, minAttempts: number) =>
    api.get<Progress>(`/campaigns/${id}/progress`, { minAttempts }),
  queue: (id: number) =>
    api.get<{ items: Array<Target & { assignee: string | null }> }>(`/campaigns/${id}/queue`),
  myHouseholds: (id: number) =>
    api.get<{ campaign: Campaign; total: number; left: number; items: Target[] }>(
      `/campaigns/${id}/my-households`,
    ),
  recordVisit: (campaignId: number, visit: VisitPayload) =>
    api.post<{ visit: { id: number; clientId: string }; duplicate: boolean }>(
      `/campaigns/${campaignId}/visits`,
      visit,
    ),
  summaryUrl: (id: number) => `/api/campaigns/${id}/summary`,
  buildings: (id: number) =>
    api.get<{ campaign: Campaign; items: GovBuilding[] }>(`/campaigns/${id}/buildings`),
  entrances: (id: number, targetId: number) =>
    api.get<{ items: Array<{ id: number; name: string }> }>(`/campaigns/${id}/targets/${targetId}/entrances`),
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
  ) =>
    api.post<{ check: { id: number; findingIds: number[] }; duplicate: boolean }>(
      `/campaigns/${id}/checks`,
      body,
    ),
  findings: (id: number, status?: FindingFilter) =>
    api.get<{ items: Finding[] }>(`/campaigns/${id}/findings`, { status }),
  recheck: (
    id: number,
    findingId: number,
    body: { result: RecheckResult; notes?: string | null; photoIds?: number[]; deadline?: string },
  ) => api.post<{ finding: Finding }>(`/campaigns/${id}/findings/${findingId}/recheck`, body),
  uploadPhoto: (communityId: number, photo: Blob) => {
    const form = new FormData();
    form.append('file', photo, 'photo.jpg');
    return api.upload<{ photo: { id: number; url: string } }>('/photos', form, {
      communityId,
      purpose: 'campaign_finding',
    });
  },
  photoUrl: (id: number) => `/api/photos/${id}`,
};
