import type { Direction, GateHolder, Verdict } from './verdict';

/** One check at a gate as the gate app sends it (and keeps it while offline) and the server records it. */
export interface GateCheckInput {
  /** Made on the phone: a check sent twice is stored once. */
  uuid: string;
  gateId: number;
  checkedAt: string;
  direction: Direction;
  token?: string;
  passNumber?: number;
  temperature?: number | null;
  idChecked?: boolean;
  plate?: string | null;
  trunkChecked?: boolean;
  refused?: boolean;
  refusalReason?: string | null;
  offline?: boolean;
}

/**
 * What became of one check of a batch: `stored` now; a `duplicate` of a check already stored under its
 * uuid (by an earlier send, or earlier in this batch); `refused`, not stored and never will be as it is
 * (a bad field, a clock far off, a gate not the guard's): the gate app sets it aside and goes on.
 */
export type GateCheckOutcome = 'stored' | 'duplicate' | 'refused';

/** Why a check was refused, in the caller's language; `field` names the part at fault (`checkedAt`). */
export interface GateCheckRefusal {
  code: string;
  message: string;
  field?: string;
}

/** The server's answer for one check: `results[i]` answers `checks[i]`, every check gets one. */
export interface GateCheckResult {
  /** The check's uuid as sent ('' when it sent none). */
  uuid: string;
  outcome: GateCheckOutcome;
  /** The verdict stored (for a duplicate, the one stored first); `unknown` for a refused check. */
  verdict: Verdict;
  passNumber: number | null;
  /** Whose pass it is (masked): only for a pass of the guard's own community the server found. */
  holder?: GateHolder;
  fever: boolean;
  /** true only for `stored`: kept for gate apps that read nothing else. */
  stored: boolean;
  /** A duplicate of a check earlier in this batch: that check's index in `checks` (the one stored). */
  duplicateOf?: number;
  /** Only for `refused`. */
  error?: GateCheckRefusal;
}

/** A visitor registered at the gate, as the gate app sends it. */
export interface VisitorInput {
  gateId: number;
  name: string;
  phone: string;
  reason: string;
  /** The household visited, picked from the compound's doors (the offline list carries them). */
  householdId?: number;
  /** Free text, for a door not on the list (a shop, a new household). */
  visiting?: string;
  temperature: number | null;
  plate: string | null;
}

/** The visitor's pass for today, as the gate shows it: masked, and no token when they have a fever. */
export interface VisitorPass {
  id: number;
  name: string;
  phone: string;
  validOn: string;
  token: string | null;
  fever: boolean;
}
