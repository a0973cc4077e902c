import type { Label } from '../people/people-enums';

export type { Label };

type Labels<T extends string> = Record<T, Label>;

// Order matters: forms list the options in this order, most telling first.
export const SYMPTOMS = [
  'fever',
  'cough',
  'cold',
  'breathing_difficulty',
  'diarrhoea',
  'fatigue',
  'sore_throat',
  'loss_of_smell_taste',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];
export const SYMPTOM_LABELS: Labels<Symptom> = {
  fever: { zh: '发烧', en: 'Fever' },
  cough: { zh: '咳嗽', en: 'Cough' },
  cold: { zh: '感冒', en: 'Cold' },
  breathing_difficulty: { zh: '呼吸困难', en: 'Difficulty breathing' },
  diarrhoea: { zh: '腹泻', en: 'Diarrhoea' },
  fatigue: { zh: '乏力', en: 'Fatigue' },
  sore_throat: { zh: '咽痛', en: 'Sore throat' },
  loss_of_smell_taste: { zh: '嗅觉或味觉减退', en: 'Loss of smell or taste' },
};

export const TRANSPORTS = ['rail', 'air', 'coach', 'self_drive', 'ship', 'other'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const TRANSPORT_LABELS: Labels<Transport> = {
  rail: { zh: '火车', en: 'Train' },
  air: { zh: '飞机', en: 'Plane' },
  coach: { zh: '长途汽车', en: 'Long-distance coach' },
  self_drive: { zh: '自驾', en: 'Own car' },
  ship: { zh: '轮船', en: 'Ship' },
  other: { zh: '其他', en: 'Other' },
};

export const CHANNELS = ['self', 'door_to_door', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Labels<Channel> = {
  self: { zh: '本人填报', en: 'Filled in by the resident' },
  door_to_door: { zh: '入户登记', en: 'Door-to-door visit' },
  phone: { zh: '电话随访', en: 'Phone follow-up' },
};

export const PERSON_STATUSES = [
  'normal',
  'to_verify',
  'home_observation',
  'centralised_observation',
  'referred_to_clinic',
  'released',
] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABELS: Labels<PersonStatus> = {
  normal: { zh: '正常', en: 'Normal' },
  to_verify: { zh: '待核实', en: 'To verify' },
  home_observation: { zh: '居家观察', en: 'Home observation' },
  centralised_observation: { zh: '集中观察', en: 'Centralised observation' },
  referred_to_clinic: { zh: '转诊社区卫生服务中心', en: 'Referred to the community health centre' },
  released: { zh: '解除观察', en: 'Released from observation' },
};

/**
 * How serious a status is, for "never less serious" checks and for sorting lists so that the people who
 * need attention come first. `released` sits below `normal`: it is an end state set by staff, not a risk.
 */
export const STATUS_SEVERITY: Record<PersonStatus, number> = {
  released: 0,
  normal: 1,
  to_verify: 2,
  home_observation: 3,
  centralised_observation: 4,
  referred_to_clinic: 5,
};

/** Shown to the resident right after the status, so that they know what happens next. */
export const PERSON_STATUS_ADVICE: Labels<PersonStatus> = {
  normal: {
    zh: '请继续做好个人防护，如出现发烧、咳嗽等不适，请及时告诉社区',
    en: 'Keep protecting yourself. If you get a fever, a cough or feel unwell, tell the community at once.',
  },
  to_verify: {
    zh: '社区工作人员会尽快与您联系核实情况，请保持电话畅通',
    en: 'A community worker will call you soon to check your situation. Please keep your phone on.',
  },
  home_observation: {
    zh: '请在家中观察14天，每天早晚各测一次体温并在系统中报告，社区工作人员会与您联系',
    en:
      'Please stay at home for 14 days of observation, take your temperature every morning and evening ' +
      'and report it in the system. A community worker will contact you.',
  },
  centralised_observation: {
    zh: '社区工作人员会与您联系，安排您到集中观察点观察，请保持电话畅通，先不要外出',
    en:
      'A community worker will contact you to arrange observation at a designated site. ' +
      'Please keep your phone on and stay in until then.',
  },
  referred_to_clinic: {
    zh: '请戴好口罩，尽快到社区卫生服务中心就诊，尽量不乘坐公共交通，并告诉医生您去过哪里、接触过谁',
    en:
      'Wear a mask and go to the community health centre as soon as possible, avoiding public transport ' +
      'if you can. Tell the doctor where you have been and whom you have met.',
  },
  released: {
    zh: '您已解除观察，请继续做好个人防护',
    en: 'Your observation has ended. Keep protecting yourself.',
  },
};

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Labels<RiskLevel> = {
  high: { zh: '高风险', en: 'High risk' },
  medium: { zh: '中风险', en: 'Medium risk' },
  low: { zh: '低风险', en: 'Low risk' },
};
