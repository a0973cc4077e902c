import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { beijingWallClock, isCalendarDate } from '../../shared/time/beijing';

/**
 * The one way Dashu writes Excel: every export and template goes through here, so they all look and behave
 * alike — a bold, shaded header row frozen in place, columns sized for Chinese, text columns stored as
 * text, dates as real Excel dates in Beijing time — and all of them stream (exceljs' WorkbookWriter), so
 * a 50,000-row export never holds a workbook model in memory. Whoever serves a file audits it first
 * (`modules/audit/export-audit.ts`).
 */

/**
 * How a column's cells are stored:
 * - `text` (the default): a text cell in a column formatted '@', so Excel keeps what is typed there
 *   exactly — an 18-digit ID never becomes 1.10105E+17 with its last digits zeroed, a phone keeps its
 *   leading 0, '3-12' does not turn into 12 March. ID numbers, phones, codes and door numbers are text.
 * - `number`: a number cell (counts, percentages).
 * - `general`: numbers as numbers, anything else as text, no format (a column of mixed values).
 * - `date`: a calendar date 'YYYY-MM-DD' as an Excel date, shown 2026-01-23.
 * - `datetime`: an instant as an Excel date and time on Beijing's wall clock, shown 2026-01-23 08:05
 *   (Excel has no time zones: the cell holds what a clock in Beijing showed).
 */
export type ColumnKind = 'text' | 'number' | 'general' | 'date' | 'datetime';

export type CellInput = string | number | boolean | Date | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => CellInput;
  kind?: ColumnKind;
  /** In Excel's character units; by default wide enough for the header (and a date or time). */
  width?: number;
  /** A column the reader must fill in (a template's): its header in red. */
  required?: boolean;
  /** Extra style of the column's body cells (alignment, colours). */
  style?: Partial<ExcelJS.Style>;
}

export interface SheetOptions {
  /** Lines above the header: what the sheet is, how to fill it in. */
  notes?: readonly string[];
  /** Columns kept in view when scrolling sideways, besides the header row kept on top. */
  freezeColumns?: number;
  /**
   * A row of group titles above the header, one per column (null: none); consecutive equal titles are
   * merged into one cell (a report's merged headers).
   */
  headerGroups?: ReadonlyArray<string | null>;
}

export const TEXT_FORMAT = '@';
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
export const RED = { argb: 'FFC00000' };
const FORMATS: Record<ColumnKind, string | undefined> = {
  text: TEXT_FORMAT,
  number: undefined,
  general: undefined,
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
};
const MIN_WIDTHS: Record<ColumnKind, number> = { text: 8, number: 8, general: 8, date: 12, datetime: 17 };
// Rows written between two yields to the event loop: a big export shares the process with everyone else.
const ROWS_PER_YIELD = 500;

// East Asian wide characters (CJK, Hangul, full-width forms) take two character cells in Excel.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of a text in Excel character units. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** A width that fits the longest of `texts` (and a little room), within [min, max]. */
export function fitWidth(texts: Iterable<string>, min = 8, max = 40): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, ...text.split('\n').map(displayWidth));
  return Math.min(max, Math.max(min, widest + 2));
}

/** A value as its column stores it. */
export function cellValue(kind: ColumnKind, value: CellInput): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  // An empty text stays an empty text cell (a rejected row keeps the cells it was uploaded with).
  if (value === '') return kind === 'text' ? '' : null;
  switch (kind) {
    case 'text':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'number':
    case 'general':
      return typeof value === 'number' ? value : value instanceof Date ? value.toISOString() : String(value);
    case 'date':
      // Anything that is not a calendar date is shown as it came, rather than lost.
      return typeof value === 'string' && isCalendarDate(value)
        ? new Date(`${value}T00:00:00Z`)
        : String(value);
    case 'datetime': {
      if (typeof value === 'boolean') return String(value);
      const wall = beijingWallClock(value);
      return Number.isNaN(wall.getTime()) ? String(value) : wall;
    }
  }
}

/** A sheet being written: rows go out as they are added. */
export interface SheetWriter<Row> {
  /** Writes a row; the exceljs row is returned for a last touch (a cell's colour) before the next add. */
  add(row: Row): ExcelJS.Row;
  /** A dropdown for a range ('C2:C2000'), typed values outside the list allowed. */
  dropdown(range: string, choices: readonly string[]): void;
}

