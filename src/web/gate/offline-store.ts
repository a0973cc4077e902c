import { clear, createStore, del, entries, get, set } from 'idb-keyval';
import type { CheckRecord, OfflineBundle } from './gate-api';
import { byTime, type QueuedCheck, readStored } from './queue-logic';

/**
 * What the phone keeps in IndexedDB: the offline lists per gate and the checks not yet sent. A check is
 * written here before anything is sent, so closing the app or losing the signal never loses one. Each
 * check names the account that recorded it (queue-logic.ts).
 */
const lists = createStore('dashu-gate', 'lists');
const queue = createStore('dashu-gate-queue', 'checks');

export const saveBundle = (bundle: OfflineBundle) => set(`gate:${bundle.gateId}`, bundle, lists);
export const loadBundle = (gateId: number) => get<OfflineBundle>(`gate:${gateId}`, lists);
/** On sign-out: the next person on this phone starts from the server's lists for their own account. */
export const forgetLists = () => clear(lists).catch(() => {});

export const enqueue = (check: CheckRecord, accountId: number) =>
  set(check.uuid, { check, accountId } satisfies QueuedCheck, queue);

/** Everything queued on this phone, oldest first; entries from before accounts were kept are adopted. */
export async function loadQueue(adopter: number): Promise<QueuedCheck[]> {
  const all = await entries<string, unknown>(queue);
  const items: QueuedCheck[] = [];
  for (const [key, value] of all) {
    const item = readStored(value, adopter);
    if (!item) continue;
    // Written back in the new shape, so the adoption is decided once and the next account sees it.
    if (item !== value) await set(key, item, queue);
    items.push(item);
  }
  return items.sort(byTime);
}

export const forget = async (uuids: string[]) => {
  for (const uuid of uuids) await del(uuid, queue);
};

/** A check the server refused: kept, with the reason, for the guard to see. */
export async function setAside(uuid: string, reason: string, at = new Date()) {
  const item = await get<QueuedCheck>(uuid, queue);
  if (item?.check) await set(uuid, { ...item, refused: { reason, at: at.toISOString() } }, queue);
}

/** The guard asks for a refused check to be sent once more (a clock since corrected, say). */
export async function retry(uuid: string) {
  const item = await get<QueuedCheck>(uuid, queue);
  if (item?.check) await set(uuid, { check: item.check, accountId: item.accountId }, queue);
}
