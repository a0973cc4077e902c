import { Readable } from 'node:stream';
import { CsvError } from 'csv-parse';
import { CsvEncodingError, readCsvRows } from './read-csv';
import { type RawRow, readXlsxRows } from './read-xlsx';
import { findColumnKey, type RosterColumnKey } from './roster-columns';

export type RosterFormat = 'xlsx' | 'csv';
export type RosterRecord = { rowNumber: number; cells: string[] } | { header: string[] };

/** Title rows, notes and blank lines above the header that are tolerated before giving up. */
export const HEADER_SEARCH_ROWS = 10;

export type RosterFileErrorCode = 'unreadable' | 'csv_format' | 'encoding' | 'header_not_found';

const FILE_ERROR_MESSAGES: Record<RosterFileErrorCode, string> = {
  unreadable:
    '文件无法读取，请确认上传的是 Excel 文件（.xlsx）或 CSV 文件且没有损坏；旧版 .xls 文件请先在 Excel 中另存为 .xlsx',
  csv_format: 'CSV 文件格式有误（例如引号没有成对出现），请用 Excel 打开后重新另存为 CSV 再上传',
  encoding: 'CSV 文件的文字编码无法识别，请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重新上传',
  header_not_found: `没有找到表头：文件前${HEADER_SEARCH_ROWS}行中应有一行同时包含“姓名”和“证件号码”两列`,
};

const FILE_ERROR_MESSAGES_EN: Record<RosterFileErrorCode, string> = {
  unreadable:
    'The file cannot be read: upload an Excel file (.xlsx) or a CSV file that is not damaged; save old .xls files as .xlsx first',
  csv_format: 'The CSV file is malformed (e.g. unpaired quotes); open it in Excel and save it as CSV again',
  encoding: 'The CSV file uses an unknown text encoding; save it in Excel as "CSV UTF-8 (comma delimited)"',
  header_not_found: `No header found: one of the first ${HEADER_SEARCH_ROWS} rows must contain both a name and an ID number column`,
};

/** The two columns that identify the header row, by their Chinese names. */
const HEADER_KEYS = [
  ['name', '姓名', 'name'],
  ['docNumber', '证件号码', 'ID number'],
] as const;

/**
 * Problems with the file as a whole; `message` is the Chinese text to show the uploader, `en` the English.
 * For header_not_found, `missing` names only the identifying columns (姓名, 证件号码) that the likeliest
 * header row really lacks, and `unrecognisedColumns` that row's cells that match no column, so the user
 * is not told a column is missing when it is there.
 */
export class RosterFileError extends Error {
  readonly en: string;
  readonly missing: string[];
  readonly unrecognisedColumns: string[];
  constructor(
    readonly code: RosterFileErrorCode,
    options?: { cause?: unknown; missing?: string[]; unrecognisedColumns?: string[] },
  ) {
    const missing = options?.missing ?? (code === 'header_not_found' ? HEADER_KEYS.map(([, zh]) => zh) : []);
    const unrecognised = options?.unrecognisedColumns ?? [];
    const precise = code === 'header_not_found' && options?.missing !== undefined;
    super(precise ? headerNotFoundZh(missing, unrecognised) : FILE_ERROR_MESSAGES[code], options);
    this.en = precise ? headerNotFoundEn(missing, unrecognised) : FILE_ERROR_MESSAGES_EN[code];
    this.missing = missing;
    this.unrecognisedColumns = unrecognised;
    this.name = 'RosterFileError';
  }
}

const quoted = (words: readonly string[]): string => words.map((word) => `“${word}”`).join('、');

function headerNotFoundZh(missing: readonly string[], unrecognised: readonly string[]): string {
  const seen =
    unrecognised.length > 0
      ? `；没有识别的列：${quoted(unrecognised)}，如果其中一列就是所缺的列，请把表头改为模板中的列名`
      : '';
  return `没有找到表头：文件前${HEADER_SEARCH_ROWS}行中最像表头的一行缺少${quoted(missing)}列${seen}`;
}

function headerNotFoundEn(missing: readonly string[], unrecognised: readonly string[]): string {
  const names = HEADER_KEYS.filter(([, zh]) => missing.includes(zh)).map(([, , en]) => en);
  const seen =
    unrecognised.length > 0
      ? `; unrecognised columns: ${unrecognised.join(', ')} (if one of them is the missing column, rename its header to the template's column name)`
      : '';
  return `No header found: in the first ${HEADER_SEARCH_ROWS} rows, the row most like a header lacks the ${names.join(' and ')} column${seen}`;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell === '');

