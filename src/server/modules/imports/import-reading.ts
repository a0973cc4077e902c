// Reading an uploaded roster before anything is written: the header, each row's checks, duplicates within
// the file. The import job (imports.service.ts) writes what this keeps.
import type { Readable } from 'node:stream';
import { AppError } from '../../http/app-error';
import type { ImportProgress } from './imports.service';
import { RosterDuplicateMerger } from './roster/merge-duplicates';
import type { RosterFormat } from './roster/read-roster';
import { TEMPLATE_EXAMPLE_NOTE } from './roster/roster-template-text';
import { hasRosterData, mapHeader, validateRosterRow } from './roster/validate-roster-row';

export type Rejected = { rowNumber: number; cells: string[]; reasons: string[]; name?: string };
/** A row whose ID an earlier row names under another name: a conflict only the uploader can settle. */
export type FileConflict = Rejected & { docNumber: string; otherName: string };

/** What the header lacks, and beside it what was not recognised (often the missing column, renamed). */
function badHeader(missing: readonly string[], unrecognised: readonly string[]) {
  return unrecognised.length === 0
    ? new AppError('import_bad_header', { missing: missing.join('、') })
    : new AppError('import_bad_header_unrecognised', {
        missing: missing.join('、'),
        unrecognised: unrecognised.map((column) => `“${column}”`).join('、'),
      });
}

/**
 * Reads a roster file and checks every row: the header mapped (or refused with what it lacks), rows
 * validated one by one, duplicates within the file merged; what is refused comes back with its reasons,
 * and a second name for one ID as a conflict. The preview and the import both start here.
 */
export async function readAndValidate(stream: Readable, format: RosterFormat, progress: ImportProgress) {
  const { RosterFileError, readRosterRows } = await import('./roster/read-roster');
  let columns: ReturnType<typeof mapHeader> | undefined;
  let header: string[] = [];
  const merger = new RosterDuplicateMerger();
  const rejected: Rejected[] = [];
  const fileConflicts: FileConflict[] = [];
  let unrecognisedColumns: string[] = [];
  try {
    for await (const record of readRosterRows({ stream, format })) {
      if ('header' in record) {
        header = record.header;
        columns = mapHeader(header);
        if (!columns.ok) throw badHeader(columns.missing, columns.unrecognisedColumns);
        unrecognisedColumns = columns.unrecognisedColumns;
        continue;
      }
      if (!columns?.ok || !hasRosterData(record.cells, columns.columns)) continue;
      progress.processedRows += 1;
      const checked = validateRosterRow(record.cells, columns.columns);
      // The template's example people (fictional IDs) must not land in a real registry.
      if (checked.ok && checked.row.notes === TEMPLATE_EXAMPLE_NOTE) continue;
      if (!checked.ok) {
        const name = (record.cells[columns.columns.name ?? -1] ?? '').trim();
        rejected.push({ rowNumber: record.rowNumber, cells: record.cells, reasons: checked.reasons, name });
        continue;
      }
      const merged = merger.add({ rowNumber: record.rowNumber, cells: record.cells, row: checked.row });
      if (!merged.ok)
        fileConflicts.push({
          rowNumber: record.rowNumber,
          cells: record.cells,
          reasons: [merged.reason],
          name: checked.row.name,
          docNumber: checked.row.docNumber,
          otherName: `${merged.otherName}（第${merged.otherRow}行）`,
        });
    }
  } catch (error) {
    if (error instanceof RosterFileError) {
      // The likeliest header row's own lacks: never a column that is there (it used to name 姓名 always).
      if (error.code === 'header_not_found') throw badHeader(error.missing, error.unrecognisedColumns);
      throw new AppError('import_unreadable', { detail: error.message });
    }
    throw error;
  }
  if (!columns) throw badHeader(['姓名', '证件号码'], []);
  return { header, entries: merger.results(), rejected, fileConflicts, unrecognisedColumns };
}
