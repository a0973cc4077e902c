// The indicator dictionary's shape (issue 17): every number a tile, chart, drill-down or report cell shows
// names one indicator, defined once. Definitions are data; the server's registry
// (modules/dashboards/indicator-registry.ts) gathers each module's and computes their facts.

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * - `snapshot`: a count of how things stand (residents, people by status, open findings); a day's value is
 *   the last one computed that day, so yesterday's value is how it stood at the end of yesterday.
 * - `daily`: what happened during the Beijing day (declarations, gate checks).
 * - `ratio`: numerator / denominator, both indicators themselves; never summed, always recomputed from
 *   the sums of its parts above a community.
 */
export type IndicatorKind = 'snapshot' | 'daily' | 'ratio';

/** What the rows behind a number are (the drill-down's list), or none. */
export type DrillKind = 'residents' | 'declarations' | 'fevers' | 'findings';

export interface Indicator {
  /** Stable id, `<area>.<what>`, e.g. `status.referred_to_clinic`. */
  id: string;
  name: Bilingual;
  /** 口径: what is counted and what is not. */
  definition: Bilingual;
  /** How it is computed, in words a statistician reads (SQL-like). */
  formula: string;
  unit: Bilingual;
  /** The module that owns the rows it counts. */
  owner: string;
  kind: IndicatorKind;
  /** `job`: the facts job recomputes it at most 60 s behind; `write`: the writes keep it. */
  refresh: 'job' | 'write';
  /** Why it is refreshed that way. */
  refreshWhy: string;
  /** Also kept per building (the community dashboard's "by building"). */
  byBuilding: boolean;
  drill: DrillKind | null;
  /** For `ratio` only. */
  numerator?: string;
  denominator?: string;
}

const PEOPLE = { zh: '人', en: 'people' };
const HOUSEHOLDS = { zh: '户', en: 'households' };
const TIMES = { zh: '次', en: 'times' };
const ITEMS = { zh: '处', en: 'items' };

const JOB_WHY =
  'Counted by the facts job every minute: the writers (public form batch, gate check group commit) stay one statement, untouched.';

export const STATUS_INDICATOR_IDS = {
  normal: 'status.normal',
  to_verify: 'status.to_verify',
  home_observation: 'status.home_observation',
  centralised_observation: 'status.centralised_observation',
  referred_to_clinic: 'status.referred_to_clinic',
  released: 'status.released',
} as const;

const STATUS_NAMES: Record<keyof typeof STATUS_INDICATOR_IDS, Bilingual> = {
  normal: { zh: '正常', en: 'Normal' },
  to_verify: { zh: '待核实', en: 'To verify' },
  home_observation: { zh: '居家观察', en: 'Home observation' },
  centralised_observation: { zh: '集中观察', en: 'Centralised observation' },
  referred_to_clinic: { zh: '转诊就医', en: 'Referred to clinic' },
  released: { zh: '已解除', en: 'Released' },
};

