import { useQuery } from '@tanstack/react-query';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import { api } from '../../shared/api-client';

export interface PlaceSummary {
  id: number;
  parentId: number | null;
  kind: PlaceKind;
  name: string;
  code: string | null;
  communityId: number | null;
  childCount: number;
  households: number;
  residents: number;
}

export interface Gate {
  id: number;
  name: string;
  vehiclesAllowed: boolean;
  openingHours: string | null;
}

export interface PlaceDetail {
  place: PlaceSummary & { notes: string | null };
  ancestors: { id: number; kind: PlaceKind; name: string; inScope: boolean }[];
  children: PlaceSummary[];
  gates: Gate[];
}

export interface HouseholdRow {
  id: number;
  communityId: number;
  buildingId: number | null;
  buildingName: string | null;
  entranceId: number | null;
  entranceName: string | null;
  floor: number | null;
  room: string;
  vacant: boolean;
  notes: string | null;
  residentCount: number;
  headName: string | null;
  label: string;
}

export const placeKeys = {
  all: ['places'] as const,
  roots: ['places', 'roots'] as const,
  detail: (id: number) => ['places', id] as const,
  households: (id: number, page: number, pageSize: number) =>
    ['places', id, 'households', page, pageSize] as const,
};

export const placesApi = {
  roots: async () => (await api.get<{ items: PlaceSummary[] }>('/places/roots')).items,
  get: (id: number) => api.get<PlaceDetail>(`/places/${id}`),
  create: (body: { parentId: number; kind: PlaceKind; name: string }) =>
    api.post<PlaceSummary>('/places', body),
  households: (id: number, page: number, pageSize: number) =>
    api.get<{ items: HouseholdRow[]; total: number }>(`/places/${id}/households`, { page, pageSize }),
};

export function usePlaceRoots() {
  return useQuery({ queryKey: placeKeys.roots, queryFn: placesApi.roots });
}

export function placeDetailQuery(id: number) {
  return { queryKey: placeKeys.detail(id), queryFn: () => placesApi.get(id) };
}

export function usePlace(id: number | null) {
  return useQuery({ ...placeDetailQuery(id ?? 0), enabled: id !== null });
}
