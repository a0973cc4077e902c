import { type CheckResult, GateApiError, gateApi } from './gate-api';
import { forget, pending } from './offline-store';

const BATCH = 100;

/**
 * Sends every waiting check, oldest first, in batches. A check leaves the phone's queue only once the
 * server has answered for it; the server stores each uuid once, so sending a batch again after a lost
 * answer is harmless (exactly once, end to end).
 */
export async function sendPending(): Promise<{ results: CheckResult[]; signedOut: boolean }> {
  const results: CheckResult[] = [];
  const waiting = await pending();
  for (let i = 0; i < waiting.length; i += BATCH) {
    const batch = waiting.slice(i, i + BATCH);
    try {
      const answer = await gateApi.send(batch);
      await forget(answer.results.map((r) => r.uuid));
      results.push(...answer.results);
    } catch (error) {
      if (error instanceof GateApiError && error.status === 401) return { results, signedOut: true };
      // 4xx other than sign-in: the batch holds a check the server will never take; keep it visible.
      if (error instanceof GateApiError && error.status < 500) throw error;
      break; // network or server trouble: try again later
    }
  }
  return { results, signedOut: false };
}
