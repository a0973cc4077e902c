import { createStore, del, entries, set } from 'idb-keyval';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ApiError } from './api-client';

export { newPhoneId } from './phone-id';

/**
 * An outbox on the phone (IndexedDB, via idb-keyval) for things recorded with a weak signal: visits,
 * building checks. Everything goes through it, online or not: written to the phone first, then sent.
 * Each item carries an id made on the phone, and the server keys what it stores by that id, so an item
 * sent twice (no answer heard, then sent again) is kept once.
 */
export interface OutboxItem<T> {
  /** The phone-made id: the IndexedDB key, and what the server deduplicates by. */
  id: string;
  /** Who recorded it: on a shared phone, only that account's session sends it. */
  accountId: number;
  /** When it was recorded: items are sent oldest first. */
  at: string;
  payload: T;
  /** Set when the server refused it (a mistake the user must see), not for a lost connection. */
  error?: string;
}

export interface Outbox<T> {
  put(item: OutboxItem<T>): Promise<void>;
  drop(id: string): Promise<void>;
  /** Sends what is waiting for this account; resolves with how many were sent. */
  flush(accountId: number, onSent?: (item: OutboxItem<T>) => void): Promise<number>;
  subscribe(listener: () => void): () => void;
  /** Everything waiting, oldest first (for useSyncExternalStore: the same array until it changes). */
  snapshot(): OutboxItem<T>[];
}

/** No network (status 0), a timeout, a busy server or a signed-out session: worth trying again later. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || [0, 401, 408, 429].includes(error.status) || error.status >= 500;
}

/**
 * `send` delivers one item; it may call `save` with a new payload to remember progress made before a
 * failure (a photo already uploaded, say), so that the next attempt does not repeat it.
 */
export function createOutbox<T>(
  databaseName: string,
  send: (item: OutboxItem<T>, save: (payload: T) => Promise<void>) => Promise<void>,
  /** Reads an entry written by an earlier version of the page (null: not one of ours). */
  adopt: (stored: unknown) => OutboxItem<T> | null = () => null,
): Outbox<T> {
  const store = createStore(databaseName, 'queue');
  let snapshot: OutboxItem<T>[] = [];
  const listeners = new Set<() => void>();

  async function reload() {
    const all = await entries<string, unknown>(store);
    const isItem = (v: unknown): v is OutboxItem<T> =>
      typeof v === 'object' && v !== null && 'payload' in v && typeof (v as { at?: unknown }).at === 'string';
    snapshot = all
      .map(([, v]) => (isItem(v) ? v : adopt(v)))
      .filter((v): v is OutboxItem<T> => v !== null)
      .sort((a, b) => a.at.localeCompare(b.at));
    for (const l of listeners) l();
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  let flushing: Promise<number> | null = null;
  function flush(accountId: number, onSent?: (item: OutboxItem<T>) => void): Promise<number> {
    if (flushing) return flushing;
    flushing = (async () => {
      await reload();
      let sent = 0;
      for (const waiting of snapshot) {
        if (waiting.error || waiting.accountId !== accountId) continue;
        let item = waiting;
        try {
          await send(item, async (payload) => {
            item = { ...item, payload };
            await set(item.id, item, store);
          });
          // The page learns of it before the phone forgets it, so nothing looks undone in between.
          onSent?.(item);
          await del(item.id, store);
          sent += 1;
        } catch (error) {
          if (isTransient(error)) break;
          await set(item.id, { ...item, error: (error as Error).message }, store);
        }
      }
      await reload();
      return sent;
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    async put(item) {
      await set(item.id, item, store);
      await reload();
    },
    async drop(id) {
      await del(id, store);
      await reload();
    },
    flush,
    subscribe,
    snapshot: () => snapshot,
  };
}

/** The account's waiting items, whether the phone is online, and a sender that also runs by itself. */
export function useOutbox<T>(
  outbox: Outbox<T>,
  accountId: number,
  onSent?: (item: OutboxItem<T>) => void,
): { queued: OutboxItem<T>[]; online: boolean; flush: () => Promise<number> } {
  const all = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const queued = useMemo(() => all.filter((q) => q.accountId === accountId), [all, accountId]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const flush = useCallback(() => outbox.flush(accountId, onSent), [outbox, accountId, onSent]);
  // Sends now, whenever the network comes back, and every 20 s.
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
