import type { GateHolder, Verdict } from '../../shared/access';
import type { CheckRecord, CheckResult } from './gate-api';

/**
 * The rules of the gate phone's queue, free of IndexedDB and fetch so they are unit tested
 * (queue-logic.test.ts); offline-store.ts keeps the items and sync.ts sends them.
 */

/** A check waiting on the phone. */
export interface QueuedCheck {
  check: CheckRecord;
  /** Who recorded it: only that account's session sends it (a phone shared by a shift change). */
  accountId: number;
  /** The server refused it (4xx): set aside with its reason, shown to the guard, not sent by itself. */
  refused?: { reason: string; at: string };
}

/**
 * An entry as stored. Entries written before checks carried their account are bare checks: they were
 * meant to go with whoever is signed in (as the old app sent them), so the first account to look adopts
 * them — the best guess there is, and what would have happened without this version.
 */
export function readStored(value: unknown, adopter: number): QueuedCheck | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<QueuedCheck> & Partial<CheckRecord>;
  if (v.check && typeof v.check.uuid === 'string' && typeof v.accountId === 'number') return v as QueuedCheck;
  if (typeof v.uuid === 'string' && typeof v.checkedAt === 'string')
    return { check: v as CheckRecord, accountId: adopter };
  return null;
}

/** Oldest first: the order they happened in. */
export const byTime = (a: QueuedCheck, b: QueuedCheck) => a.check.checkedAt.localeCompare(b.check.checkedAt);

/** What the phone holds, seen by the account signed in now. */
export function summarise(items: QueuedCheck[], accountId: number) {
  const mine = items.filter((q) => q.accountId === accountId).sort(byTime);
  return {
    /** This account's checks to send. */
    waiting: mine.filter((q) => !q.refused),
    /** This account's checks the server refused: the guard reads why, and removes or retries them. */
    refused: mine.filter((q) => q.refused),
    /** Checks recorded by other accounts on this phone: they wait for their own sign-in. */
    others: items.filter((q) => q.accountId !== accountId).length,
  };
}

/** How one check fared in the server's answer to a batch. */
export type ItemAnswer = { kind: 'accepted'; result: CheckResult } | { kind: 'refused'; reason: string };

const REFUSED_WORDS = new Set(['refused', 'rejected', 'invalid', 'error']);
const DEFAULT_REASON = '服务器拒收此记录 · refused by the server';

function reasonOf(r: Record<string, unknown>): string {
  if (typeof r.reason === 'string' && r.reason) return r.reason;
  const error = r.error;
  if (typeof error === 'string' && error) return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  if (typeof r.message === 'string' && r.message) return r.message;
  return DEFAULT_REASON;
}

/**
 * Reads `{ results: [...] }` item by item. Two server shapes are understood: every item stored or a
 * resend (`{ uuid, verdict, stored }`), and per-item outcomes where some are refused (a `status` of
 * refused, or an `error`/`reason`). An item the answer does not mention stays queued for the next try.
 */
export function readBatchAnswer(body: unknown): Map<string, ItemAnswer> {
  const answers = new Map<string, ItemAnswer>();
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return answers;
  for (const entry of results) {
    if (typeof entry !== 'object' || entry === null) continue;
    const r = entry as Record<string, unknown>;
    if (typeof r.uuid !== 'string') continue;
    const word = [r.status, r.outcome, r.state].find((w): w is string => typeof w === 'string');
    if ((word && REFUSED_WORDS.has(word)) || (r.error !== undefined && r.error !== null)) {
      answers.set(r.uuid, { kind: 'refused', reason: reasonOf(r) });
    } else if (typeof r.verdict === 'string') {
      answers.set(r.uuid, {
        kind: 'accepted',
        result: {
          uuid: r.uuid,
          verdict: r.verdict as Verdict,
          passNumber: typeof r.passNumber === 'number' ? r.passNumber : null,
          ...(typeof r.holder === 'object' && r.holder !== null ? { holder: r.holder as GateHolder } : {}),
          fever: r.fever === true,
          outcome: word === 'duplicate' || r.stored === false ? 'duplicate' : 'stored',
          stored: typeof r.stored === 'boolean' ? r.stored : word !== 'duplicate',
        },
      });
    }
  }
  return answers;
}

/** What one POST of checks came back with. Status 0: no answer at all (no network). */
export type SendOutcome = { ok: true; body: unknown } | { ok: false; status: number; message: string };

export interface DeliveryReport {
  accepted: CheckResult[];
  refused: Array<{ uuid: string; reason: string }>;
  /** Why sending stopped early: the session is gone, or the server cannot take anything now. */
  stopped: null | 'signed_out' | 'unavailable';
}

/** No network, a timeout, too many requests or a server in trouble: the same items may go later. */
export const isTransient = (status: number) =>
  status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * Sends a batch. A refusal of the whole batch (4xx, as a server without per-item answers gives when one
 * check is bad) is narrowed down by sending each half again, down to the single check that is refused:
 * the bad one is set aside with the server's reason and every other one is stored. 401 and transient
 * failures stop, leaving what was not answered for the next try.
 */
export async function deliver(
  batch: CheckRecord[],
  send: (checks: CheckRecord[]) => Promise<SendOutcome>,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { accepted: [], refused: [], stopped: null };
  if (batch.length === 0) return report;
  const outcome = await send(batch);
  if (outcome.ok) {
    const answers = readBatchAnswer(outcome.body);
    for (const check of batch) {
      const answer = answers.get(check.uuid);
      if (answer?.kind === 'accepted') report.accepted.push(answer.result);
      else if (answer?.kind === 'refused') report.refused.push({ uuid: check.uuid, reason: answer.reason });
    }
    return report;
  }
  if (outcome.status === 401) return { ...report, stopped: 'signed_out' };
  if (isTransient(outcome.status)) return { ...report, stopped: 'unavailable' };
  const [only] = batch;
  if (batch.length === 1 && only) {
    report.refused.push({ uuid: only.uuid, reason: outcome.message || DEFAULT_REASON });
    return report;
  }
  const middle = Math.ceil(batch.length / 2);
  for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
    const part = await deliver(half, send);
    report.accepted.push(...part.accepted);
    report.refused.push(...part.refused);
    if (part.stopped) return { ...report, stopped: part.stopped };
  }
  return report;
}