function keysOf(cells: readonly string[]): Array<RosterColumnKey | null> {
  return cells.map((cell) => findColumnKey(cell));
}

function isHeaderRow(cells: readonly string[]): boolean {
  const keys = keysOf(cells);
  return keys.includes('name') && keys.includes('docNumber');
}

/**
 * When no header is found, the row above the data that names the most known columns is taken as the
 * header the user meant, to say which of 姓名/证件号码 it lacks. Null when no row names any column.
 */
class HeaderCandidate {
  private best: { known: number; cells: readonly string[] } | null = null;

  offer(cells: readonly string[]): void {
    const known = new Set(keysOf(cells).filter((key) => key !== null)).size;
    if (known > 0 && (this.best === null || known > this.best.known)) this.best = { known, cells };
  }

  error(): RosterFileError {
    if (this.best === null) return new RosterFileError('header_not_found');
    const keys = keysOf(this.best.cells);
    return new RosterFileError('header_not_found', {
      missing: HEADER_KEYS.filter(([key]) => !keys.includes(key)).map(([, zh]) => zh),
      unrecognisedColumns: this.best.cells.filter((cell, index) => cell !== '' && keys[index] === null),
    });
  }
}

/**
 * Two-row headers are common: a group label merged across several columns ('住址' over 楼栋/单元/门牌号)
 * with the real names in the row below, while 姓名 and 证件号码 are merged vertically (their text sits in
 * the upper row only). The lower row continues the header when everything in it is a known column name
 * and it names at least one column the upper row left blank or unrecognised.
 */
function mergeSubHeader(header: readonly string[], next: readonly string[]): string[] | null {
  const upperKeys = keysOf(header);
  let fillsGap = false;
  for (const [index, cell] of next.entries()) {
    if (cell === '') continue;
    if (findColumnKey(cell) === null) return null;
    if ((upperKeys[index] ?? null) === null) fillsGap = true;
  }
  if (!fillsGap) return null;
  const width = Math.max(header.length, next.length);
  return Array.from({ length: width }, (_, index) => {
    const lower = next[index] ?? '';
    return findColumnKey(lower) === null ? (header[index] ?? '') : lower;
  });
}

function rawRows(stream: Readable, format: RosterFormat): AsyncGenerator<RawRow> {
  return format === 'xlsx' ? readXlsxRows(stream) : readCsvRows(stream);
}

function toFileError(error: unknown): RosterFileError {
  if (error instanceof RosterFileError) return error;
  if (error instanceof CsvEncodingError) return new RosterFileError('encoding', { cause: error });
  if (error instanceof CsvError) return new RosterFileError('csv_format', { cause: error });
  return new RosterFileError('unreadable', { cause: error });
}

/**
 * Streams a roster upload: yields the header once (`{ header }`), then every non-blank row below it with
 * the row number Excel shows. Cells are trimmed strings, index 0 = column A. Rows above the header
 * (titles, notes) are dropped. Throws RosterFileError when the file cannot be read or has no header.
 * If the consumer stops early, the upload stream may be left unread; the caller should destroy it.
 */
export async function* readRosterRows(input: {
  stream: NodeJS.ReadableStream | Readable;
  format: RosterFormat;
}): AsyncGenerator<RosterRecord> {
  const stream = input.stream instanceof Readable ? input.stream : Readable.from(input.stream);
  let header: string[] | null = null;
  let headerPending = false;
  let rowsSearched = 0;
  const candidate = new HeaderCandidate();
  try {
    for await (const { rowNumber, cells } of rawRows(stream, input.format)) {
      if (isBlank(cells)) continue;
      if (header === null) {
        if (isHeaderRow(cells)) {
          header = cells;
          headerPending = true;
          continue;
        }
        candidate.offer(cells);
        rowsSearched += 1;
        if (rowsSearched >= HEADER_SEARCH_ROWS) throw candidate.error();
        continue;
      }
      if (headerPending) {
        // The header is held back one row in case the next one completes it.
        headerPending = false;
        const merged = mergeSubHeader(header, cells);
        yield { header: merged ?? header };
        if (merged) continue;
      }
      yield { rowNumber, cells };
    }
  } catch (error) {
    throw toFileError(error);
  }
  if (header === null) throw candidate.error();
  if (headerPending) yield { header };
}
