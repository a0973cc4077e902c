import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account } from '../auth/auth-api';
import { type PlaceSummary, placeDetailQuery, placeKeys, placesApi } from '../places/places-api';

export interface Community {
  id: number;
  name: string;
}

const ABOVE_COMMUNITY = new Set(['city', 'district', 'subdistrict']);
const MAX_LOOKUPS = 60;

/** Walks down from the account's places to the communities in (or around) its area. */
async function findCommunities(queryClient: QueryClient, account: Account): Promise<Community[]> {
  const { scope } = account;
  if (scope.placeKind === 'community') return [{ id: scope.placeId, name: scope.placeName }];
  const roots = await queryClient.ensureQueryData({ queryKey: placeKeys.roots, queryFn: placesApi.roots });
  const found = new Map<number, string>();
  const queue: PlaceSummary[] = [...roots];
  let lookups = 0;
  while (queue.length > 0 && lookups < MAX_LOOKUPS) {
    const place = queue.shift();
    if (!place) break;
    if (place.kind === 'community') {
      found.set(place.id, place.name);
    } else if (ABOVE_COMMUNITY.has(place.kind)) {
      lookups += 1;
      queue.push(...(await queryClient.ensureQueryData(placeDetailQuery(place.id))).children);
    } else if (place.communityId !== null && !found.has(place.communityId)) {
      // Inside a community (a compound or building account): name it from the place's ancestors.
      lookups += 1;
      const detail = await queryClient.ensureQueryData(placeDetailQuery(place.id));
      const community = detail.ancestors.find((a) => a.kind === 'community');
      found.set(place.communityId, community?.name ?? `#${place.communityId}`);
    }
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

export function useCommunities(account: Account) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['communities', account.id],
    queryFn: () => findCommunities(queryClient, account),
    staleTime: 5 * 60_000,
  });
}
