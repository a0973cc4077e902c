import type { GateCheckInput, GateCheckResult, VisitorInput, VisitorPass } from '../../shared/access';

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

export interface Gate {
  id: number;
  name: string;
  communityId: number;
  compoundId: number;
  compoundName: string;
  vehiclesAllowed: boolean;
  openingHours: string | null;
}

export interface OfflineBundle {
  gateId: number;
  compoundId: number;
  today: string;
  generatedAt: string;
  keys: Array<{ kid: number; key: string; active: boolean }>;
  revoked: number[];
  mustNotGoOut: number[];
  activePasses: Array<[number, string]>;
}

export type CheckRecord = GateCheckInput;
export type CheckResult = GateCheckResult;

export type { VisitorPass };

export const gateApi = {
  visitor: (body: VisitorInput) => call<{ visitor: VisitorPass }>('POST', '/gate/visitors', body),
  me: () => call<{ account: { displayName: string; role: string } }>('GET', '/auth/me'),
  login: (username: string, password: string) => call('POST', '/auth/login', { username, password }),
  logout: () => call('POST', '/auth/logout'),
  gates: () => call<{ items: Gate[] }>('GET', '/gate/gates'),
  bundle: (gateId: number) => call<OfflineBundle>('GET', `/gate/gates/${gateId}/offline`),
  send: (checks: CheckRecord[]) => call<{ results: CheckResult[] }>('POST', '/gate/checks', { checks }),
  lookup: (gateId: number, docNumber: string) =>
    call<{ found: boolean; name?: string; passNumber?: number; token?: string }>('POST', '/gate/lookup', {
      gateId,
      docNumber,
    }),
  checkIn: (gateId: number) =>
    call<{
      shift: { id: number; startsAt: string; endsAt: string; checkedInAt: string | null; state: string };
    }>('POST', '/gate/check-in', { gateId }),
  ownPass: (linkToken: string) =>
    call<{
      number: number;
      token: string;
      compoundName: string;
      buildingName: string;
      room: string;
      holderName: string | null;
      validUntil: string;
      status: string;
    }>('GET', `/public/passes/${linkToken}`),
};
