import type { PassPayload } from './pass-token';

/** What the guard sees, most serious first when several apply. */
export const VERDICTS = [
  'unknown',
  'not_found',
  'revoked',
  'expired',
  'other_compound',
  'must_not_go_out',
  'valid',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const VERDICT_LABELS: Record<Verdict, { zh: string; en: string }> = {
  valid: { zh: '有效，放行', en: 'Valid' },
  revoked: { zh: '已作废', en: 'Revoked' },
  expired: { zh: '已过期', en: 'Expired' },
  other_compound: { zh: '非本小区出入证', en: 'Pass of another compound' },
  must_not_go_out: { zh: '居家/集中观察，不得外出', en: 'Under observation: must not go out' },
  // Only a token whose signature fails is called forged; a number that matches no pass is most often a
  // typo, and calling it forged sent guards after residents who had mistyped nothing but a digit.
  unknown: { zh: '伪造/无法识别', en: 'Forged or unreadable' },
  not_found: { zh: '未找到，请核对号码', en: 'Not found — check the number' },
};

/**
 * Whose pass it is, as the guard sees it: the holder's masked name (王*明), the household's door and how
 * many live there, so a pass lent to someone else is caught. Never a full name, an ID or a phone.
 */
export interface GateHolder {
  /** Masked (王*明); null when the household has no one living there. */
  name: string | null;
  compound: string;
  building: string;
  /** The entrance (单元), when the building has them. */
  unit: string | null;
  room: string;
  /** People living at the door (a household pass lets each of them through). */
  holders: number;
}

/** 紫萝园小区 1号楼 1单元 101: one way to write a door on the gate phone and on the server. */
export const doorLabel = (d: Pick<GateHolder, 'compound' | 'building' | 'unit' | 'room'>) =>
  [d.compound, d.building, d.unit, d.room].filter(Boolean).join(' ');

/** What the guard's phone (or the server) knows besides the token itself. */
export interface GateKnowledge {
  compoundId: number;
  today: string;
  /** Pass numbers of this community no longer valid (revoked or replaced by a reissue). */
  revoked: ReadonlySet<number>;
  /** Pass numbers whose holder (or a member of whose household) is under observation. */
  mustNotGoOut: ReadonlySet<number>;
}

/**
 * One rule for both sides, so a verdict offline is the verdict online. `payload` null means the token
 * failed verification. Visitor passes carry no pass number of the community's series.
 */
export function judgePass(payload: PassPayload | null, direction: Direction, k: GateKnowledge): Verdict {
  if (!payload) return 'unknown';
  const residentPass = payload.holderKind !== 'visitor';
  if (residentPass && k.revoked.has(payload.passNumber)) return 'revoked';
  if (payload.validUntil < k.today) return 'expired';
  if (payload.compoundId !== k.compoundId) return 'other_compound';
  // Coming home is fine (that is where observation happens); going out is not.
  if (residentPass && direction === 'out' && k.mustNotGoOut.has(payload.passNumber)) return 'must_not_go_out';
  return 'valid';
}

/** At or above this a guard must stop the person and a referral starts (Beijing's 2020 gate rule). */
export const FEVER_THRESHOLD = 37.3;
export const isFever = (temperature: number | null | undefined) =>
  temperature != null && temperature >= FEVER_THRESHOLD;
