/**
 * Signing out on a shared phone, with or without signal (console and gate app: one origin, one cookie).
 *
 * The session cookie is httpOnly, so a page cannot delete it; and with no signal the server cannot be
 * told. So signing out writes a marker on the phone at once: while it is there both apps treat the phone
 * as signed out — they show the sign-in page and send nothing but a sign-in, a sign-out or a public call
 * (`refusesWhileSignedOut`), so the next person to pick up the phone is not the last one. The marker
 * also remembers that the server has not heard of it yet: `deliverPendingLogout` posts
 * /api/auth/logout (with the old cookie, which ends that session on the server) as soon as the network
 * is back, and always before a new sign-in replaces the cookie. The marker goes when someone signs in.
 */

const KEY = 'dashu:signed-out';

interface Marker {
  at: string;
  /** The server has not yet ended the old session. */
  logoutPending: boolean;
}

/** What the marker lives in: localStorage in the browser, a map in tests. */
export interface MarkerStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const browserStore = (): MarkerStore | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: behave as before (the server's answer decides)
  }
};

function read(store: MarkerStore | null): Marker | null {
  try {
    const value = JSON.parse(store?.getItem(KEY) ?? 'null') as Partial<Marker> | null;
    if (!value || typeof value !== 'object') return null;
    return { at: String(value.at ?? ''), logoutPending: value.logoutPending === true };
  } catch {
    // Unreadable marker: still signed out, and the server may not know.
    return { at: '', logoutPending: true };
  }
}

/** True from a sign-out until the next sign-in on this phone. */
export function isSignedOut(store = browserStore()): boolean {
  return read(store) !== null;
}

/** True while the server may still hold the old session. */
export function logoutPending(store = browserStore()): boolean {
  return read(store)?.logoutPending === true;
}

/** Signing out: at once on the phone, on the server when it can be reached. */
export function markSignedOut(store = browserStore(), now = new Date()): void {
  const marker: Marker = { at: now.toISOString(), logoutPending: true };
  store?.setItem(KEY, JSON.stringify(marker));
}

/** A new sign-in succeeded: its cookie replaced the old one. */
export function clearSignedOut(store = browserStore()): void {
  store?.removeItem(KEY);
}

/**
 * API paths a signed-out phone may still call (relative to /api): signing in and out, and what needs no
 * account at all. Everything else is refused on the phone, before the old cookie could go with it.
 */
export function refusesWhileSignedOut(path: string, store = browserStore()): boolean {
  if (!isSignedOut(store)) return false;
  const bare = path.split('?')[0] ?? path;
  return !(
    bare === '/auth/login' ||
    bare === '/auth/logout' ||
    bare === '/health' ||
    bare === '/access/keys' ||
    bare.startsWith('/public/')
  );
}

export type Delivery = 'nothing' | 'delivered' | 'later';

/**
 * Tells the server about a sign-out made on the phone. A 204 ends the session; a 401 says it had ended
 * already (expired, or signed out elsewhere): either way the old cookie no longer signs anyone in. No
 * network, a busy server or any other answer: try again later (the marker keeps the phone signed out).
 */
export async function deliverPendingLogout(
  store = browserStore(),
  post: () => Promise<{ status: number }> = () =>
    fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{}',
    }),
): Promise<Delivery> {
  const marker = read(store);
  if (!marker?.logoutPending) return 'nothing';
  let status: number;
  try {
    status = (await post()).status;
  } catch {
    return 'later';
  }
  if (status !== 204 && status !== 200 && status !== 401) return 'later';
  // Still signed out on the phone until someone signs in; only the server's part is done.
  if (read(store)) store?.setItem(KEY, JSON.stringify({ ...marker, logoutPending: false }));
  return 'delivered';
}

let running: Promise<Delivery> | null = null;
/** One delivery at a time (the online event, the timer and a sign-in may ask at once). */
export function deliverNow(): Promise<Delivery> {
  running ??= deliverPendingLogout().finally(() => {
    running = null;
  });
  return running;
}

/** Runs at start, whenever the network comes back and every 30 s while a sign-out waits. */
export function startLogoutSender(): () => void {
  const run = () => {
    if (logoutPending()) void deliverNow();
  };
  run();
  window.addEventListener('online', run);
  const timer = window.setInterval(run, 30_000);
  return () => {
    window.removeEventListener('online', run);
    window.clearInterval(timer);
  };
}

/**
 * Before a sign-in: the old session must be over first, or the new cookie would hide it from us for ever
 * (it could no longer be ended from this phone). Resolves false when the server could not be told.
 */
export async function endOldSessionFirst(): Promise<boolean> {
  return (await deliverNow()) !== 'later';
}
