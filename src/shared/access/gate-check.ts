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
