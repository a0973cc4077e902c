import type { GateCheckInput, GateCheckResult, VisitorInput, VisitorPass } from '../../shared/access';
import type {
  CheckedIn,
  DocumentLookup,
  GateList,
  OfflineBundle,
  OwnPass,
  VisitorAnswer,
} from '../../shared/access/access-responses';
import type { Account, AccountAnswer } from '../../shared/auth/auth-responses';
import { clearSignedOut, endOldSessionFirst, refusesWhileSignedOut } from '../shared/session-end';
import { zh } from './bilingual';
import type { SendOutcome } from './queue-logic';

/** A refusal from the server, with its message already in Chinese (the server's default). */
export class GateApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  // Signed out on this phone: the old cookie may still be there (no signal to end it); never use it.
  if (refusesWhileSignedOut(path)) throw new GateApiError(401, zh('signInFirst'));
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new GateApiError(response.status, parsed?.error?.message ?? `HTTP ${response.status}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Posts checks and reports what came back instead of throwing: the queue decides what each answer means. */
async function sendChecks(checks: GateCheckInput[]): Promise<SendOutcome> {
  try {
    return { ok: true, body: await call<unknown>('POST', '/gate/checks', { checks }) };
  } catch (error) {
    if (error instanceof GateApiError) return { ok: false, status: error.status, message: error.message };
    return { ok: false, status: 0, message: zh('offline') };
  }
}

/** What the gate app keeps of the signed-in account (on the phone, for the next start). */
export type SignedInAccount = Pick<Account, 'id' | 'displayName'>;

export type { ConsoleGate as Gate, GateDoor, OfflineBundle } from '../../shared/access/access-responses';
export type CheckRecord = GateCheckInput;
export type CheckResult = GateCheckResult;

export type { VisitorPass };

export const gateApi = {
  visitor: (body: VisitorInput) => call<VisitorAnswer>('POST', '/gate/visitors', body),
  me: () => call<AccountAnswer>('GET', '/auth/me'),
  /** Ends the last session first (a sign-out made offline), then signs in; the new cookie replaces it. */
  async login(username: string, password: string) {
    if (!(await endOldSessionFirst())) throw new GateApiError(0, zh('lastSignOutPending'));
    const answer = await call<AccountAnswer>('POST', '/auth/login', { username, password });
    clearSignedOut();
    return answer;
  },
  gates: () => call<GateList>('GET', '/gate/gates'),
  bundle: (gateId: number) => call<OfflineBundle>('GET', `/gate/gates/${gateId}/offline`),
  send: sendChecks,
  lookup: (gateId: number, docNumber: string) =>
    call<DocumentLookup>('POST', '/gate/lookup', {
      gateId,
      docNumber,
    }),
  checkIn: (gateId: number) => call<CheckedIn>('POST', '/gate/check-in', { gateId }),
  ownPass: (linkToken: string) => call<OwnPass>('GET', `/public/passes/${linkToken}`),
};
