import type { DocumentType, Gender } from '../../../../shared/identity';
import type { Relation, ResidenceType, ResidentTag } from '../../../../shared/people/people-enums';
import {
  checkBirthDateField,
  checkDocumentField,
  checkNameField,
  checkPhoneField,
  crossCheckFields,
  type IdentityIssue,
} from '../../../../shared/people/resident-input';
import { columnHeader, findColumnKey, ROSTER_COLUMNS, type RosterColumnKey } from './roster-columns';
import {
  type Field,
  LIMITS,
  parseBuilding,
  parseEntrance,
  parseNotes,
  parseRoom,
  parseTags,
  quoteList,
  tooLong,
} from './roster-fields';
import { charLength, cleanText, toHalfWidth } from './roster-text';
import {
  allowedWords,
  lookupDocType,
  lookupGender,
  lookupRelation,
  lookupResidenceType,
} from './roster-value-aliases';

/** Index (0 = column A) of each roster column in the uploaded file; null when the file lacks it. */
export type ColumnMap = Readonly<Record<RosterColumnKey, number | null>>;

/**
 * `unrecognisedColumns` lists, as typed, the header cells that match no roster column, so the user is
 * told what was not imported instead of it being dropped silently (issue 13: a 人员类型 column nobody
 * recognised left every person at the default 户籍). `unused` also holds second columns of a kind.
 */
export type HeaderMapping =
  | { ok: true; columns: ColumnMap; unused: string[]; unrecognisedColumns: string[] }
  | { ok: false; missing: string[]; unrecognisedColumns: string[] };

export type Bilingual = { zh: string; en: string };

/**
 * relationToHead and residenceType are null when left blank, so that re-importing a file with those
 * columns empty does not overwrite what is already recorded; new residents get the database defaults.
 */
export type RosterRow = {
  name: string;
  gender: Gender | null;
  docType: DocumentType;
  docNumber: string;
  birthDate: string | null;
  phone: string | null;
  compound: string | null;
  building: string;
  entrance: string | null;
  room: string;
  floor: number | null;
  relationToHead: Relation | null;
  residenceType: ResidenceType | null;
  tags: ResidentTag[];
  notes: string | null;
};

export type RowValidation = { ok: true; row: RosterRow } | { ok: false; reasons: string[] };

/**
 * Finds the roster columns in a header row. The first column with a given meaning wins; later ones and
 * unknown headers are listed in `unused` so the page can say which columns were not imported.
 * `missing` holds the Chinese names of required columns that were not found.
 */
export function mapHeader(header: string[]): HeaderMapping {
  const found = new Map<RosterColumnKey, number>();
  const unused: string[] = [];
  const unrecognisedColumns: string[] = [];
  for (const [index, cell] of header.entries()) {
    const text = (cell ?? '').trim();
    const key = findColumnKey(text);
    if (key !== null && !found.has(key)) found.set(key, index);
    else if (text !== '') unused.push(text);
    if (key === null && text !== '') unrecognisedColumns.push(text);
  }
  const missing = ROSTER_COLUMNS.filter((column) => column.required && !found.has(column.key));
  if (missing.length > 0) {
    return { ok: false, missing: missing.map((column) => column.header), unrecognisedColumns };
  }
  const columns = Object.fromEntries(
    ROSTER_COLUMNS.map((column) => [column.key, found.get(column.key) ?? null]),
  );
  return {
    ok: true,
    columns: columns as Record<RosterColumnKey, number | null>,
    unused,
    unrecognisedColumns,
  };
}

/** What to tell the user about columns that were not imported; null when every column was recognised. */
export function unrecognisedColumnsMessage(columns: readonly string[]): Bilingual | null {
  if (columns.length === 0) return null;
  return {
    zh: `以下列没有识别，其中的内容不会导入：${quoteList(columns)}。如果其中有需要导入的内容，请把表头改为模板中的列名`,
    en: `These columns were not recognised and their contents will not be imported: ${columns.join(', ')}. If one of them should be imported, rename its header to the template's column name`,
  };
}

