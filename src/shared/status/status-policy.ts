import {
  type Label,
  PERSON_STATUSES,
  type PersonStatus,
  STATUS_SEVERITY,
} from '../declarations/declaration-enums';

/**
 * Who may change a person's status, and to what: the one place that says it. The public form's batch
 * statement applies the same rule in SQL (`server/modules/status/self-declaration.sql.ts`, built from
 * the constants here and checked against `judgeSelfDeclaration` case by case on the database).
 */

/**
 * Who set a person's current status: the resident on the public form (`self`), staff (a declaration
 * they recorded at the door or on the phone, or their confirmation of a resident's own), the gate (a
 * fever referral) or, later, the observation module. Stored on `person_status.source`.
 */
export const STATUS_SOURCES = ['self', 'staff', 'gate', 'observation'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];
export const STATUS_SOURCE_LABELS: Record<StatusSource, Label> = {
  self: { zh: '居民自报', en: 'The resident' },
  staff: { zh: '工作人员', en: 'Staff' },
  gate: { zh: '门岗', en: 'The gate' },
  observation: { zh: '观察管理', en: 'Observation' },
};

/**
 * Statuses from the least to the most serious (`STATUS_SEVERITY`): released, normal, to verify, home
 * observation, centralised observation, referred to the clinic. "Lower" means earlier in this list.
 */
export const STATUSES_BY_SEVERITY: readonly PersonStatus[] = [...PERSON_STATUSES].sort(
  (a, b) => STATUS_SEVERITY[a] - STATUS_SEVERITY[b],
);

export function isLower(status: PersonStatus, than: PersonStatus): boolean {
  return STATUS_SEVERITY[status] < STATUS_SEVERITY[than];
}

/** The sources whose statuses a resident's own declaration may lower: only a resident's own. */
export const SELF_MAY_LOWER: readonly StatusSource[] = ['self'];

/** Someone with no status yet stands as normal: declaring "nothing to report" changes nothing for them. */
export const STATUS_WHEN_NONE: PersonStatus = 'normal';

export interface CurrentStatus {
  status: PersonStatus;
  source: StatusSource;
}

const outranksSelf = (current: CurrentStatus | null): current is CurrentStatus =>
  current !== null && !SELF_MAY_LOWER.includes(current.source);

/** Whether a change by `by` may set `proposed` over `current`. Staff, the gate and observation may. */
export function mayChange(by: StatusSource, current: CurrentStatus | null, proposed: PersonStatus): boolean {
  if (by !== 'self') return true;
  return !(outranksSelf(current) && isLower(proposed, current.status));
}

/**
 * The source a status carries after `by` sets it. A resident who raises a status staff, the gate or
 * observation set leaves it in their hands: the source stays theirs, so the resident cannot later bring
 * it back down below what they set, one step at a time.
 */
export function sourceAfter(by: StatusSource, current: CurrentStatus | null): StatusSource {
  if (by !== 'self') return by;
  return outranksSelf(current) ? current.source : 'self';
}

/** Why a resident's own declaration waits for staff instead of changing the status. */
export const HOLD_REASONS = ['name_mismatch', 'needs_confirmation', 'would_lower'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
export const HOLD_REASON_LABELS: Record<HoldReason, Label> = {
  name_mismatch: { zh: '姓名与登记不符', en: 'Name differs from the registry' },
  needs_confirmation: { zh: '居民自报，待确认', en: 'Declared by the resident, to confirm' },
  would_lower: {
    zh: '会降低工作人员、门岗或观察设定的状态',
    en: 'Would lower a status set by staff, the gate or observation',
  },
};

export interface SelfDeclarationCase {
  /** The person's status before this declaration; null when they have none (or were just registered). */
  current: CurrentStatus | null;
  /** The status the declaration's answers lead to under the rules. */
  proposed: PersonStatus;
  /** Confirmed by staff in the registry (`residents.verified`); false for someone the form registered. */
  verified: boolean;
  /** The typed name is the registry's (`sameName`); true for someone not in the registry before. */
  nameMatches: boolean;
}

export type SelfDeclarationVerdict =
  /** The status becomes `proposed`, carrying `source`. */
  | { outcome: 'apply'; source: StatusSource }
  /** Recorded; the status stays as it is (the same status, set by someone a resident does not outrank). */
  | { outcome: 'keep' }
  /** Recorded, changes nothing, and waits in the review queue for staff to confirm or reject. */
  | { outcome: 'hold'; reasons: HoldReason[] };

/**
 * A declaration on the public form (channel `self`):
 * - a name that is not the registry's is held (anyone with a poster and an ID number could send it);
 * - it never lowers a status set by staff, the gate or observation (held, for staff to decide);
 * - about a person staff have verified, any change waits for staff to confirm;
 * - otherwise (someone new, or registered by the form and not yet verified) it applies.
 */
export function judgeSelfDeclaration(c: SelfDeclarationCase): SelfDeclarationVerdict {
  const reasons: HoldReason[] = [];
  if (!c.nameMatches) reasons.push('name_mismatch');
  if (c.verified && c.proposed !== (c.current?.status ?? STATUS_WHEN_NONE))
    reasons.push('needs_confirmation');
  if (!mayChange('self', c.current, c.proposed)) reasons.push('would_lower');
  if (reasons.length > 0) return { outcome: 'hold', reasons };
  if (outranksSelf(c.current) && c.current.status === c.proposed) return { outcome: 'keep' };
  return { outcome: 'apply', source: sourceAfter('self', c.current) };
}

/**
 * Whether re-judging a declaration (after the rules or the risk areas changed) may set `proposed` over
 * the current status. The rules act for whoever the declaration came from (`self` for a resident's own
 * that staff did not confirm); a status set by the gate or by observation is theirs, never the rules'.
 */
export function reevaluationMayChange(
  authority: 'self' | 'staff',
  current: CurrentStatus,
  proposed: PersonStatus,
): boolean {
  if (current.source === 'gate' || current.source === 'observation') return false;
  return mayChange(authority, current, proposed);
}

/**
 * Whether a change by `by` to `proposed` adds nothing and is not written: the gate reading a fever again
 * in someone it already referred (the same status, already the gate's). Staff's changes are always
 * written — a confirmation carries its own reason and dates — and so is the gate's over a status a
 * resident or staff set to the same value: the status becomes the gate's.
 */
export function changeAddsNothing(
  by: StatusSource,
  current: CurrentStatus | null,
  proposed: PersonStatus,
): boolean {
  return by === 'gate' && current?.status === proposed && current.source === 'gate';
}
