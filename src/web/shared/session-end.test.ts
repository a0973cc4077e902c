import { describe, expect, it } from 'vitest';
import {
  clearSignedOut,
  deliverPendingLogout,
  isSignedOut,
  logoutPending,
  type MarkerStore,
  markSignedOut,
  refusesWhileSignedOut,
} from './session-end';

function memory(): MarkerStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('signing out on a shared phone', () => {
  it('refuses every call but signing in and out and public ones from the sign-out to the next sign-in', () => {
    const store = memory();
    expect(refusesWhileSignedOut('/gate/checks', store)).toBe(false);
    markSignedOut(store);
    expect(isSignedOut(store)).toBe(true);
    for (const path of ['/gate/checks', '/auth/me', '/campaigns/3/visits', '/gate/gates/1/offline?x=1'])
      expect(refusesWhileSignedOut(path, store)).toBe(true);
    for (const path of ['/auth/login', '/auth/logout', '/public/passes/abc', '/access/keys', '/health'])
      expect(refusesWhileSignedOut(path, store)).toBe(false);
    clearSignedOut(store);
    expect(refusesWhileSignedOut('/gate/checks', store)).toBe(false);
  });

  it('keeps the sign-out for the server until it answers, then stays signed out on the phone', async () => {
    const store = memory();
    markSignedOut(store);
    expect(await deliverPendingLogout(store, () => Promise.reject(new TypeError('offline')))).toBe('later');
    expect(await deliverPendingLogout(store, async () => ({ status: 503 }))).toBe('later');
    expect(logoutPending(store)).toBe(true);
    const posts: number[] = [];
    expect(
      await deliverPendingLogout(store, async () => {
        posts.push(1);
        return { status: 204 };
      }),
    ).toBe('delivered');
    expect(logoutPending(store)).toBe(false);
    expect(isSignedOut(store)).toBe(true);
    // Delivered once: nothing more to send.
    expect(await deliverPendingLogout(store, async () => ({ status: 204 }))).toBe('nothing');
    expect(posts).toHaveLength(1);
  });

  it('takes a 401 as done: the old session had already ended', async () => {
    const store = memory();
    markSignedOut(store);
    expect(await deliverPendingLogout(store, async () => ({ status: 401 }))).toBe('delivered');
    expect(logoutPending(store)).toBe(false);
  });

  it('treats an unreadable marker as signed out with the server not yet told', () => {
    const store = memory();
    store.setItem('dashu:signed-out', '{not json');
    expect(isSignedOut(store)).toBe(true);
    expect(logoutPending(store)).toBe(true);
  });
});
