// Test-only: what every workbook Dashu writes must look like. Never import from runtime code.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { HEADER_FILL } from './workbook';

export async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer flavour; the runtime accepts any Node Buffer.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The header row bold and shaded, kept in view (frozen right below it), every header cell filled in. */
export function expectHouseStyle(sheet: ExcelJS.Worksheet | undefined, headerRow = 1): ExcelJS.Worksheet {
  if (!sheet) throw new Error('no such sheet');
  const header = sheet.getRow(headerRow);
  expect(header.cellCount).toBeGreaterThan(0);
  header.eachCell({ includeEmpty: true }, (cell) => {
    expect(cell.font?.bold, `${sheet.name} ${cell.address} bold`).toBe(true);
    expect(cell.fill, `${sheet.name} ${cell.address} shaded`).toEqual(HEADER_FILL);
    expect(String(cell.value ?? '').length, `${sheet.name} ${cell.address} named`).toBeGreaterThan(0);
  });
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  return sheet;
}

/** The column whose header (in `headerRow`) is `name`, 1-based. */
export function columnOf(sheet: ExcelJS.Worksheet, name: string, headerRow = 1): number {
  let found = 0;
  sheet.getRow(headerRow).eachCell((cell, column) => {
    if (cell.value === name) found = column;
  });
  if (!found) throw new Error(`no column ${name} in ${sheet.name}`);
  return found;
}
