import { type CheckResult, GateApiError, gateApi } from './gate-api';
import { forget, loadQueue, setAside } from './offline-store';
import { deliver, summarise } from './queue-logic';

const BATCH = 100;

export interface SyncReport {
  results: CheckResult[];
  /** How many checks the server refused this time (set aside, shown to the guard). */
  refused: Array<{ uuid: string; reason: string }>;
  /** The session is gone (401): sign in again. */
  signedOut: boolean;
  /** The cookie belongs to another account than the app thinks (someone signed in elsewhere). */
  otherAccount: boolean;
}

/**
 * Sends this account's waiting checks, oldest first, in batches. A check leaves the phone only once the
 * server has answered for it (stored, a resend, or refused — then it is set aside with the reason); the
 * server stores each uuid once, so sending a batch again after a lost answer is harmless. Checks of
 * other accounts stay: they go only in their own session. Before sending, the server is asked whose
 * session this is, so a cookie replaced behind the app's back never carries another guard's checks.
 */
export async function sendPending(accountId: number): Promise<SyncReport> {
  const report: SyncReport = { results: [], refused: [], signedOut: false, otherAccount: false };
  const { waiting } = summarise(await loadQueue(accountId), accountId);
  if (waiting.length === 0) return report;
  try {
    const { account } = await gateApi.me();
    if (account.id !== accountId) return { ...report, otherAccount: true };
  } catch (error) {
    if (error instanceof GateApiError && error.status === 401) return { ...report, signedOut: true };
    return report; // no network or the server in trouble: try again later
  }
  for (let i = 0; i < waiting.length; i += BATCH) {
    const batch = waiting.slice(i, i + BATCH).map((q) => q.check);
    const done = await deliver(batch, gateApi.send);
    await forget(done.accepted.map((r) => r.uuid));
    for (const r of done.refused) await setAside(r.uuid, r.reason);
    report.results.push(...done.accepted);
    report.refused.push(...done.refused);
    if (done.stopped === 'signed_out') return { ...report, signedOut: true };
    if (done.stopped) break;
  }
  return report;
}
