import type { Poster, PosterAnswer, PosterList } from '../../../shared/declarations/declaration-responses';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import { api } from '../../shared/api-client';

export type { Poster } from '../../../shared/declarations/declaration-responses';

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
  list: async () => (await api.get<PosterList>('/posters')).items,
  create: async (placeId: number) => (await api.post<PosterAnswer>('/posters', { placeId })).poster,
  revoke: (id: number) => api.delete<void>(`/posters/${id}`),
};

/** The link printed on the poster and encoded in its QR code: `link` is usePublicBase().link. */
export function posterUrl(poster: Poster, link: (path: string) => string): string {
  return link(poster.path);
}
