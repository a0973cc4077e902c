// Pure part of the household roster import: reading uploads, validating rows, merging duplicates and
// writing the template and the rejected-rows report. Nothing here touches the database.

export * from '../../../../shared/people/people-enums';
export { cellText, numberText } from '../../../files/cell-text';
export {
  type MergedRosterEntry,
  type MergeOutcome,
  mergeDuplicates,
  mergeRosterRows,
  RosterDuplicateMerger,
  type RosterEntry,
} from './merge-duplicates';
export {
  HEADER_SEARCH_ROWS,
  RosterFileError,
  type RosterFileErrorCode,
  type RosterFormat,
  type RosterRecord,
  readRosterRows,
} from './read-roster';
export {
  COLUMN_BY_KEY,
  columnHeader,
  findColumnKey,
  ROSTER_COLUMN_KEYS,
  ROSTER_COLUMNS,
  type RosterColumn,
  type RosterColumnKey,
} from './roster-columns';
export {
  INSTRUCTIONS_SHEET,
  REASONS_HEADER,
  REJECTED_SHEET,
  type RejectedRow,
  ROW_NUMBER_HEADER,
  TEMPLATE_SHEET,
  writeRejectedRowsWorkbook,
  writeRosterTemplate,
} from './roster-workbook';
export {
  type Bilingual,
  type ColumnMap,
  EXCEL_DAMAGED_ID,
  type HeaderMapping,
  hasRosterData,
  mapHeader,
  missingColumnsMessage,
  type RosterRow,
  type RowValidation,
  unrecognisedColumnsMessage,
  validateRosterRow,
} from './validate-roster-row';
