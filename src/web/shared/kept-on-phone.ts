import { clear, createStore, get, set } from 'idb-keyval';
import { ApiError } from './api-client';

/** No answer from the server at all (not a refusal: a 401 still means "sign in"). */
const unreachable = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 502;

/**
 * The last answers of the few queries a phone needs in the field (who is signed in, my campaigns, my
 * households, the buildings to check), kept in IndexedDB so the page still opens after a reload with no
 * signal. Only what the server already shows this account, names masked; cleared on sign-out.
 */
const store = createStore('dashu-kept', 'answers');

/**
 * A query function that keeps its last answer on the phone and answers from it when the network is
 * down. Use with `networkMode: 'offlineFirst'` (TanStack would otherwise not even try offline).
 */
export function keptOnPhone<T>(key: string, fetcher: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      const answer = await fetcher();
      void set(key, answer, store).catch(() => {});
      return answer;
    } catch (error) {
      if (!unreachable(error)) throw error;
      const kept = await get<T>(key, store).catch(() => undefined);
      if (kept === undefined) throw error;
      return kept;
    }
  };
}

/** On sign-out: the next person on this phone finds nothing of the last one's. */
export const forgetKeptAnswers = () => clear(store).catch(() => {});
