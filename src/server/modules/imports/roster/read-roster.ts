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

/** Problems with the file as a whole; `message` is the Chinese text to show the uploader. */
export class RosterFileError extends Error {
  constructor(
    readonly code: RosterFileErrorCode,
    options?: { cause?: unknown },
  ) {
    super(FILE_ERROR_MESSAGES[code], options);
    this.name = 'RosterFileError';
  }
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
  try {
    for await (const { rowNumber, cells } of rawRows(stream, input.format)) {
      if (isBlank(cells)) continue;
      if (header === null) {
        if (isHeaderRow(cells)) {
          header = cells;
          headerPending = true;
          continue;
        }
        rowsSearched += 1;
        if (rowsSearched >= HEADER_SEARCH_ROWS) throw new RosterFileError('header_not_found');
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
  if (header === null) throw new RosterFileError('header_not_found');
  if (headerPending) yield { header };
}
