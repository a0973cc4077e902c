import type { Direction, Verdict } from './verdict';

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

/** The server's answer for one check. */
export interface GateCheckResult {
  uuid: string;
  verdict: Verdict;
  passNumber: number | null;
  fever: boolean;
  /** false when this uuid was already stored: a resend, recorded once (with the verdict of the first). */
  stored: boolean;
}

/** A visitor registered at the gate, as the gate app sends it. */
export interface VisitorInput {
  gateId: number;
  name: string;
  phone: string;
  reason: string;
  visiting: string;
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