/** The indicators of what exists today (people, declarations, status, campaigns, access). */
export const CORE_INDICATORS: Indicator[] = [
  {
    id: 'people.households',
    name: { zh: '户数', en: 'Households' },
    definition: {
      zh: '在册的户（门牌），含空置户',
      en: 'Households (doors) on the register, vacant ones included',
    },
    formula: 'count(households)',
    unit: HOUSEHOLDS,
    owner: 'people',
    kind: 'snapshot',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: true,
    drill: null,
  },
  {
    id: 'people.residents',
    name: { zh: '在册居民', en: 'Residents' },
    definition: { zh: '在册且未迁出的居民', en: 'Residents on the register who have not moved out' },
    formula: 'count(residents where moved_out_at is null)',
    unit: PEOPLE,
    owner: 'people',
    kind: 'snapshot',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: true,
    drill: 'residents',
  },
  ...(
    [
      ['registered', { zh: '户籍人口', en: 'Registered residents' }],
      ['long_term_renter', { zh: '长期租户', en: 'Long-term renters' }],
      ['floating', { zh: '流动人口', en: 'Floating population' }],
    ] as const
  ).map(
    ([type, name]): Indicator => ({
      id: `people.residents.${type}`,
      name,
      definition: {
        zh: `在册未迁出、人员类型为「${name.zh}」的居民`,
        en: `Residents not moved out whose residence type is ${type}`,
      },
      formula: `count(residents where moved_out_at is null and residence_type = '${type}')`,
      unit: PEOPLE,
      owner: 'people',
      kind: 'snapshot',
      refresh: 'job',
      refreshWhy: JOB_WHY,
      byBuilding: true,
      drill: 'residents',
    }),
  ),
  {
    id: 'declarations.today',
    name: { zh: '今日登记', en: 'Declarations today' },
    definition: {
      zh: '当日（北京时间）提交的登记表，含居民自报和工作人员代填',
      en: 'Registration forms submitted that Beijing day, residents’ own and staff-recorded',
    },
    formula: 'count(declarations where declared_at within the Beijing day)',
    unit: { zh: '份', en: 'forms' },
    owner: 'declarations',
    kind: 'daily',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: false,
    drill: 'declarations',
  },
  ...(Object.keys(STATUS_INDICATOR_IDS) as (keyof typeof STATUS_INDICATOR_IDS)[]).map(
    (status): Indicator => ({
      id: STATUS_INDICATOR_IDS[status],
      name: STATUS_NAMES[status],
      definition: {
        zh: `当前状态为「${STATUS_NAMES[status].zh}」的在册居民（与前一日末比较）`,
        en: `Residents on the register whose current status is ${status} (compared with the end of the day before)`,
      },
      formula: `count(person_status where status = '${status}', resident not moved out)`,
      unit: PEOPLE,
      owner: 'status',
      kind: 'snapshot',
      refresh: 'job',
      refreshWhy: JOB_WHY,
      byBuilding: true,
      drill: 'residents',
    }),
  ),
  {
    id: 'screening.targets',
    name: { zh: '排查应查户数', en: 'Screening: households to reach' },
    definition: {
      zh: '进行中的排查任务的目标户数',
      en: 'Target households of the screening campaigns under way',
    },
    formula: "count(campaign_targets of campaigns where kind = 'screening' and status = 'active')",
    unit: HOUSEHOLDS,
    owner: 'campaigns',
    kind: 'snapshot',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: true,
    drill: null,
  },
  {
    id: 'screening.reached',
    name: { zh: '排查已完成户数', en: 'Screening: households reached' },
    definition: {
      zh: '进行中的排查任务中已有结果（入户、电话、空置、拒绝）的目标户',
      en: 'Targets of the screening campaigns under way with an outcome (door, phone, vacant, refused)',
    },
    formula: 'count(campaign_targets … where outcome in DONE_OUTCOMES)',
    unit: HOUSEHOLDS,
    owner: 'campaigns',
    kind: 'snapshot',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: true,
    drill: null,
  },
  {
    id: 'screening.coverage',
    name: { zh: '排查覆盖率', en: 'Screening coverage' },
    definition: {
      zh: '已完成户数 ÷ 应查户数；上级为各社区之和相除，不是比例的平均',
      en: 'Households reached ÷ households to reach; above a community the sums are divided, never ratios averaged',
    },
    formula: 'screening.reached / screening.targets × 100',
    unit: { zh: '%', en: '%' },
    owner: 'campaigns',
    kind: 'ratio',
    refresh: 'job',
    refreshWhy: 'Computed when read from its two parts.',
    byBuilding: true,
    drill: null,
    numerator: 'screening.reached',
    denominator: 'screening.targets',
  },
  ...(
    [
      ['in', { zh: '今日入', en: 'Gate checks in' }, "direction = 'in' and not refused"],
      ['out', { zh: '今日出', en: 'Gate checks out' }, "direction = 'out' and not refused"],
      ['refused', { zh: '劝返', en: 'Refused at the gate' }, 'refused'],
      ['fevers', { zh: '发热', en: 'Fevers at the gate' }, 'fever (≥ 37.3 °C)'],
    ] as const
  ).map(
    ([what, name, where]): Indicator => ({
      id: `gate.${what}`,
      name,
      definition: {
        zh: `当日（北京时间，按核验时间）门岗核验中${name.zh}的次数`,
        en: `Gate checks that Beijing day (by the time of the check) where ${where}`,
      },
      formula: `count(gate_checks where checked_at within the Beijing day and ${where})`,
      unit: TIMES,
      owner: 'access',
      kind: 'daily',
      refresh: 'job',
      refreshWhy: JOB_WHY,
      byBuilding: false,
      drill: what === 'fevers' ? 'fevers' : null,
    }),
  ),
  {
    id: 'findings.open',
    name: { zh: '未整改问题', en: 'Open governance findings' },
    definition: {
      zh: '治理巡查发现、尚未整改或撤回的问题',
      en: 'Findings of governance sweeps not yet fixed nor withdrawn',
    },
    formula: "count(campaign_findings where status = 'open')",
    unit: ITEMS,
    owner: 'campaigns',
    kind: 'snapshot',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: true,
    drill: 'findings',
  },
  {
    id: 'findings.overdue',
    name: { zh: '逾期未整改', en: 'Overdue governance findings' },
    definition: {
      zh: '未整改且已过整改期限（北京日期）的问题',
      en: 'Open findings past their deadline (Beijing date)',
    },
    formula: "count(campaign_findings where status = 'open' and deadline < today)",
    unit: ITEMS,
    owner: 'campaigns',
    kind: 'snapshot',
    refresh: 'job',
    refreshWhy: JOB_WHY,
    byBuilding: true,
    drill: 'findings',
  },
];

/** Data older than this is marked stale on every tile. */
export const STALE_AFTER_MS = 5 * 60_000;