/**
 * The missing-column message names only the required columns that really are absent; the unrecognised
 * headers are shown beside them because one of them is usually the missing column under another name.
 */
export function missingColumnsMessage(mapping: {
  missing: readonly string[];
  unrecognisedColumns: readonly string[];
}): Bilingual {
  const enNames = mapping.missing.map(
    (header) => ROSTER_COLUMNS.find((column) => column.header === header)?.en ?? header,
  );
  const seen = mapping.unrecognisedColumns;
  return {
    zh:
      `表头缺少必填列：${mapping.missing.join('、')}。` +
      (seen.length > 0
        ? `没有识别的列：${quoteList(seen)}，如果其中一列就是所缺的列，请把表头改为模板中的列名`
        : '请使用模板'),
    en:
      `The header lacks required columns: ${enNames.join(', ')}. ` +
      (seen.length > 0
        ? `Unrecognised columns: ${seen.join(', ')}; if one of them is the missing column, rename its header to the template's column name`
        : 'Please use the template'),
  };
}

/**
 * False when every roster column of the row is empty. Templates often come with the 序号 column numbered
 * far below the last resident; such rows are not residents and should be skipped, not rejected.
 */
export function hasRosterData(cells: string[], columns: ColumnMap): boolean {
  return Object.values(columns).some((index) => index !== null && cleanText(cells[index]) !== '');
}

// What Excel shows, and writes to CSV, for a long number in a General cell: 1.10105E+17.
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;
/**
 * Excel keeps 15 significant digits, so an 18-digit ID that went through a number cell arrives as
 * 1.10105E+17 (xlsx, or CSV as Excel shows it) or as 110105199001011000 (CSV from a "0"-formatted cell).
 * The last digits are gone for good; the message must never suggest fixing "the last digit", which would
 * store somebody else's number. About one damaged ID in eleven even passes the check digit, so an
 * 18-digit number ending in 000 is refused whatever its check digit says.
 */
export const EXCEL_DAMAGED_ID: Bilingual = {
  zh: '证件号码已被 Excel 损坏：Excel 把它当成了数字，只保留前15位，后几位变成了0（或显示成 1.10105E+17 这样的科学计数法），原号码无法从文件还原。请把该列设为“文本”格式，再对照证件重新录入完整号码，不要只改最后几位；如果证件上的号码确实以000结尾，请在居民页面单独录入此人',
  en: 'The ID number was damaged by Excel: it was stored as a number, which keeps only 15 digits, so the last digits became 0 (or it shows as 1.10105E+17) and the original cannot be recovered from the file. Format the column as Text and re-enter the full number from the ID card; do not just change the last digits. If the number on the card really ends in 000, add this person on the resident page instead',
};
const EXCEL_ROUNDED_ID = /^\d{15}000$/;
const EXCEL_NUMBER_PHONE = '电话号码被 Excel 存成了科学计数法，号码已无法还原，请把该列设为文本后重新填写';

function compactDigits(raw: string): string {
  return toHalfWidth(raw).replace(/[\s\u3000]+/g, '');
}

function isScientific(raw: string): boolean {
  return SCIENTIFIC.test(compactDigits(raw));
}

function pickEnum<T>(raw: string, lookup: (typed: string) => T | null, allowed: string[]): Field<T | null> {
  const text = cleanText(raw);
  if (text === '') return { ok: true, value: null };
  const value = lookup(text);
  if (value !== null) return { ok: true, value };
  return { ok: false, message: `无法识别${quoteList([text])}，可填写：${allowed.join('、')}` };
}

/**
 * Validates and normalises one data row. All problems are reported at once, each as
 * '<column>：<what to fix>', so the uploader can correct the row in one go.
 */
