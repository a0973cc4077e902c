import type { DocumentType } from '../identity';

export type Label = { zh: string; en: string };
type Labels<T extends string> = Record<T, Label>;

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Labels<Gender> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

export const RELATIONS = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'tenant',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Labels<Relation> = {
  self: { zh: '户主', en: 'Head of household' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  tenant: { zh: '租户', en: 'Tenant' },
  other: { zh: '其他', en: 'Other' },
};

export const RESIDENCE_TYPES = ['registered', 'long_term_renter', 'floating'] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];
export const RESIDENCE_TYPE_LABELS: Labels<ResidenceType> = {
  registered: { zh: '户籍', en: 'Registered resident' },
  long_term_renter: { zh: '长期租住', en: 'Long-term renter' },
  floating: { zh: '流动人口', en: 'Floating population' },
};

export const RESIDENT_TAGS = [
  'elderly_alone',
  'empty_nest',
  'disabled',
  'pregnant',
  'chronic_illness',
  'party_member',
  'low_income',
  'veteran',
] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];
export const RESIDENT_TAG_LABELS: Labels<ResidentTag> = {
  elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  empty_nest: { zh: '空巢老人', en: 'Empty-nest elderly' },
  disabled: { zh: '残疾人', en: 'Disabled' },
  pregnant: { zh: '孕妇', en: 'Pregnant' },
  chronic_illness: { zh: '慢性病', en: 'Chronic illness' },
  party_member: { zh: '党员', en: 'Party member' },
  low_income: { zh: '低保', en: 'Low income' },
  veteran: { zh: '退役军人', en: 'Veteran' },
};

export const REVEALABLE_FIELDS = ['docNumber', 'phone'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

export const DOCUMENT_TYPE_LABELS: Labels<DocumentType> = {
  resident_id: { zh: '居民身份证', en: 'Resident ID card' },
  hk_macao_tw_residence_permit: {
    zh: '港澳台居民居住证',
    en: 'Residence permit for HK, Macao and Taiwan residents',
  },
  home_return_permit: { zh: '港澳居民来往内地通行证', en: 'Home Return Permit (HK/Macao)' },
  taiwan_compatriot_permit: {
    zh: '台湾居民来往大陆通行证',
    en: 'Mainland Travel Permit for Taiwan residents',
  },
  passport_cn: { zh: '中国护照', en: 'Chinese passport' },
  passport_foreign: { zh: '外国护照', en: 'Foreign passport' },
  foreign_permanent_residence: { zh: '外国人永久居留身份证', en: 'Foreign permanent residence ID card' },
};
