import { createStore, del, entries, set } from 'idb-keyval';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../../shared/api-client';
import { campaignsApi, type VisitPayload } from './campaigns-api';

/**
 * Visits recorded on the phone wait here (IndexedDB, via idb-keyval) until the server has them. Every
 * visit goes through the queue, online or not: it is written to the phone first, then sent; the server
 * keys visits by the id made here, so a visit sent twice (no answer heard, then sent again) is kept once.
 */
export interface QueuedVisit {
  /** Who recorded it: on a shared phone, only that account's session sends it. */
  accountId: number;
  campaignId: number;
  visit: VisitPayload;
  /** Set when the server refused it (a mistake the volunteer must see), not for a lost connection. */
  error?: string;
}

const store = createStore('dashu-visits', 'queue');
let snapshot: QueuedVisit[] = [];
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

async function reload() {
  const all = await entries<string, QueuedVisit>(store);
  snapshot = all.map(([, v]) => v).sort((a, b) => a.visit.visitedAt.localeCompare(b.visit.visitedAt));
  notify();
}

/** A v4 UUID from getRandomValues: randomUUID needs a secure context, a phone on plain http has none. */
export function newVisitId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let flushing: Promise<number> | null = null;

/**
 * Sends what is waiting, oldest first. Stops at the first network failure (still offline); a refusal by
 * the server is kept with its message so the volunteer can see it and remove it. Returns how many were sent.
 */
export function flushVisits(
  accountId: number,
  onSent?: (campaignId: number, visit: VisitPayload) => void,
): Promise<number> {
  if (flushing) return flushing;
  flushing = (async () => {
    await reload();
    let sent = 0;
    for (const item of snapshot) {
      if (item.error || item.accountId !== accountId) continue;
      try {
        await campaignsApi.recordVisit(item.campaignId, item.visit);
        // The page learns of it before the phone forgets it, so the household never looks unvisited between.
        onSent?.(item.campaignId, item.visit);
        await del(item.visit.id, store);
        sent += 1;
      } catch (error) {
        // No network (status 0), a timeout, a busy server or a signed-out session: try again later.
        if (!(error instanceof ApiError) || [0, 401, 408, 429].includes(error.status) || error.status >= 500)
          break;
        await set(item.visit.id, { ...item, error: error.message }, store);
      }
    }
    await reload();
    return sent;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

export async function queueVisit(accountId: number, campaignId: number, visit: VisitPayload) {
  await set(visit.id, { accountId, campaignId, visit } satisfies QueuedVisit, store);
  await reload();
}

export async function dropVisit(id: string) {
  await del(id, store);
  await reload();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The waiting visits, and a sender that runs now, whenever the network comes back, and every 20 s. */
export function useVisitQueue(accountId: number, onSent: (campaignId: number, visit: VisitPayload) => void) {
  const all = useSyncExternalStore(subscribe, () => snapshot);
  const queued = useMemo(() => all.filter((q) => q.accountId === accountId), [all, accountId]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const flush = useCallback(() => flushVisits(accountId, onSent), [accountId, onSent]);
  useEffect(() => {
    void flush();
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void flush(), 20_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [flush]);
  return { queued, online, flush };
}