export function validateRosterRow(
  cells: string[],
  columns: ColumnMap,
  options: { now?: Date } = {},
): RowValidation {
  const now = options.now ?? new Date();
  const reasons: string[] = [];
  const cell = (key: RosterColumnKey): string => {
    const index = columns[key];
    return index === null ? '' : (cells[index] ?? '');
  };
  function take<T>(key: RosterColumnKey, field: Field<T>): T | undefined {
    if (field.ok) return field.value;
    reasons.push(`${columnHeader(key)}：${field.message}`);
    return undefined;
  }
  const report = (key: RosterColumnKey, message: string): void => {
    reasons.push(`${columnHeader(key)}：${message}`);
  };
  // The identity fields go through the same checks as the resident page and the console's form, with
  // the same messages; what only a spreadsheet can do to a number (Excel's scientific notation, digits
  // lost to a number cell) is told here first.
  function identity<T>(checked: { ok: true; value: T } | { ok: false; issue: IdentityIssue }) {
    if (checked.ok) return checked.value;
    report(checked.issue.field, checked.issue.message.zh);
    return undefined;
  }

  const name = identity(checkNameField(cell('name')));
  const typedGender = take('gender', pickEnum(cell('gender'), lookupGender, allowedWords('gender')));
  const docType = take('docType', pickEnum(cell('docType'), lookupDocType, allowedWords('docType')));
  const typedDate = identity(checkBirthDateField(cleanText(toHalfWidth(cell('birthDate'))), now));

  let docNumber: string | undefined;
  let fromId: { birthDate?: string; gender?: Gender } = {};
  const rawDoc = cell('docNumber');
  const residentIdColumn = docType === null || docType === 'resident_id';
  if (isScientific(rawDoc) || (residentIdColumn && EXCEL_ROUNDED_ID.test(compactDigits(rawDoc)))) {
    report('docNumber', EXCEL_DAMAGED_ID.zh);
  } else if (docType !== undefined) {
    const parsed = identity(checkDocumentField(docType ?? 'resident_id', rawDoc, now));
    if (parsed) {
      docNumber = parsed.normalized;
      fromId = parsed;
    }
  }

  for (const issue of crossCheckFields(fromId, { birthDate: typedDate, gender: typedGender })) {
    report(issue.field, issue.message.zh);
  }

  let phone: string | null = null;
  const rawPhone = cleanText(cell('phone'));
  if (isScientific(rawPhone)) report('phone', EXCEL_NUMBER_PHONE);
  else phone = identity(checkPhoneField(rawPhone)) ?? null;

  const compound = cleanText(cell('compound')) || null;
  if (compound !== null && charLength(compound) > LIMITS.compound) {
    report('compound', tooLong(LIMITS.compound));
  }
  const building = take('building', parseBuilding(cell('building')));
  const entrance = take('entrance', parseEntrance(cell('entrance')));
  const door = take('room', parseRoom(cell('room')));
  const relationToHead = take(
    'relationToHead',
    pickEnum(cell('relationToHead'), lookupRelation, allowedWords('relation')),
  );
  const residenceType = take(
    'residenceType',
    pickEnum(cell('residenceType'), lookupResidenceType, allowedWords('residenceType')),
  );
  const tags = take('tags', parseTags(cell('tags')));
  const notes = take('notes', parseNotes(cell('notes')));

  if (
    reasons.length > 0 ||
    name === undefined ||
    docNumber === undefined ||
    building === undefined ||
    door === undefined
  ) {
    return { ok: false, reasons };
  }
  return {
    ok: true,
    row: {
      name,
      gender: typedGender ?? fromId.gender ?? null,
      docType: docType ?? 'resident_id',
      docNumber,
      birthDate: typedDate ?? fromId.birthDate ?? null,
      phone,
      compound,
      building,
      entrance: entrance ?? null,
      room: door.room,
      floor: door.floor,
      relationToHead: relationToHead ?? null,
      residenceType: residenceType ?? null,
      tags: tags ?? [],
      notes: notes ?? null,
    },
  };
}
