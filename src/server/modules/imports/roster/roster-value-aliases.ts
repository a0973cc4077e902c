import { DOCUMENT_TYPES, type DocumentType, type Gender } from '../../../../shared/identity';
import {
  DOCUMENT_TYPE_LABELS,
  GENDER_LABELS,
  type Label,
  RELATION_LABELS,
  RELATIONS,
  RESIDENCE_TYPE_LABELS,
  RESIDENCE_TYPES,
  RESIDENT_TAG_LABELS,
  RESIDENT_TAGS,
  type Relation,
  type ResidenceType,
  type ResidentTag,
} from '../../../../shared/people/people-enums';
import { lookupKey } from './roster-text';

/**
 * Words people type in each enumerated column. Every code also accepts its own name and its zh/en labels,
 * so files exported by Dashu itself import again. Single characters that could belong to another column
 * ('女' for 女儿, '子' for 儿子) are deliberately absent: a shifted column must be rejected, not misread.
 */
const EXTRA_ALIASES = {
  gender: { male: ['男性', 'm'], female: ['女性', 'f'] } satisfies Record<Gender, string[]>,
  docType: {
    resident_id: ['身份证', '二代身份证', 'id card'],
    hk_macao_tw_residence_permit: [],
    home_return_permit: ['回乡证'],
    taiwan_compatriot_permit: ['台胞证'],
    passport_cn: ['护照'],
    passport_foreign: [],
    foreign_permanent_residence: ['永居证', '外国人永久居留证'],
  } satisfies Record<DocumentType, string[]>,
  relation: {
    self: ['户主', '本人', '本人（户主）'],
    spouse: ['妻子', '丈夫'],
    child: ['儿子', '女儿'],
    parent: ['父亲', '母亲'],
    grandchild: ['孙子', '孙女', '外孙', '外孙女'],
    sibling: ['兄弟', '姐妹', '哥哥', '姐姐', '弟弟', '妹妹'],
    tenant: ['租客'],
    other: [],
  } satisfies Record<Relation, string[]>,
  residenceType: {
    registered: ['户籍', '常住户籍', '户籍人口', '户籍人员', '户籍居民', '本地户籍'],
    long_term_renter: ['租户', '租住', '长租', '租住人员', '人户分离'],
    floating: ['暂住', '暂住人口', '暂住人员', '流动', '流动人员', '外来人口', '外来人员'],
  } satisfies Record<ResidenceType, string[]>,
  tag: {
    elderly_alone: [],
    empty_nest: [],
    disabled: ['残疾'],
    pregnant: [],
    chronic_illness: [],
    party_member: ['中共党员'],
    low_income: ['低保户'],
    veteran: [],
  } satisfies Record<ResidentTag, string[]>,
};

function buildLookup<T extends string>(
  codes: readonly T[],
  labels: Record<T, Label>,
  extra: Record<T, string[]>,
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    for (const alias of [code, labels[code].zh, labels[code].en, ...extra[code]]) {
      map.set(lookupKey(alias), code);
    }
  }
  return map;
}

const GENDER_LOOKUP = buildLookup(['male', 'female'], GENDER_LABELS, EXTRA_ALIASES.gender);
const DOC_TYPE_LOOKUP = buildLookup(DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, EXTRA_ALIASES.docType);
const RELATION_LOOKUP = buildLookup(RELATIONS, RELATION_LABELS, EXTRA_ALIASES.relation);
const RESIDENCE_LOOKUP = buildLookup(RESIDENCE_TYPES, RESIDENCE_TYPE_LABELS, EXTRA_ALIASES.residenceType);
const TAG_LOOKUP = buildLookup(RESIDENT_TAGS, RESIDENT_TAG_LABELS, EXTRA_ALIASES.tag);

export const lookupGender = (typed: string): Gender | null => GENDER_LOOKUP.get(lookupKey(typed)) ?? null;
export const lookupDocType = (typed: string): DocumentType | null =>
  DOC_TYPE_LOOKUP.get(lookupKey(typed)) ?? null;
export const lookupRelation = (typed: string): Relation | null =>
  RELATION_LOOKUP.get(lookupKey(typed)) ?? null;
export const lookupResidenceType = (typed: string): ResidenceType | null =>
  RESIDENCE_LOOKUP.get(lookupKey(typed)) ?? null;
export const lookupTag = (typed: string): ResidentTag | null => TAG_LOOKUP.get(lookupKey(typed)) ?? null;

/** Chinese words listed in reasons and in the instructions sheet: the main label plus the common aliases. */
export function allowedWords(kind: 'gender' | 'docType' | 'relation' | 'residenceType' | 'tag'): string[] {
  switch (kind) {
    case 'gender':
      return ['男', '女'];
    case 'docType':
      return DOCUMENT_TYPES.map((code) => DOCUMENT_TYPE_LABELS[code].zh);
    case 'relation':
      return RELATIONS.map((code) => RELATION_LABELS[code].zh);
    case 'residenceType':
      return RESIDENCE_TYPES.map((code) => RESIDENCE_TYPE_LABELS[code].zh);
    case 'tag':
      return RESIDENT_TAGS.map((code) => RESIDENT_TAG_LABELS[code].zh);
  }
}
