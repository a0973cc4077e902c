// People who help (R4, R6, R11): teams, Party members, the roles every building needs, care tasks and
// their outcomes. Shared by the server, the console and the volunteer's phone page.

export type Label = { zh: string; en: string };

export const HELPER_TEAMS = [
  'vanguard',
  'party_service',
  'phone_callers',
  'building_leads',
  'other',
] as const;
export type HelperTeam = (typeof HELPER_TEAMS)[number];
export const HELPER_TEAM_LABELS: Record<HelperTeam, Label> = {
  vanguard: { zh: '志愿先锋队', en: 'Volunteer vanguard' },
  party_service: { zh: '党员服务队', en: 'Party service team' },
  phone_callers: { zh: '电话关怀组', en: 'Phone callers' },
  building_leads: { zh: '楼门长', en: 'Building leads' },
  other: { zh: '其他', en: 'Other' },
};

/** 社区党员 / 在职党员 (双报到) / 离退休党员 / 流动党员. */
export const PARTY_KINDS = ['community', 'in_service', 'retired', 'floating'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, Label> = {
  community: { zh: '社区党员', en: 'Community member' },
  in_service: { zh: '在职党员', en: 'In-service member' },
  retired: { zh: '离退休党员', en: 'Retired member' },
  floating: { zh: '流动党员', en: 'Floating member' },
};
/** In-service members report to their home community every half year (双报到). */
export const PARTY_REPORT_EVERY_MONTHS = 6;

/** What a building needs so that nobody is left uncovered (全覆盖). */
export const COVERAGE_ROLES = ['party_contact', 'building_lead', 'volunteer'] as const;
export type CoverageRole = (typeof COVERAGE_ROLES)[number];
export const COVERAGE_ROLE_LABELS: Record<CoverageRole, Label> = {
  party_contact: { zh: '党员联系人', en: 'Party contact' },
  building_lead: { zh: '楼门长', en: 'Building lead' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
};
/** How many people of each role a building needs; 0 = not required. The community's setting, this by default. */
export type CoverageRequirements = Record<CoverageRole, number>;
export const DEFAULT_COVERAGE: CoverageRequirements = { party_contact: 1, building_lead: 1, volunteer: 1 };
export const MAX_PER_ROLE = 20;

export const CARE_TAGS = ['elderly_alone', 'disabled', 'observation', 'other'] as const;
export type CareTag = (typeof CARE_TAGS)[number];
export const CARE_TAG_LABELS: Record<CareTag, Label> = {
  elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  disabled: { zh: '残疾人', en: 'Disabled' },
  observation: { zh: '观察中家庭', en: 'Household in observation' },
  other: { zh: '其他', en: 'Other' },
};
/** Default contact rule: elderly living alone at least weekly; others every two weeks. */
export function defaultContactDays(tags: readonly string[]): number {
  return tags.includes('elderly_alone') ? 7 : 14;
}

export const CARE_TASK_KINDS = ['groceries', 'medicine', 'delivery_other', 'phone_call', 'other'] as const;
export type CareTaskKind = (typeof CARE_TASK_KINDS)[number];
export const CARE_TASK_KIND_LABELS: Record<CareTaskKind, Label> = {
  groceries: { zh: '送菜', en: 'Groceries' },
  medicine: { zh: '送药', en: 'Medicine' },
  delivery_other: { zh: '送物品', en: 'Other delivery' },
  phone_call: { zh: '电话问候', en: 'Phone call' },
  other: { zh: '其他帮助', en: 'Other help' },
};

export const CARE_TASK_STATUSES = ['offered', 'accepted', 'escalated', 'done', 'cancelled'] as const;
export type CareTaskStatus = (typeof CARE_TASK_STATUSES)[number];
export const CARE_TASK_STATUS_LABELS: Record<CareTaskStatus, Label> = {
  offered: { zh: '待接单', en: 'Offered' },
  accepted: { zh: '已接单', en: 'Accepted' },
  escalated: { zh: '无人接单，已转社工', en: 'Escalated to staff' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
/** Not accepted within this many minutes: the task goes to staff (the care-task-escalation job). */
export const ESCALATE_AFTER_MINUTES = 30;

export const CARE_OUTCOMES = [
  'delivered',
  'left_at_door',
  'nobody_home',
  'refused',
  'wrong_address',
] as const;
export type CareOutcome = (typeof CARE_OUTCOMES)[number];
export const CARE_OUTCOME_LABELS: Record<CareOutcome, Label> = {
  delivered: { zh: '当面送达', en: 'Delivered in hand' },
  left_at_door: { zh: '放在门口（需拍照）', en: 'Left at the door (photo)' },
  nobody_home: { zh: '家中无人', en: 'Nobody home' },
  refused: { zh: '对方拒收', en: 'Refused' },
  wrong_address: { zh: '地址有误', en: 'Wrong address' },
};
/** Outcomes that need a photo as proof. */
export const PHOTO_OUTCOMES: readonly CareOutcome[] = ['left_at_door'];
/** Outcomes that count as the task done (the others close it too, but the care person was not reached). */
export const REACHED_OUTCOMES: readonly CareOutcome[] = ['delivered', 'left_at_door'];
export const CARE_PHOTO_PURPOSE = 'care_delivery';
/** Minutes a care task counts when the helper does not say. */
export const DEFAULT_TASK_MINUTES = 30;
/**
 * Minutes one screening-campaign visit counts in a helper's hours: a visit records when, not how long,
 * so each door counts this estimate (ten minutes: the door, the questions, the form).
 */
export const VISIT_MINUTES = 10;

export const HOUR_SOURCES = ['care_task', 'manual'] as const;
export type HourSource = (typeof HOUR_SOURCES)[number];
export const HOUR_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type HourStatus = (typeof HOUR_STATUSES)[number];
/** "Active" helper: at least this many hours in a month (the default). */
export const ACTIVE_HOURS_PER_MONTH = 8;

/** One building's row of the coverage matrix: who holds each role, and what is missing. */
export interface CoverageCell {
  role: CoverageRole;
  required: number;
  people: Array<{ assignmentId: number; helperId: number; name: string }>;
  missing: number;
}

/** The matrix from buildings and assignments (pure: the server answers it, the tests check it). */
export function coverageMatrix<B extends { id: number; name: string; compoundName?: string | null }>(
  buildings: B[],
  assignments: Array<{ id: number; buildingId: number; role: string; helperId: number; name: string }>,
  required: CoverageRequirements,
) {
  const byBuilding = new Map<number, typeof assignments>();
  for (const a of assignments) {
    const list = byBuilding.get(a.buildingId) ?? [];
    list.push(a);
    byBuilding.set(a.buildingId, list);
  }
  const rows = buildings.map((b) => {
    const mine = byBuilding.get(b.id) ?? [];
    const cells: CoverageCell[] = COVERAGE_ROLES.map((role) => {
      const people = mine
        .filter((a) => a.role === role)
        .map((a) => ({ assignmentId: a.id, helperId: a.helperId, name: a.name }));
      return { role, required: required[role], people, missing: Math.max(0, required[role] - people.length) };
    });
    const gaps = cells.reduce((n, c) => n + c.missing, 0);
    return {
      buildingId: b.id,
      buildingName: b.name,
      compoundName: b.compoundName ?? null,
      cells,
      gaps,
      covered: gaps === 0,
    };
  });
  // Gaps first (most missing first), then by the buildings' own order.
  const order = new Map(buildings.map((b, i) => [b.id, i]));
  rows.sort((x, y) => y.gaps - x.gaps || (order.get(x.buildingId) ?? 0) - (order.get(y.buildingId) ?? 0));
  const covered = rows.filter((r) => r.covered).length;
  return {
    rows,
    buildings: rows.length,
    covered,
    share: rows.length === 0 ? 1 : covered / rows.length,
  };
}

/** The next half-yearly report of an in-service member: six months after they last reported. */
export function nextReportDue(reportedOn: string): string {
  const [y, m, d] = reportedOn.split('-').map(Number) as [number, number, number];
  const month = m - 1 + PARTY_REPORT_EVERY_MONTHS;
  const year = y + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
