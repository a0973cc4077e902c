import type { Label } from '../people/people-enums';

/** Home (居家) or centralised (集中) observation. */
export const OBSERVATION_KINDS = ['home', 'centralised'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export const OBSERVATION_KIND_LABELS: Record<ObservationKind, Label> = {
  home: { zh: '居家观察', en: 'Home observation' },
  centralised: { zh: '集中观察', en: 'Centralised observation' },
};

export const OBSERVATION_REASONS = [
  'risk_area',
  'close_contact',
  'returnee',
  'overseas',
  'gate_fever',
  'staff_decision',
] as const;
export type ObservationReason = (typeof OBSERVATION_REASONS)[number];
export const OBSERVATION_REASON_LABELS: Record<ObservationReason, Label> = {
  risk_area: { zh: '来自风险地区', en: 'Back from a risk area' },
  close_contact: { zh: '密切接触者', en: 'Close contact' },
  returnee: { zh: '返京人员', en: 'Returnee' },
  overseas: { zh: '境外入境', en: 'Overseas arrival' },
  gate_fever: { zh: '门岗发热', en: 'Fever at the gate' },
  staff_decision: { zh: '工作人员决定', en: 'Staff decision' },
};

/**
 * The observation period rules in force when nothing else is set: 14 days for either kind. Rules are
 * versioned data; an observation keeps the days it was started with (`period_days`).
 */
export const DEFAULT_OBSERVATION_RULES = { version: 1, homeDays: 14, centralisedDays: 14 } as const;

/** The check-in windows (Beijing time) when a community has set none. */
export const DEFAULT_CHECKIN_WINDOWS = {
  morning: { opens: '08:00', closes: '10:00' },
  afternoon: { opens: '14:00', closes: '16:00' },
} as const;
export const SLOT_PARTS = ['morning', 'afternoon'] as const;
export type SlotPart = (typeof SLOT_PARTS)[number];
export const SLOT_PART_LABELS: Record<SlotPart, Label> = {
  morning: { zh: '上午', en: 'Morning' },
  afternoon: { zh: '下午', en: 'Afternoon' },
};
/** A slot with no reading this long after its window closes is missed. */
export const MISSED_AFTER_MINUTES = 30;
/** An alert not acknowledged this long goes to the secretary. */
export const ESCALATE_AFTER_MINUTES = 15;
/** A reading at or above this is a fever. */
export const FEVER_CELSIUS = 37.3;
export const TEMPERATURE_MIN = 34;
export const TEMPERATURE_MAX = 43;

export const CHECKIN_CHANNELS = ['self', 'phone', 'visit'] as const;
export type CheckinChannel = (typeof CHECKIN_CHANNELS)[number];
export const CHECKIN_CHANNEL_LABELS: Record<CheckinChannel, Label> = {
  self: { zh: '本人手机', en: 'Own phone' },
  phone: { zh: '电话询问', en: 'Phone call' },
  visit: { zh: '上门', en: 'Door visit' },
};

export const SYMPTOMS = [
  'cough',
  'sore_throat',
  'fatigue',
  'diarrhoea',
  'breathless',
  'taste_smell',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];
export const SYMPTOM_LABELS: Record<Symptom, Label> = {
  cough: { zh: '咳嗽', en: 'Cough' },
  sore_throat: { zh: '咽痛', en: 'Sore throat' },
  fatigue: { zh: '乏力', en: 'Fatigue' },
  diarrhoea: { zh: '腹泻', en: 'Diarrhoea' },
  breathless: { zh: '呼吸困难', en: 'Short of breath' },
  taste_smell: { zh: '嗅觉味觉减退', en: 'Loss of taste or smell' },
};

/** Whether a reading raises an alert: a fever, or any symptom. */
export function isAlarming(temperature: number, symptoms: readonly string[]): boolean {
  return temperature >= FEVER_CELSIUS || symptoms.length > 0;
}

export const TASK_KINDS = ['persuade_centralised', 'door_visit', 'alert_escalated'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, Label> = {
  persuade_centralised: { zh: '劝导集中观察', en: 'Persuade to centralised observation' },
  door_visit: { zh: '上门查看', en: 'Door visit' },
  alert_escalated: { zh: '异常未处理（已上报书记）', en: 'Alert not acknowledged (to the secretary)' },
};

/**
 * Home-observation eligibility: a checklist as data, versioned. `pass` is the answer that qualifies;
 * the decision keeps the version it was judged by.
 */
export interface EligibilityItem {
  key: string;
  label: Label;
  /** The answer that qualifies for home observation. */
  pass: boolean;
  /** What the persuade task says when the answer does not qualify. */
  failure: Label;
}
export const ELIGIBILITY_CHECKLIST = {
  version: 1,
  items: [
    {
      key: 'ownRoom',
      label: { zh: '有独立房间', en: 'Has a room of their own' },
      pass: true,
      failure: { zh: '无独立房间', en: 'No room of their own' },
    },
    {
      key: 'ownBathroom',
      label: { zh: '有独立卫生间', en: 'Has a bathroom of their own' },
      pass: true,
      failure: { zh: '与他人共用卫生间', en: 'Shares a bathroom' },
    },
    {
      key: 'livesWithVulnerable',
      label: {
        zh: '同住有老人、儿童、孕妇或慢性病人',
        en: 'Lives with elderly people, children, a pregnant woman or someone chronically ill',
      },
      pass: false,
      failure: { zh: '同住有老人、儿童、孕妇或慢性病人', en: 'Lives with vulnerable people' },
    },
    {
      key: 'reachableByPhone',
      label: { zh: '电话可随时联系', en: 'Reachable by phone' },
      pass: true,
      failure: { zh: '电话无法联系', en: 'Not reachable by phone' },
    },
    {
      key: 'consent',
      label: { zh: '本人同意居家观察', en: 'Consents to home observation' },
      pass: true,
      failure: { zh: '本人不同意居家观察', en: 'Does not consent' },
    },
  ] satisfies EligibilityItem[],
} as const;
export type EligibilityAnswers = Record<string, boolean>;

/** The items an answer set fails (an item left out fails too). */
export function eligibilityFailures(answers: EligibilityAnswers): EligibilityItem[] {
  return ELIGIBILITY_CHECKLIST.items.filter((item) => answers[item.key] !== item.pass);
}

/** The notice kinds the console prints: 居家观察告知书, 解除观察通知书, the door sticker. */
export const NOTICE_KINDS = ['start', 'end', 'sticker'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_FILTERS = ['active', 'ending_today', 'ended_today'] as const;
export type NoticeFilter = (typeof NOTICE_FILTERS)[number];
/** One print job holds at most this many notices (one A4 page each). */
export const MAX_NOTICES = 500;
