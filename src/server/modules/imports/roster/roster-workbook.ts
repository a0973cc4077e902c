import type { Readable } from 'node:stream';
import type { Style } from 'exceljs';
import {
  type Column,
  fitWidth,
  RED,
  streamWorkbook,
  TEXT_FORMAT,
  workbookBuffer,
} from '../../../files/workbook';
import { ROSTER_COLUMNS, type RosterColumn } from './roster-columns';
import { TEMPLATE_CHOICES, TEMPLATE_NOTES, templateExampleRows } from './roster-template-text';

export const TEMPLATE_SHEET = '居民花名册';
export const INSTRUCTIONS_SHEET = '填写说明';
export const REJECTED_SHEET = '未导入的行';
export const ROW_NUMBER_HEADER = '原行号';
export const REASONS_HEADER = '错误原因';

// Rows offered the dropdowns. The text format is a column style, so it covers every row.
const TEMPLATE_ROWS = 2000;
const REASON_STYLE: Partial<Style> = {
  font: { color: RED },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } },
  alignment: { wrapText: true, vertical: 'top' },
};
const TOP: Partial<Style> = { alignment: { vertical: 'top' } };

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** 'A'…'Z', 'AA'…: a column's letter for a range. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const INSTRUCTION_COLUMNS: ReadonlyArray<Column<RosterColumn>> = [
  { header: '列名', value: (c) => c.header, width: 14, style: TOP },
  { header: '是否必填', value: (c) => (c.required ? '必填' : '选填'), width: 10, style: TOP },
  {
    header: '填写说明',
    value: (c) => c.help,
    width: 60,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  },
  {
    header: '可以填写的内容',
    value: (c) => TEMPLATE_CHOICES[c.key]?.join('、') ?? '',
    width: 60,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  },
];

/**
 * Blank roster to fill in: the header, two example rows and, for xlsx, text-formatted columns (every
 * column: IDs, phones and door numbers stay as typed), dropdowns for the enumerated columns and an
 * instructions sheet. CSV gets a UTF-8 BOM so that Excel shows the Chinese correctly when opening it.
 */
export async function writeRosterTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  const examples = templateExampleRows();
  if (format === 'csv') {
    const header = ROSTER_COLUMNS.map((column) => column.header);
    const lines = [header, ...examples].map((cells) => cells.map(csvField).join(','));
    return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const columns: ReadonlyArray<Column<string[]>> = ROSTER_COLUMNS.map((column, index) => ({
    header: column.header,
    value: (row) => row[index],
    width: column.width,
    required: column.required,
  }));
  return workbookBuffer(
    streamWorkbook((book) => {
      const sheet = book.sheet(TEMPLATE_SHEET, columns);
      for (const example of examples) sheet.add(example);
      ROSTER_COLUMNS.forEach((column, index) => {
        const choices = TEMPLATE_CHOICES[column.key];
        // Tags take several values per cell, which a dropdown cannot express. Typed synonyms (户主,
        // 身份证, 台胞证 …) are accepted by the import, so the dropdown never refuses what is typed.
        if (!choices || column.key === 'tags') return;
        const letter = columnLetter(index + 1);
        sheet.dropdown(`${letter}2:${letter}${TEMPLATE_ROWS}`, choices);
      });
      const instructions = book.sheet(INSTRUCTIONS_SHEET, INSTRUCTION_COLUMNS, { notes: TEMPLATE_NOTES });
      for (const column of ROSTER_COLUMNS) {
        const row = instructions.add(column);
        if (column.required) row.getCell(2).font = { color: RED, bold: true };
      }
    }),
  );
}

export type RejectedRow = { rowNumber: number; cells: string[]; reasons: string[] };

/**
 * The rows that were not imported, as uploaded, with the row number and the reasons in front so they are
 * seen first. Columns 原行号/错误原因 left over from an earlier report are dropped, so the fixed file can
 * be uploaded again, and downloaded again, without piling them up. Every uploaded column is text.
 */
export function writeRejectedRowsWorkbook(header: string[], rows: readonly RejectedRow[]): Readable {
  const reportColumns = new Set([ROW_NUMBER_HEADER, REASONS_HEADER]);
  // reduce, not Math.max(...spread): a report can hold more rows than a call may take arguments.
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), header.length);
  const kept = Array.from({ length: width }, (_, index) => index).filter(
    (index) => !reportColumns.has((header[index] ?? '').trim()),
  );
  const columns: ReadonlyArray<Column<RejectedRow>> = [
    { header: ROW_NUMBER_HEADER, value: (r) => r.rowNumber, kind: 'number', width: 8, style: TOP },
    { header: REASONS_HEADER, value: (r) => r.reasons.join('\n'), width: 50, style: REASON_STYLE },
    ...kept.map(
      (index): Column<RejectedRow> => ({
        header: header[index] ?? '',
        value: (r) => r.cells[index] ?? '',
        // Streamed, so sized before the first row goes out: to the widest value of the column.
        width: fitWidth([header[index] ?? '', ...rows.map((r) => r.cells[index] ?? '')]),
        style: { ...TOP, numFmt: TEXT_FORMAT },
      }),
    ),
  ];
  return streamWorkbook(async (book) => {
    const sheet = book.sheet(REJECTED_SHEET, columns, { freezeColumns: 2 });
    for (const row of rows) {
      sheet.add(row);
      await book.breathe();
    }
  });
}
