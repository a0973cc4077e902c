import type { CampaignKind, VisitOutcome } from '../../../shared/campaigns';
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
};
