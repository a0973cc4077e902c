// Residents' requests (诉求, 接诉即办): the enums, labels and the rate formulas, shared by the server, the
// console and the resident page.

export const REQUEST_STATUSES = [
  'received',
  'signed',
  'contacted',
  'in_progress',
  'resolved',
  'unresolved',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  signed: { zh: '已签收', en: 'Signed for' },
  contacted: { zh: '已联系', en: 'Contacted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  unresolved: { zh: '未解决（已说明）', en: 'Unresolved (explained)' },
  closed: { zh: '已办结', en: 'Closed' },
};
/** Before a result is reported: the clock to resolution is running. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'signed', 'contacted', 'in_progress'];

export const REQUEST_CHANNELS = ['walk_in', 'phone', 'wechat', 'visit', 'public', 'hotline_12345'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, { zh: string; en: string }> = {
  walk_in: { zh: '来访', en: 'Walk-in' },
  phone: { zh: '来电', en: 'Phone' },
  wechat: { zh: '微信', en: 'WeChat' },
  visit: { zh: '入户走访', en: 'Door-to-door visit' },
  public: { zh: '居民扫码提交', en: 'Filed by the resident' },
  hotline_12345: { zh: '12345工单', en: '12345 work order' },
};

export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
};

export const EXCLUSION_REASONS = ['duplicate', 'outside_remit', 'malicious'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_LABELS: Record<ExclusionReason, { zh: string; en: string }> = {
  duplicate: { zh: '重复诉求', en: 'Duplicate' },
  outside_remit: { zh: '不属于社区职责', en: 'Outside the community’s remit' },
  malicious: { zh: '恶意诉求', en: 'Malicious' },
};
export const EXCLUSION_STATES = ['pending', 'approved', 'rejected'] as const;
export type ExclusionState = (typeof EXCLUSION_STATES)[number];

export const LIMIT_UNITS = ['hours', 'workdays'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** The steps a member of staff takes on a request (POST /api/requests/:id/steps). */
export const REQUEST_STEPS = [
  'sign',
  'contact',
  'start',
  'resolve',
  'unresolve',
  'callback',
  'close',
  'reopen',
  'assign',
  'escalate',
  'note',
] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** What the timeline records (the steps, plus what is not a step of staff). */
export const REQUEST_EVENT_KINDS = [
  ...REQUEST_STEPS,
  'receive',
  'rate',
  'exclusion_request',
  'exclusion_approve',
  'exclusion_reject',
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];
export const REQUEST_EVENT_LABELS: Record<RequestEventKind, { zh: string; en: string }> = {
  receive: { zh: '受理', en: 'Received' },
  sign: { zh: '签收', en: 'Signed for' },
  contact: { zh: '联系诉求人', en: 'Contacted the requester' },
  start: { zh: '开始办理', en: 'Work started' },
  resolve: { zh: '办理完毕：已解决', en: 'Resolved' },
  unresolve: { zh: '办理完毕：未解决，已说明', en: 'Unresolved, explained' },
  callback: { zh: '回访', en: 'Callback' },
  close: { zh: '办结', en: 'Closed' },
  reopen: { zh: '重新办理', en: 'Reopened' },
  assign: { zh: '指派', en: 'Assigned' },
  escalate: { zh: '吹哨报到（上报街道）', en: 'Escalated to the sub-district' },
  note: { zh: '备注', en: 'Note' },
  rate: { zh: '居民评价', en: 'Rated by the resident' },
  exclusion_request: { zh: '申请不纳入考核', en: 'Exclusion requested' },
  exclusion_approve: { zh: '书记批准不纳入考核', en: 'Exclusion approved' },
  exclusion_reject: { zh: '书记驳回不纳入考核', en: 'Exclusion rejected' },
};

export const REQUEST_LISTS = [
  'all',
  'due_soon',
  'overdue',
  'callback',
  'mine',
  'escalated',
  'excluded',
] as const;
export type RequestList = (typeof REQUEST_LISTS)[number];

/** A resolved request may be closed after this many recorded failed attempts to reach the requester. */
export const FAILED_CALLBACKS_TO_CLOSE = 3;
/** A closed request may be reopened within this many days. */
export const REOPEN_DAYS = 30;
/** "Due soon": a deadline within this many hours. */
export const DUE_SOON_HOURS = 2;

export interface RateWeights {
  /** How much a "basically satisfied" counts in the satisfaction rate (0–1). */
  basicSatisfied: number;
  /** The composite score: response, resolution, satisfaction (percent points, summing to 100). */
  response: number;
  resolution: number;
  satisfaction: number;
}

/** The weights' defaults, the ones the district uses today; a district officer changes them as a setting. */
export const RATE_WEIGHTS: Readonly<RateWeights> = {
  basicSatisfied: 0.8,
  response: 30,
  resolution: 35,
  satisfaction: 35,
};

/** Whether weights may be saved: the three composite weights are whole percent points summing to 100. */
export function checkRateWeights(
  w: RateWeights,
): { ok: true } | { ok: false; field: keyof RateWeights; detail: string } {
  if (!(w.basicSatisfied >= 0 && w.basicSatisfied <= 1))
    return { ok: false, field: 'basicSatisfied', detail: '基本满意的权重须在0到1之间' };
  for (const key of ['response', 'resolution', 'satisfaction'] as const)
    if (!Number.isInteger(w[key]) || w[key] < 0 || w[key] > 100)
      return { ok: false, field: key, detail: '综合得分的权重须为0到100的整数' };
  if (w.response + w.resolution + w.satisfaction !== 100)
    return { ok: false, field: 'response', detail: '响应、解决、满意三项权重之和须为100' };
  return { ok: true };
}

/** The composite's formula in words, shown next to the score and in the workbook. */
export function compositeFormula(w: RateWeights) {
  return `综合 = 响应 ${w.response}% + 解决 ${w.resolution}% + 满意 ${w.satisfaction}%`;
}

export interface RateCounts {
  /** Received in the period and not excluded (approved exclusions stay listed, not counted). */
  evaluated: number;
  contactedInTime: number;
  confirmedResolved: number;
  satisfied: number;
  basic: number;
  closed: number;
  closedInTime: number;
  openOverdue: number;
  excluded: number;
}

export interface RateFigure {
  key: 'response' | 'resolution' | 'satisfaction' | 'on_time';
  /** 0–1, or null when nothing was evaluated. */
  value: number | null;
  formula: string;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The four rates, each with the formula and the numbers that made it, as the district computes them. */
export function computeRates(
  c: RateCounts,
  weights: RateWeights = RATE_WEIGHTS,
): { rates: RateFigure[]; composite: number | null } {
  const w = weights.basicSatisfied;
  const response = ratio(c.contactedInTime, c.evaluated);
  const resolution = ratio(c.confirmedResolved, c.evaluated);
  const satisfaction = ratio(c.satisfied + w * c.basic, c.evaluated);
  const onTime = ratio(c.closedInTime, c.closed + c.openOverdue);
  const composite =
    response === null || resolution === null || satisfaction === null
      ? null
      : (weights.response * response +
          weights.resolution * resolution +
          weights.satisfaction * satisfaction) /
        (weights.response + weights.resolution + weights.satisfaction);
  return {
    composite,
    rates: [
      {
        key: 'response',
        value: response,
        formula: `响应率 = 时限内联系 ${c.contactedInTime} ÷ 参评 ${c.evaluated} = ${pct(response)}`,
      },
      {
        key: 'resolution',
        value: resolution,
        formula: `解决率 = 回访确认解决 ${c.confirmedResolved} ÷ 参评 ${c.evaluated} = ${pct(resolution)}`,
      },
      {
        key: 'satisfaction',
        value: satisfaction,
        formula: `满意率 = (满意 ${c.satisfied} + ${w} × 基本满意 ${c.basic}) ÷ 参评 ${c.evaluated} = ${pct(satisfaction)}`,
      },
      {
        key: 'on_time',
        value: onTime,
        formula: `按时办结率 = 时限内办结 ${c.closedInTime} ÷ (已办结 ${c.closed} + 未办结已超期 ${c.openOverdue}) = ${pct(onTime)}`,
      },
    ],
  };
}
