import type { CampaignKind } from '../../../shared/campaigns';
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
    kind: CampaignKind;
    status: string;
    createdAt: string;
    outcomes: Record<string, number>;
    assignees: string[];
  }>;
  openFindings: {
    total: number;
    overdue: number;
    items: Array<{
      id: number;
      campaignId: number;
      campaignName: string;
      campaignKind: CampaignKind;
      itemText: string;
      entranceName: string | null;
      floor: number | null;
      location: string | null;
      description: string;
      photoIds: number[];
      deadline: string;
      overdue: boolean;
      createdAt: string;
    }>;
  };
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
