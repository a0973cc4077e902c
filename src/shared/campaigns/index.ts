import type { Label } from '../people/people-enums';

type Labels<T extends string> = Record<T, Label>;

/** Screening sweeps households (R1). Governance kinds (R4) will sweep buildings with a checklist. */
export const CAMPAIGN_KINDS = ['screening'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Labels<CampaignKind> = {
  screening: { zh: '入户排查', en: 'Door-to-door screening' },
};

export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What happened at a door. `nobody_home` is not done: it goes to the phone queue and the revisit list. */
export const VISIT_OUTCOMES = ['door', 'phone', 'nobody_home', 'vacant', 'refused'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const VISIT_OUTCOME_LABELS: Labels<VisitOutcome> = {
  door: { zh: '入户排查', en: 'Screened at the door' },
  phone: { zh: '电话排查', en: 'Screened by phone' },
  nobody_home: { zh: '无人在家', en: 'Nobody home' },
  vacant: { zh: '空置房', en: 'Vacant' },
  refused: { zh: '拒绝配合', en: 'Refused' },
};
/** Outcomes that finish a household: it needs no further visit. */
export const DONE_OUTCOMES: readonly VisitOutcome[] = ['door', 'phone', 'vacant', 'refused'];
/** Outcomes that carry the registration form (a declaration with channel door_to_door or phone). */
export const SCREENED_OUTCOMES: readonly VisitOutcome[] = ['door', 'phone'];

export function isDone(outcome: string | null | undefined): boolean {
  return outcome != null && (DONE_OUTCOMES as readonly string[]).includes(outcome);
}

/** A name as lists show it: 刘* for two characters, 刘*红 for three or more. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}
