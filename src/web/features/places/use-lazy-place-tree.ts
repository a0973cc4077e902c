import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { type PlaceSummary, placeDetailQuery, usePlaceRoots } from './places-api';

/**
 * The account's places as a tree that grows as places are opened. Children come from the same cached
 * place queries as the place page, so a place added there appears here as well.
 */
export function useLazyPlaceTree() {
  const queryClient = useQueryClient();
  const roots = usePlaceRoots();
  const [loaded, setLoaded] = useState<number[]>([]);
  const details = useQueries({ queries: loaded.map((id) => placeDetailQuery(id)) });

  const childrenOf = new Map<number, PlaceSummary[]>();
  loaded.forEach((id, index) => {
    const data = details[index]?.data;
    if (data) childrenOf.set(id, data.children);
  });

  /** Loads the children of these places; resolves once they are there. */
  const load = useCallback(
    async (ids: number[]) => {
      setLoaded((prev) => {
        const missing = ids.filter((id) => !prev.includes(id));
        return missing.length === 0 ? prev : [...prev, ...missing];
      });
      await Promise.all(ids.map((id) => queryClient.ensureQueryData(placeDetailQuery(id))));
    },
    [queryClient],
  );

  return { roots, childrenOf, load };
}
