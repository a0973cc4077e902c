import { api } from '../../shared/api-client';

export interface BuildingFigures {
  id: number;
  name: string;
  kind: string;
  compoundName: string | null;
  households: number;
  vacant: number;
  residents: number;
  renters: number;
  vulnerable: number;
  partyMembers: number;
  attention: number;
  campaignId: number | null;
  campaignTotal: number;
  campaignDone: number;
}

export interface BuildingProfile {
  building: BuildingFigures & { communityId: number };
  entrances: Array<{ id: number | null; name: string | null; households: number; vacant: number }>;
  volunteers: Array<{ id: number; displayName: string }>;
  statuses: Record<string, number>;
  campaigns: Array<{
    id: number;
    name: string;
    status: string;
    createdAt: string;
    outcomes: Record<string, number>;
    assignees: string[];
  }>;
}

export const buildingKeys = {
  grid: (communityId: number) => ['buildings', 'grid', communityId] as const,
  profile: (id: number) => ['buildings', id] as const,
};

export const buildingsApi = {
  grid: (communityId: number) =>
    api.get<{ items: BuildingFigures[] }>(`/communities/${communityId}/building-grid`),
  profile: (id: number) => api.get<BuildingProfile>(`/buildings/${id}/profile`),
};
