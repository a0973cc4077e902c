import type { BuildingGrid, BuildingProfile } from '../../../shared/buildings/building-responses';
import { api } from '../../shared/api-client';

export type { BuildingFigures, BuildingProfile } from '../../../shared/buildings/building-responses';

export const buildingKeys = {
  grid: (communityId: number) => ['buildings', 'grid', communityId] as const,
  profile: (id: number) => ['buildings', id] as const,
};

export const buildingsApi = {
  grid: (communityId: number) => api.get<BuildingGrid>(`/communities/${communityId}/building-grid`),
  profile: (id: number) => api.get<BuildingProfile>(`/buildings/${id}/profile`),
};