export interface WorkbookWriter {
  sheet<Row>(name: string, columns: ReadonlyArray<Column<Row>>, options?: SheetOptions): SheetWriter<Row>;
  /** Lets the file flow out every few hundred rows; await it in long loops. */
  breathe(): Promise<void>;
}

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function styleHeader<Row>(row: ExcelJS.Row, columns: ReadonlyArray<Column<Row>>): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.fill = HEADER_FILL;
    // The header's own cells are text; the column's date format would misread nothing, but keep it plain.
    cell.numFmt = TEXT_FORMAT;
    if (column.required) cell.font = { bold: true, color: RED };
  });
}

/**
 * Writes a workbook as a stream. `build` adds the sheets and rows; the file is sent as it is made (the
 * caller returns the stream as the response body). A failure in `build` destroys the stream.
 */
export function streamWorkbook(
  build: (book: WorkbookWriter) => Promise<void> | void,
  options: { createdAt?: Date } = {},
): Readable {
  const out = new PassThrough();
  void (async () => {
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: true,
    });
    workbook.creator = '大树 Dashu';
    // A file made again from the same data says the same in its properties (a frozen daily report).
    if (options.createdAt) {
      workbook.created = options.createdAt;
      workbook.modified = options.createdAt;
    }
    // Rows and sheets are committed (written out, then forgotten) as soon as the next one starts; the
    // last row is kept open so the caller can still touch it.
    let openRow: ExcelJS.Row | null = null;
    let openSheet: ExcelJS.Worksheet | null = null;
    let written = 0;
    const closeSheet = () => {
      openRow?.commit();
      openSheet?.commit();
      openRow = null;
      openSheet = null;
    };
    const book: WorkbookWriter = {
      sheet<Row>(name: string, columns: ReadonlyArray<Column<Row>>, options: SheetOptions = {}) {
        closeSheet();
        const notes = options.notes ?? [];
        const groups = options.headerGroups;
        const headerRow = (notes.length > 0 ? notes.length + 2 : 1) + (groups ? 1 : 0);
        const sheet = workbook.addWorksheet(name, {
          views: [{ state: 'frozen', ySplit: headerRow, xSplit: options.freezeColumns ?? 0 }],
        });
        sheet.columns = columns.map((column) => {
          const kind = column.kind ?? 'text';
          const width = column.width ?? Math.max(MIN_WIDTHS[kind], displayWidth(column.header) + 2);
          const numFmt = FORMATS[kind];
          return { width, style: { ...(numFmt ? { numFmt } : {}), ...column.style } };
        });
        // Notes spill over the empty cells to their right; one blank line parts them from the table.
        for (const note of notes) sheet.addRow([note]).commit();
        if (notes.length > 0) sheet.addRow([]).commit();
        if (groups) {
          const groupRow = sheet.addRow(columns.map((_, i) => groups[i] ?? ''));
          styleHeader(groupRow, columns);
          groupRow.alignment = { vertical: 'middle', horizontal: 'center' };
          const rowNumber = groupRow.number;
          for (let start = 0; start < columns.length; ) {
            let end = start;
            while (end + 1 < columns.length && groups[start] && groups[end + 1] === groups[start]) end += 1;
            if (end > start) sheet.mergeCells(rowNumber, start + 1, rowNumber, end + 1);
            start = end + 1;
          }
          groupRow.commit();
        }
        const header = sheet.addRow(columns.map((column) => column.header));
        styleHeader(header, columns);
        openSheet = sheet;
        openRow = header;
        return {
          add(row: Row) {
            openRow?.commit();
            const values = columns.map((column) => cellValue(column.kind ?? 'text', column.value(row)));
            openRow = sheet.addRow(values);
            written += 1;
            return openRow;
          },
          dropdown(range: string, choices: readonly string[]) {
            // One validation for the whole range, through the untyped API: per-cell validations are
            // merged by exceljs into overlapping ranges past row 9, which Excel may flag as damage.
            (sheet as unknown as RangeValidations).dataValidations.add(range, {
              type: 'list',
              allowBlank: true,
              formulae: [`"${choices.join(',')}"`],
              showErrorMessage: false,
            });
          },
        };
      },
      async breathe() {
        if (written % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
      },
    };
    await build(book);
    closeSheet();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** The whole file in memory: for the command line, CSV-sized templates and tests. */
export async function workbookBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
