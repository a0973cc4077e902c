import type { Label } from '../people/people-enums';

type Labels<T extends string> = Record<T, Label>;

/** Screening sweeps households (R1); the governance kinds (R4) sweep buildings with a checklist. */
export const GOVERNANCE_KINDS = [
  'corridor_clutter',
  'illegal_construction',
  'garbage_sorting',
  'fire_passage',
] as const;
export type GovernanceKind = (typeof GOVERNANCE_KINDS)[number];
export const CAMPAIGN_KINDS = ['screening', ...GOVERNANCE_KINDS] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Labels<CampaignKind> = {
  screening: { zh: '入户排查', en: 'Door-to-door screening' },
  corridor_clutter: { zh: '楼道堆物', en: 'Corridor clutter' },
  illegal_construction: { zh: '违章建筑', en: 'Illegal construction' },
  garbage_sorting: { zh: '垃圾分类', en: 'Garbage sorting' },
  fire_passage: { zh: '消防通道', en: 'Fire passages' },
};

export function isGovernance(kind: string): kind is GovernanceKind {
  return (GOVERNANCE_KINDS as readonly string[]).includes(kind);
}

/** One line of a governance checklist: `key` stays fixed once the campaign starts, findings refer to it. */
export interface ChecklistItem {
  key: string;
  text: string;
}
export const CHECKLIST_MAX_ITEMS = 30;
export const CHECKLIST_ITEM_MAX = 60;

/** The checklist a new governance campaign starts from; the secretary may reword, add or remove items. */
export const DEFAULT_CHECKLISTS: Record<GovernanceKind, string[]> = {
  corridor_clutter: [
    '楼道是否有堆物',
    '楼梯间是否停放电动自行车或充电',
    '单元门口是否堆放杂物',
    '地下室、管道井是否堆放可燃物',
  ],
  illegal_construction: [
    '屋顶是否有私搭乱建',
    '阳台、外墙是否有违规扩建',
    '一层是否私自圈占绿地或公共空间',
    '是否有擅自改变房屋结构',
  ],
  garbage_sorting: [
    '分类垃圾桶是否齐全、标识清楚',
    '垃圾桶站是否整洁、无满溢',
    '厨余垃圾是否混入其他垃圾',
    '大件、装修垃圾是否按规定堆放',
  ],
  fire_passage: [
    '消防通道是否畅通',
    '消防通道是否有车辆占用',
    '消防栓、灭火器是否完好',
    '安全出口指示灯是否正常',
  ],
};

/** The outcome a governance target (one building) gets when it has been checked. */
export const CHECKED_OUTCOME = 'checked';

export const FINDING_STATUSES = ['open', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** The list filters: open (deadline not passed), overdue (open past its deadline), closed. */
export const FINDING_FILTERS = ['open', 'overdue', 'closed'] as const;
export type FindingFilter = (typeof FINDING_FILTERS)[number];
/**
 * What a re-check found: put right (closed), not yet (stays open, perhaps with a new deadline), or the
 * finding withdrawn — recorded by mistake or no longer applying (the building was demolished, say):
 * closed too, but only with a reason in the notes, so a closed finding always says why.
 */
export const RECHECK_RESULTS = ['fixed', 'not_fixed', 'withdrawn'] as const;
export type RecheckResult = (typeof RECHECK_RESULTS)[number];
export const RECHECK_RESULT_LABELS: Labels<RecheckResult> = {
  fixed: { zh: '已整改', en: 'Fixed' },
  not_fixed: { zh: '未整改', en: 'Not fixed' },
  withdrawn: { zh: '撤销（误报或不再适用）', en: 'Withdrawn (a mistake, or no longer applies)' },
};
/** Re-check results that close the finding. */
export const CLOSING_RECHECK_RESULTS: readonly RecheckResult[] = ['fixed', 'withdrawn'];
/** Photos kept for a finding and its re-checks (the photo store's purpose). */
export const FINDING_PHOTO_PURPOSE = 'campaign_finding';
export const FINDING_MAX_PHOTOS = 6;

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
/** Outcomes that finish a target (a household; for governance, a checked building): no further visit. */
export const DONE_OUTCOMES: readonly string[] = ['door', 'phone', 'vacant', 'refused', CHECKED_OUTCOME];
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
