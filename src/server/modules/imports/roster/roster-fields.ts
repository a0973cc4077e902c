// Parsers for the free-text roster columns. Each returns a value or a plain-Chinese message (without the
// column name, which the caller adds). They normalise spelling only; they never guess missing data.

import type { ResidentTag } from '../../../../shared/people/people-enums';
import { charLength, cleanText, toHalfWidth } from './roster-text';
import { allowedWords, lookupTag } from './roster-value-aliases';

export type Field<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Field<T> => ({ ok: true, value });
const fail = <T>(message: string): Field<T> => ({ ok: false, message });

export const LIMITS = { compound: 50, building: 30, entrance: 20, room: 30, notes: 500 } as const;

// Hyphen look-alikes (‐ ‑ ‒ – — ― −) that word processors and IMEs substitute for '-'.
const DASHES = /[\u2010-\u2015\u2212]/g;

// Excel turns '3-12' or '3/12' typed into a General cell into 12 March; the reader then sees a date.
const EXCEL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TURNED_INTO_DATE = '被 Excel 当成了日期（如 3-12 会变成3月12日），请把该列设为文本后重新填写';

export function tooLong(limit: number): string {
  return `不能超过${limit}个字`;
}

/** '3', '03', '3号', '3#', '3#楼' all name the same building as '3号楼'; other names are kept as typed. */
export function parseBuilding(raw: string): Field<string> {
  const text = cleanText(toHalfWidth(raw));
  if (text === '') return fail('请填写楼栋，如 3号楼；平房区填区名，如 平房一区');
  if (EXCEL_DATE.test(text)) return fail(TURNED_INTO_DATE);
  const numbered = /^0*(\d+)\s*(?:号|#|号楼|#楼)?$/.exec(text);
  const building = numbered ? `${Number(numbered[1])}号楼` : text;
  if (charLength(building) > LIMITS.building) return fail(tooLong(LIMITS.building));
  return ok(building);
}

export function parseEntrance(raw: string): Field<string | null> {
  const text = cleanText(toHalfWidth(raw));
  if (text === '') return ok(null);
  if (EXCEL_DATE.test(text)) return fail(TURNED_INTO_DATE);
  const numbered = /^0*(\d+)\s*(?:单元)?$/.exec(text);
  const entrance = numbered ? `${Number(numbered[1])}单元` : text;
  if (charLength(entrance) > LIMITS.entrance) return fail(tooLong(LIMITS.entrance));
  return ok(entrance);
}

/**
 * Floor from the usual door numbering: 302 is floor 3, 1203 floor 12 (also inside '3-302' or '302室').
 * Anything else (yard numbers, basements, '0302', 'x00') yields null rather than a guess.
 */
export function floorFromRoom(room: string): number | null {
  const lastPart = room.replace(/室$/, '').split('-').at(-1) ?? '';
  const match = /^([1-9]\d?)(\d\d)$/.exec(lastPart);
  if (!match || match[2] === '00') return null;
  return Number(match[1]);
}

export function parseRoom(raw: string): Field<{ room: string; floor: number | null }> {
  const room = cleanText(toHalfWidth(raw).replace(DASHES, '-'));
  if (room === '') return fail('请填写门牌号，如 302');
  if (EXCEL_DATE.test(room)) return fail(TURNED_INTO_DATE);
  if (charLength(room) > LIMITS.room) return fail(tooLong(LIMITS.room));
  return ok({ room, floor: floorFromRoom(room) });
}

export function parseTags(raw: string): Field<ResidentTag[]> {
  const words = cleanText(raw)
    .split(/[、,，;；/\s]+/)
    .filter((word) => word !== '');
  const tags: ResidentTag[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const tag = lookupTag(word);
    if (tag === null) unknown.push(word);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  if (unknown.length > 0) {
    return fail(`无法识别${quoteList(unknown)}，可填写：${allowedWords('tag').join('、')}，多个用顿号隔开`);
  }
  return ok(tags);
}

export function quoteList(words: readonly string[]): string {
  return words.map((word) => `“${word}”`).join('、');
}

export function parseNotes(raw: string): Field<string | null> {
  // Line breaks in notes are the writer's own layout, so only the ends are trimmed.
  const notes = (raw ?? '').trim();
  if (notes === '') return ok(null);
  if (charLength(notes) > LIMITS.notes) return fail(tooLong(LIMITS.notes));
  return ok(notes);
}
