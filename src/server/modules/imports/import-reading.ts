// Reading an uploaded roster before anything is written: the header, each row's checks, duplicates within
// the file. The import job (imports.service.ts) writes what this keeps.
import type { Readable } from 'node:stream';
import { AppError } from '../../http/app-error';
import type { ImportProgress } from './imports.service';
import { RosterDuplicateMerger } from './roster/merge-duplicates';
import type { RosterFormat } from './roster/read-roster';
import { TEMPLATE_EXAMPLE_NOTE } from './roster/roster-template-text';
import { hasRosterData, mapHeader, validateRosterRow } from './roster/validate-roster-row';

export type Rejected = { rowNumber: number; cells: string[]; reasons: string[] };

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
 * validated one by one, duplicates within the file merged; what is refused comes back with its reasons.
 */
export async function readAndValidate(stream: Readable, format: RosterFormat, progress: ImportProgress) {
  const { RosterFileError, readRosterRows } = await import('./roster/read-roster');
  let columns: ReturnType<typeof mapHeader> | undefined;
  let header: string[] = [];
  const merger = new RosterDuplicateMerger();
  const rejected: Rejected[] = [];
  try {
    for await (const record of readRosterRows({ stream, format })) {
      if ('header' in record) {
        header = record.header;
        columns = mapHeader(header);
        if (!columns.ok) throw badHeader(columns.missing, columns.unrecognisedColumns);
        continue;
      }
      if (!columns?.ok || !hasRosterData(record.cells, columns.columns)) continue;
      progress.processedRows += 1;
      const checked = validateRosterRow(record.cells, columns.columns);
      // The template's example people (fictional IDs) must not land in a real registry.
      if (checked.ok && checked.row.notes === TEMPLATE_EXAMPLE_NOTE) continue;
      if (!checked.ok) {
        rejected.push({ rowNumber: record.rowNumber, cells: record.cells, reasons: checked.reasons });
        continue;
      }
      const merged = merger.add({ rowNumber: record.rowNumber, cells: record.cells, row: checked.row });
      if (!merged.ok)
        rejected.push({ rowNumber: record.rowNumber, cells: record.cells, reasons: [merged.reason] });
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
  return { header, entries: merger.results(), rejected };
}
