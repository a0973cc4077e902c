import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from './roster-columns';
import { TEMPLATE_CHOICES, TEMPLATE_NOTES, templateExampleRows } from './roster-template-text';

export const TEMPLATE_SHEET = '居民花名册';
export const INSTRUCTIONS_SHEET = '填写说明';
export const REJECTED_SHEET = '未导入的行';
export const ROW_NUMBER_HEADER = '原行号';
export const REASONS_HEADER = '错误原因';

// '@' is Excel's Text format: what is typed stays exactly as typed (no 1.1E+17, no dropped leading 0,
// no '3-12' turning into 12 March).
const TEXT_FORMAT = '@';
// Rows offered the dropdowns. The text format is a column style, so it covers every row.
const TEMPLATE_ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
const REASON_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } };
const RED = { argb: 'FFC00000' };

const bufferOf = async (workbook: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from(await workbook.xlsx.writeBuffer());

// East Asian wide characters (CJK, Hangul, full-width forms) take two character cells in Excel.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width in Excel character units. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/**
 * One validation for a whole range. Per-cell validations (the typed API) are merged by exceljs into
 * overlapping ranges when the rows pass 9 (it sorts 'B10' before 'B2'), which Excel may flag as damage.
 */
function addDropdown(sheet: ExcelJS.Worksheet, range: string, choices: readonly string[]): void {
  (sheet as unknown as RangeValidations).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    // Typed synonyms (户主, 身份证, 台胞证 …) are accepted by the import, so Excel must not refuse them.
    showErrorMessage: false,
  });
}

function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.columns = [{ width: 14 }, { width: 10 }, { width: 60 }, { width: 60 }];
  // Notes are single long lines that spill over the empty cells to their right.
  for (const note of TEMPLATE_NOTES) sheet.addRow([note]);
  sheet.addRow([]);
  styleHeaderRow(sheet.addRow(['列名', '是否必填', '填写说明', '可以填写的内容']));
  for (const column of ROSTER_COLUMNS) {
    const row = sheet.addRow([
      column.header,
      column.required ? '必填' : '选填',
      column.help,
      TEMPLATE_CHOICES[column.key]?.join('、') ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (column.required) row.getCell(2).font = { color: RED, bold: true };
  }
}

/**
 * Blank roster to fill in: the header, two example rows and, for xlsx, text-formatted columns,
 * dropdowns for the enumerated columns and an instructions sheet. CSV gets a UTF-8 BOM so that Excel
 * shows the Chinese correctly when opening it.
 */
export async function writeRosterTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  const header = ROSTER_COLUMNS.map((column) => column.header);
  const examples = templateExampleRows();
  if (format === 'csv') {
    const lines = [header, ...examples].map((cells) => cells.map(csvField).join(','));
    return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((column) => ({
    key: column.key,
    width: column.width,
    style: { numFmt: TEXT_FORMAT },
  }));
  const headerRow = sheet.addRow(header);
  styleHeaderRow(headerRow);
  ROSTER_COLUMNS.forEach((column, index) => {
    if (column.required) headerRow.getCell(index + 1).font = { bold: true, color: RED };
  });
  for (const example of examples) sheet.addRow(example);
  ROSTER_COLUMNS.forEach((column, index) => {
    const choices = TEMPLATE_CHOICES[column.key];
    // Tags take several values per cell, which a dropdown cannot express.
    if (!choices || column.key === 'tags') return;
    const letter = sheet.getColumn(index + 1).letter;
    addDropdown(sheet, `${letter}2:${letter}${TEMPLATE_ROWS}`, choices);
  });
  addInstructions(workbook);
  return bufferOf(workbook);
}

export type RejectedRow = { rowNumber: number; cells: string[]; reasons: string[] };

/**
 * The rows that were not imported, as uploaded, with the row number and the reasons in front so they are
 * seen first. Columns 原行号/错误原因 left over from an earlier report are dropped, so the fixed file can
 * be uploaded again, and downloaded again, without piling them up.
 */
export async function writeRejectedRowsWorkbook(header: string[], rows: RejectedRow[]): Promise<Buffer> {
  const reportColumns = new Set([ROW_NUMBER_HEADER, REASONS_HEADER]);
  // reduce, not Math.max(...spread): a report can hold more rows than a call may take arguments.
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), header.length);
  const kept = Array.from({ length: width }, (_, index) => index).filter(
    (index) => !reportColumns.has((header[index] ?? '').trim()),
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(REJECTED_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const widths = kept.map((index) => displayWidth(header[index] ?? ''));
  sheet.columns = [{ width: 8 }, { width: 50 }, ...kept.map(() => ({ style: { numFmt: TEXT_FORMAT } }))];
  styleHeaderRow(
    sheet.addRow([ROW_NUMBER_HEADER, REASONS_HEADER, ...kept.map((index) => header[index] ?? '')]),
  );
  for (const rejected of rows) {
    const values = kept.map((index) => rejected.cells[index] ?? '');
    values.forEach((value, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(value));
    });
    const row = sheet.addRow([rejected.rowNumber, rejected.reasons.join('\n'), ...values]);
    row.alignment = { vertical: 'top' };
    const reasons = row.getCell(2);
    reasons.font = { color: RED };
    reasons.fill = REASON_FILL;
    reasons.alignment = { wrapText: true, vertical: 'top' };
  }
  widths.forEach((contentWidth, i) => {
    sheet.getColumn(i + 3).width = Math.min(40, Math.max(8, contentWidth + 2));
  });
  return bufferOf(workbook);
}
