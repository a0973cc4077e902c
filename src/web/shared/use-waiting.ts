import { useQuery } from '@tanstack/react-query';
import type { WaitingCounts } from '../../shared/waiting/waiting.schema';
import { api } from './api-client';

/** Invalidate after deciding something a badge counts (a review, a verification). */
export const WAITING_KEY = ['waiting'] as const;

/**
 * What waits for this account (the menu's badges), one small request for all of them. Polled gently:
 * once a minute while the page is in front, never in a background tab, and not at all for an account
 * that acts on none of them (a guard, a volunteer).
 */
export function useWaiting(enabled: boolean) {
  return useQuery({
    queryKey: WAITING_KEY,
    queryFn: () => api.get<WaitingCounts>('/waiting'),
    enabled,
    staleTime: 30_000,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
}
