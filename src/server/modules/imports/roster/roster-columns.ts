import { lookupKey } from './roster-text';

export const ROSTER_COLUMN_KEYS = [
  'name',
  'gender',
  'docType',
  'docNumber',
  'phone',
  'birthDate',
  'compound',
  'building',
  'entrance',
  'room',
  'relationToHead',
  'residenceType',
  'tags',
  'notes',
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];

export interface RosterColumn {
  key: RosterColumnKey;
  /** Header written in the template and used to name the column in rejection reasons. */
  header: string;
  en: string;
  required: boolean;
  /** Other headers seen in real rosters (and English ones), matched after normaliseHeader. */
  aliases: readonly string[];
  /** Template column width, in Excel character units. */
  width: number;
  /** One line for the instructions sheet. */
  help: string;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    key: 'name',
    header: '姓名',
    en: 'Name',
    required: true,
    aliases: ['名字', '居民姓名', 'name', 'full name'],
    width: 12,
    help: '与证件上的姓名一致，1到50个字。',
  },
  {
    key: 'gender',
    header: '性别',
    en: 'Gender',
    required: false,
    aliases: ['gender', 'sex'],
    width: 6,
    help: '男 或 女。不填时按身份证号码自动得出；填了但与身份证号码不符的行不会导入。',
  },
  {
    key: 'docType',
    header: '证件类型',
    en: 'Document type',
    required: false,
    aliases: ['证件类别', '证件种类', 'document type', 'doc type', 'id type', 'docType'],
    width: 16,
    help: '不填即为居民身份证。',
  },
  {
    key: 'docNumber',
    header: '证件号码',
    en: 'Document number',
    required: true,
    aliases: [
      '证件号',
      '身份证',
      '身份证号',
      '身份证号码',
      '公民身份号码',
      '身份证件号码',
      '身份证件号',
      '公民身份证号',
      '公民身份证号码',
      'document number',
      'doc number',
      'id number',
      'id no',
      'docNumber',
    ],
    width: 22,
    help: '请逐位核对。本列必须是文本格式，否则 Excel 会把18位号码的末几位变成0。',
  },
  {
    key: 'phone',
    header: '手机号',
    en: 'Phone',
    required: false,
    aliases: [
      '联系电话',
      '联系手机',
      '联系手机号',
      '移动电话',
      '手机',
      '手机号码',
      '电话',
      '电话号码',
      '联系方式',
      'phone',
      'mobile',
      'telephone',
      'tel',
    ],
    width: 15,
    help: '11位手机号，或“区号-号码”格式的座机号，如 010-12345678。',
  },
  {
    key: 'birthDate',
    header: '出生日期',
    en: 'Birth date',
    required: false,
    aliases: ['出生年月日', '生日', 'birth date', 'date of birth', 'birthday', 'dob'],
    width: 12,
    help: '如 1990-01-02。身份证号码里已有出生日期，可以不填；填了但不一致的行不会导入。',
  },
  {
    key: 'compound',
    header: '小区',
    en: 'Compound',
    required: false,
    aliases: ['小区名称', '院落', 'compound', 'estate'],
    width: 14,
    help: '小区或院落名称，如 幸福里小区。',
  },
  {
    key: 'building',
    header: '楼栋',
    en: 'Building',
    required: true,
    aliases: ['楼', '栋', '幢', '楼号', '栋号', '幢号', '楼栋号', '楼宇', '楼座', '楼幢', 'building'],
    width: 10,
    help: '如 3号楼（只填数字 3 也可以）；平房区填区名，如 平房一区。',
  },
  {
    key: 'entrance',
    header: '单元',
    en: 'Entrance',
    required: false,
    aliases: ['单元号', '所在单元', 'entrance', 'unit'],
    width: 8,
    help: '如 2单元（只填数字 2 也可以）；没有单元的楼不填。',
  },
  {
    key: 'room',
    header: '门牌号',
    en: 'Room',
    required: true,
    aliases: [
      '房号',
      '房间',
      '房间号',
      '室',
      '室号',
      '门牌',
      '门牌号码',
      '户号',
      '房屋号',
      'room',
      'room number',
      'door',
    ],
    width: 10,
    help: '如 302 或 3-302。三四位数字的门牌号会自动识别楼层（302 为3层，1203 为12层）。',
  },
  {
    key: 'relationToHead',
    header: '与户主关系',
    en: 'Relation to head',
    required: false,
    aliases: [
      '与户主的关系',
      '户主关系',
      '关系',
      'relation',
      'relationship',
      'relation to head',
      'relationToHead',
    ],
    width: 12,
    help: '户主本人填“本人”。',
  },
  {
    key: 'residenceType',
    header: '居住类型',
    en: 'Residence type',
    required: false,
    // 人员类型/人员类别 columns in real rosters hold 户籍/流动人口: without these aliases every person
    // was silently stored with the default 户籍.
    aliases: [
      '人员类型',
      '人员类别',
      '人口类型',
      '人口类别',
      '户籍类型',
      '户籍性质',
      '居住性质',
      '居住情况',
      'residence type',
      'residenceType',
    ],
    width: 10,
    help: '户籍、长期租住 或 流动人口。',
  },
  {
    key: 'tags',
    header: '标签',
    en: 'Tags',
    required: false,
    aliases: ['人员标签', '特殊人群', '重点人群', 'tags', 'tag'],
    width: 16,
    help: '可填多个，用顿号“、”或逗号隔开，如 党员、慢性病。',
  },
  {
    key: 'notes',
    header: '备注',
    en: 'Notes',
    required: false,
    aliases: ['notes', 'note', 'remarks', 'remark'],
    width: 20,
    help: '不超过500字。',
  },
];

export const COLUMN_BY_KEY: ReadonlyMap<RosterColumnKey, RosterColumn> = new Map(
  ROSTER_COLUMNS.map((column) => [column.key, column]),
);

export function columnHeader(key: RosterColumnKey): string {
  return COLUMN_BY_KEY.get(key)?.header ?? key;
}

/**
 * Header cells carry decoration in real rosters: required markers ('*姓名', '姓名※'), hints in brackets
 * ('证件号码（必填）', '出生日期(选填)'), a trailing colon, line breaks and alignment spaces.
 */
export function normaliseHeader(cell: string | undefined): string {
  return lookupKey(cell)
    .replace(/[*※]/g, '')
    .replace(/[:：]$/, '')
    .replace(/[([【][^)\]】]*[)\]】]$/, '');
}

const KEY_BY_HEADER: ReadonlyMap<string, RosterColumnKey> = new Map(
  ROSTER_COLUMNS.flatMap((column) =>
    [column.header, ...column.aliases].map((alias) => [normaliseHeader(alias), column.key] as const),
  ),
);

export function findColumnKey(cell: string | undefined): RosterColumnKey | null {
  const normalised = normaliseHeader(cell);
  return normalised === '' ? null : (KEY_BY_HEADER.get(normalised) ?? null);
}
