import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import { type PassForCheck, passesForCheck } from './passes.repo';

/**
 * What online gate checks need about a community's passes (status, validity, holder under observation),
 * held in memory. A check then costs the signature check and one INSERT, not a lookup too.
 *
 * A community is read whole once, then kept current by change notices (db/change-bus.ts), which every
 * instance hears within milliseconds of the commit: a pass issued, revoked or reissued reloads just those
 * passes; a status change (or a move) reloads the community, at most once a STATUS_RELOAD_MS. Before
 * this the whole community was read every second on every instance (instances × communities reads a
 * second); now a quiet community costs one read per RESYNC_MS, a safety net for a lost notice.
 * While the instance is not listening (the connection dropped; a command-line run) entries live only
 * STATE_TTL_MS, as before; a reconnect drops them all, since notices were missed.
 */
export const STATE_TTL_MS = 1_000;
export const STATUS_RELOAD_MS = 1_000;
export const RESYNC_MS = 5 * 60_000;

export interface PassStateCache {
  get(communityId: number): Promise<Map<number, PassForCheck>>;
  /** Passes changed on this instance: those numbers (or, without them, the whole community) reload. */
  invalidate(communityId: number, numbers?: number[]): void;
  /** Reads made so far (the bench counts them). */
  readonly loads: number;
}

interface Entry {
  value: Promise<Map<number, PassForCheck>>;
  loadedAt: number;
  /** Pass numbers changed since; 'all' when the whole community must be read again. */
  changed: Set<number> | 'all';
  statusChanged: boolean;
}

export function createPassStateCache(db: Db, bus?: ChangeBus): PassStateCache {
  const entries = new Map<number, Entry>();
  let loads = 0;

  function loadAll(communityId: number): Entry {
    loads++;
    const value = passesForCheck(db, communityId, 'all');
    const entry: Entry = { value, loadedAt: Date.now(), changed: new Set(), statusChanged: false };
    entries.set(communityId, entry);
    value.catch(() => {
      if (entries.get(communityId) === entry) entries.delete(communityId);
    });
    return entry;
  }

  function markChanged(communityId: number, numbers?: number[]) {
    const entry = entries.get(communityId);
    if (!entry) return;
    if (!numbers || entry.changed === 'all') entry.changed = 'all';
    else for (const n of numbers) entry.changed.add(n);
  }

  bus?.on('passes', (change) => markChanged(change.c, change.n));
  bus?.on('status', (change) => {
    const entry = entries.get(change.c);
    if (entry) entry.statusChanged = true;
  });
  bus?.onResync(() => entries.clear());

  return {
    get(communityId) {
      const now = Date.now();
      const entry = entries.get(communityId);
      const maxAge = bus?.live ? RESYNC_MS : STATE_TTL_MS;
      if (
        !entry ||
        entry.changed === 'all' ||
        entry.loadedAt + maxAge <= now ||
        (entry.statusChanged && entry.loadedAt + STATUS_RELOAD_MS <= now)
      )
        return loadAll(communityId).value;
      if (entry.changed.size === 0) return entry.value;
      // Only the changed passes are read; what changes after this read starts is marked anew.
      const numbers = [...entry.changed];
      entry.changed = new Set();
      loads++;
      const previous = entry.value;
      entry.value = previous.then(async (map) => {
        const fresh = await passesForCheck(db, communityId, numbers);
        for (const n of numbers) {
          const row = fresh.get(n);
          if (row) map.set(n, row);
          else map.delete(n);
        }
        return map;
      });
      entry.value.catch(() => {
        if (entries.get(communityId) === entry) entries.delete(communityId);
      });
      return entry.value;
    },
    invalidate(communityId, numbers) {
      markChanged(communityId, numbers);
    },
    get loads() {
      return loads;
    },
  };
}
