import type { PlaceKind } from '../../../shared/places/place-kinds';
import { api } from '../../shared/api-client';

/** A registration QR poster: `path` is `/r/p/<token>`, opened by residents who scan it. */
export interface Poster {
  id: number;
  token: string;
  placeId: number;
  placeName: string;
  placeKind: PlaceKind;
  path: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Places a poster may be made for; entrances are not offered. */
export const POSTER_PLACE_KINDS: readonly PlaceKind[] = [
  'community',
  'compound',
  'building',
  'bungalow_area',
];

export const posterKeys = {
  all: ['posters'] as const,
  list: ['posters', 'list'] as const,
};

export const postersApi = {
  list: async () => (await api.get<{ items: Poster[] }>('/posters')).items,
  create: async (placeId: number) => (await api.post<{ poster: Poster }>('/posters', { placeId })).poster,
  revoke: (id: number) => api.delete<void>(`/posters/${id}`),
};

/** The link printed on the poster and encoded in its QR code. */
export function posterUrl(poster: Poster): string {
  return `${window.location.origin}${poster.path}`;
}
