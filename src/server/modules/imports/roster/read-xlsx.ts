import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from '../../../files/cell-text';

export type RawRow = { rowNumber: number; cells: string[] };

type SheetEntry = { id?: unknown; state?: unknown };

/**
 * The sheet people look at when they open the file: the first tab that is not hidden. Templates often put
 * dropdown lists on a hidden first sheet. Returns undefined when the workbook part has not been seen yet
 * (it normally precedes the sheets in the zip), in which case the first sheet streamed is used.
 */
function firstVisibleSheetId(reader: ExcelJS.stream.xlsx.WorkbookReader): unknown {
  const sheets: unknown = (reader as { model?: { sheets?: unknown } }).model?.sheets;
  if (!Array.isArray(sheets)) return undefined;
  const visible = (sheets as SheetEntry[]).find(
    (sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden',
  );
  return visible?.id;
}

/**
 * Streams the rows of the first visible worksheet. Rows are numbered as Excel shows them; empty rows are
 * absent from the file and so simply skipped. Cell texts are trimmed; missing cells are ''. Date cells are
 * 'YYYY-MM-DD'; with `keepTime` a cell with a time of day is 'YYYY-MM-DD HH:MM' (a 12345 order's 来电时间).
 */
export async function* readXlsxRows(stream: Readable, { keepTime = false } = {}): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles carry the number formats, without which date cells arrive as bare serial numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let done = false;
  for await (const sheet of reader) {
    // Later sheets are not read, but the loop goes on so the zip (and the upload stream) is drained.
    if (done) continue;
    const wanted = firstVisibleSheetId(reader);
    // Ids are numbers once matched to the workbook part; compare as text in case a sheet was not matched.
    if (wanted !== undefined && String((sheet as { id?: unknown }).id) !== String(wanted)) continue;
    done = true;
    for await (const row of sheet) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cellText(cell.value, cell.numFmt, keepTime).trim();
      });
      yield { rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? '') };
    }
  }
}
