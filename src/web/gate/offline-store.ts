import { createStore, del, get, getMany, keys, set } from 'idb-keyval';
import type { CheckRecord, OfflineBundle } from './gate-api';

/**
 * What the phone keeps in IndexedDB: the offline lists per gate and the checks not yet sent. A check is
 * written here before anything is sent, so closing the app or losing the signal never loses one.
 */
const lists = createStore('dashu-gate', 'lists');
const queue = createStore('dashu-gate-queue', 'checks');

export const saveBundle = (bundle: OfflineBundle) => set(`gate:${bundle.gateId}`, bundle, lists);
export const loadBundle = (gateId: number) => get<OfflineBundle>(`gate:${gateId}`, lists);

export const enqueue = (check: CheckRecord) => set(check.uuid, check, queue);

export async function pending(): Promise<CheckRecord[]> {
  const ids = (await keys(queue)) as string[];
  const all = (await getMany<CheckRecord>(ids, queue)).filter((c): c is CheckRecord => Boolean(c));
  return all.sort((a, b) => a.checkedAt.localeCompare(b.checkedAt));
}

export const pendingCount = async () => (await keys(queue)).length;
export const forget = async (uuids: string[]) => {
  for (const uuid of uuids) await del(uuid, queue);
};
