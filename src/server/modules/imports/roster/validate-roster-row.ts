import {
  CROSS_CHECK_MESSAGES,
  crossCheckIdentity,
  type DocumentType,
  type Gender,
  ID_REASON_MESSAGES,
  PHONE_REASON_MESSAGES,
  parseIdNumber,
  parsePhone,
} from '../../../../shared/identity';
import type { Relation, ResidenceType, ResidentTag } from '../../../../shared/people/people-enums';
import { columnHeader, findColumnKey, ROSTER_COLUMNS, type RosterColumnKey } from './roster-columns';
import {
  type Field,
  LIMITS,
  parseBuilding,
  parseEntrance,
  parseName,
  parseNotes,
  parseRoom,
  parseTags,
  parseTypedDate,
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

export type HeaderMapping =
  | { ok: true; columns: ColumnMap; unused: string[] }
  | { ok: false; missing: string[] };

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
  for (const [index, cell] of header.entries()) {
    const key = findColumnKey(cell);
    if (key !== null && !found.has(key)) found.set(key, index);
    else if ((cell ?? '').trim() !== '') unused.push(cell.trim());
  }
  const missing = ROSTER_COLUMNS.filter((column) => column.required && !found.has(column.key));
  if (missing.length > 0) return { ok: false, missing: missing.map((column) => column.header) };
  const columns = Object.fromEntries(
    ROSTER_COLUMNS.map((column) => [column.key, found.get(column.key) ?? null]),
  );
  return { ok: true, columns: columns as Record<RosterColumnKey, number | null>, unused };
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
const EXCEL_NUMBER_ID = '证件号码被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新填写';
const EXCEL_NUMBER_PHONE = '电话号码被 Excel 存成了科学计数法，号码已无法还原，请把该列设为文本后重新填写';
// Excel keeps 15 significant digits, so an 18-digit number that went through a number cell ends in 000.
const LOST_DIGITS_HINT = '。如果号码末尾本来不是000，可能是 Excel 把它存成了数字，请把该列设为文本后重新填写';

function isScientific(raw: string): boolean {
  return SCIENTIFIC.test(toHalfWidth(raw).replace(/\s+/g, ''));
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

  const name = take('name', parseName(cell('name')));
  const typedGender = take('gender', pickEnum(cell('gender'), lookupGender, allowedWords('gender')));
  const docType = take('docType', pickEnum(cell('docType'), lookupDocType, allowedWords('docType')));
  const typedDate = take('birthDate', parseTypedDate(cell('birthDate'), now));

  let docNumber: string | undefined;
  let fromId: { birthDate?: string; gender?: Gender } = {};
  const rawDoc = cell('docNumber');
  if (isScientific(rawDoc)) {
    report('docNumber', EXCEL_NUMBER_ID);
  } else if (docType !== undefined) {
    const type = docType ?? 'resident_id';
    const parsed = parseIdNumber(type, rawDoc, { now });
    if (parsed.ok) {
      docNumber = parsed.normalized;
      fromId = parsed;
    } else {
      const lostDigits = parsed.reason === 'bad_checksum' && /^\d{15}000$/.test(toHalfWidth(rawDoc).trim());
      report('docNumber', `${ID_REASON_MESSAGES[parsed.reason].zh}${lostDigits ? LOST_DIGITS_HINT : ''}`);
    }
  }

  for (const issue of crossCheckIdentity(fromId, { birthDate: typedDate, gender: typedGender })) {
    report(issue.field, CROSS_CHECK_MESSAGES[issue.reason].zh);
  }

  let phone: string | null = null;
  const rawPhone = cleanText(cell('phone'));
  if (isScientific(rawPhone)) report('phone', EXCEL_NUMBER_PHONE);
  else if (rawPhone !== '') {
    const parsed = parsePhone(rawPhone);
    if (parsed.ok) phone = parsed.normalized;
    else report('phone', PHONE_REASON_MESSAGES[parsed.reason].zh);
  }

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
