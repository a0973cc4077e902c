import { useCallback, useMemo } from 'react';
import { createOutbox, newPhoneId, type OutboxItem, useOutbox } from '../../shared/outbox';
import { campaignsApi, type VisitPayload } from './campaigns-api';

/**
 * Visits recorded on the phone wait in an outbox (shared/outbox.ts) until the server has them; the server
 * keys visits by the id made here, so a visit sent twice is kept once.
 */
export interface QueuedVisit {
  accountId: number;
  campaignId: number;
  visit: VisitPayload;
  error?: string;
}

type Waiting = { campaignId: number; visit: VisitPayload };

export const visitOutbox = createOutbox<Waiting>(
  'dashu-visits',
  async ({ payload }) => {
    await campaignsApi.recordVisit(payload.campaignId, payload.visit);
  },
  // Visits queued by the page before the shared outbox: { accountId, campaignId, visit, error? }.
  (stored) => {
    const old = stored as Partial<QueuedVisit> | null;
    if (!old?.visit?.id || typeof old.accountId !== 'number' || typeof old.campaignId !== 'number')
      return null;
    return {
      id: old.visit.id,
      accountId: old.accountId,
      at: old.visit.visitedAt,
      payload: { campaignId: old.campaignId, visit: old.visit },
      ...(old.error ? { error: old.error } : {}),
    };
  },
);

export const newVisitId = newPhoneId;

const asQueued = (item: OutboxItem<Waiting>): QueuedVisit => ({
  accountId: item.accountId,
  campaignId: item.payload.campaignId,
  visit: item.payload.visit,
  ...(item.error ? { error: item.error } : {}),
});

export function queueVisit(accountId: number, campaignId: number, visit: VisitPayload) {
  return visitOutbox.put({ id: visit.id, accountId, at: visit.visitedAt, payload: { campaignId, visit } });
}

export const dropVisit = (id: string) => visitOutbox.drop(id);

/** The waiting visits, and "send now" (the app's sender, outbox-sender.ts, sends from any page). */
export function useVisitQueue(accountId: number, onSent: (campaignId: number, visit: VisitPayload) => void) {
  const sent = useCallback(
    (item: OutboxItem<Waiting>) => onSent(item.payload.campaignId, item.payload.visit),
    [onSent],
  );
  const { queued, online, flush } = useOutbox(visitOutbox, accountId, sent);
  return { queued: useMemo(() => queued.map(asQueued), [queued]), online, flush };
}
