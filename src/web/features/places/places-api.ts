import { useQuery } from '@tanstack/react-query';
import type { Items as ItemsOf } from '../../../shared/api/responses';
import type { HouseholdPage } from '../../../shared/people/people-responses';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import type { PlaceDetail, PlaceSummary, PolicyPlace } from '../../../shared/places/place-responses';
import { api } from '../../shared/api-client';

export type { HouseholdRow } from '../../../shared/people/people-responses';
export type { Gate, PlaceDetail, PlaceSummary, PolicyPlace } from '../../../shared/places/place-responses';

export const placeKeys = {
  all: ['places'] as const,
  policy: ['places', 'policy'] as const,
  roots: ['places', 'roots'] as const,
  detail: (id: number) => ['places', id] as const,
  households: (id: number, page: number, pageSize: number) =>
    ['places', id, 'households', page, pageSize] as const,
};

export const placesApi = {
  roots: async () => (await api.get<ItemsOf<PlaceSummary>>('/places/roots')).items,
  get: (id: number) => api.get<PlaceDetail>(`/places/${id}`),
  create: (body: { parentId: number; kind: PlaceKind; name: string }) =>
    api.post<PlaceSummary>('/places', body),
  households: (id: number, page: number, pageSize: number) =>
    api.get<HouseholdPage>(`/places/${id}/households`, { page, pageSize }),
  policy: async () => (await api.get<ItemsOf<PolicyPlace>>('/places/policy')).items,
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
