import { createStore, del, entries, set } from 'idb-keyval';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ApiError, api } from './api-client';

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
  flush(accountId: number): Promise<number>;
  subscribe(listener: () => void): () => void;
  /** Called for each item the server has taken, whoever started the sending (a page or the app). */
  onSent(listener: (item: OutboxItem<T>) => void): () => void;
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

  const sentListeners = new Set<(item: OutboxItem<T>) => void>();
  let flushing: Promise<number> | null = null;
  function flush(accountId: number): Promise<number> {
    if (flushing) return flushing;
    flushing = (async () => {
      await reload();
      let sent = 0;
      const mine = snapshot.filter((waiting) => !waiting.error && waiting.accountId === accountId);
      // Sent only in the session of the account that recorded them: the cookie is asked first, as a
      // sign-in made in another tab (or the gate app) replaces it behind this page's back.
      if (mine.length === 0 || !(await sessionIs(accountId))) return 0;
      for (const waiting of mine) {
        let item = waiting;
        try {
          await send(item, async (payload) => {
            item = { ...item, payload };
            await set(item.id, item, store);
          });
          // The page learns of it before the phone forgets it, so nothing looks undone in between.
          for (const listener of sentListeners) listener(item);
          await del(item.id, store);
          sent += 1;
        } catch (error) {
          if (isTransient(error)) break;
          // Refused (4xx): set aside with the server's reason for the user to read and remove; the
          // items after it are still sent.
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
    onSent(listener) {
      sentListeners.add(listener);
      return () => sentListeners.delete(listener);
    },
    snapshot: () => snapshot,
  };
}

/** Whether the session cookie is this account's now (no answer: not known, so nothing is sent). */
async function sessionIs(accountId: number): Promise<boolean> {
  try {
    const { account } = await api.get<{ account: { id: number } }>('/auth/me');
    return account.id === accountId;
  } catch {
    return false;
  }
}

/** The account's waiting items, whether the phone is online, and a sender for "send now". */
export function useOutbox<T>(
  outbox: Outbox<T>,
  accountId: number,
  onSent?: (item: OutboxItem<T>) => void,
): { queued: OutboxItem<T>[]; online: boolean; flush: () => Promise<number> } {
  const all = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const queued = useMemo(() => all.filter((q) => q.accountId === accountId), [all, accountId]);
  const online = useOnline();
  useEffect(() => (onSent ? outbox.onSent(onSent) : undefined), [outbox, onSent]);
  const flush = useCallback(() => outbox.flush(accountId), [outbox, accountId]);
  return { queued, online, flush };
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The app's sender, mounted once in the signed-in layout: whatever page is open, the signed-in account's
 * queued items go now, whenever the network comes back, and every 20 s.
 */
export function useOutboxSender(outboxes: ReadonlyArray<Pick<Outbox<unknown>, 'flush'>>, accountId: number) {
  useEffect(() => {
    const run = () => {
      for (const outbox of outboxes) void outbox.flush(accountId);
    };
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(run, 20_000);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [outboxes, accountId]);
}
