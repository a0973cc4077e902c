// Collects what an import does, row by row, as the roster writer decides it: the preview shows it before
// anything is written, and its hash lets the confirmed import refuse when the registry changed meanwhile.
import { createHash } from 'node:crypto';
import { maskIdNumber } from '../../../shared/identity';
import {
  CONFLICT_ROW_LIMIT,
  type ConflictKind,
  PREVIEW_CATEGORIES,
  PREVIEW_ROW_LIMIT,
  type PreviewCategory,
  type PreviewRow,
  type RosterPreview,
} from '../../../shared/imports/import-preview';
import type { Rejected } from './import-reading';

export type PreviewInput = Partial<PreviewRow> & { rowNumber: number };

/** The reason stored with a conflict left unimported (the rejected-rows workbook shows it). */
export const CONFLICT_REASONS: Record<ConflictKind, string> = {
  file_name: '证件号码与文件中前面一行相同但姓名不同，请核对后改正',
  registry_name: '证件号码已登记在另一个姓名下，未确认不会改名',
  second_head: '同一户已有户主，未确认不会导入第二个户主',
  placeholder_phone: '手机号像是占位号码，未确认不会导入',
};

/** A preview of nothing (test targets stand on it). */
export function emptyPreview(): RosterPreview {
  return new PreviewCollector().preview();
}

export class PreviewCollector {
  private readonly counts = Object.fromEntries(PREVIEW_CATEGORIES.map((c) => [c, 0])) as Record<
    PreviewCategory,
    number
  >;
  private readonly rows = Object.fromEntries(PREVIEW_CATEGORIES.map((c) => [c, []])) as unknown as Record<
    PreviewCategory,
    PreviewRow[]
  >;
  private readonly digest = createHash('sha256');
  placesCreated = 0;

  constructor(private readonly unrecognisedColumns: string[] = []) {}

  /**
   * One decision. The hash takes the row, the category, the changes and the conflict kinds — no
   * ids (a preview invents them) and nothing the user chooses, so a re-run on an unchanged registry
   * gives the same hash.
   */
  add(category: PreviewCategory, input: PreviewInput) {
    this.counts[category] += 1;
    // Values too (as shown, masked): a phone changed behind the preview's back changes the hash.
    const fields = JSON.stringify(input.changes ?? []);
    const kinds = (input.conflicts ?? []).map((c) => c.kind).join(',');
    this.digest.update(`${input.rowNumber}:${category}:${fields}:${kinds}:${input.fromDoor ?? ''}\n`);
    const limit = category === 'conflict' ? CONFLICT_ROW_LIMIT : PREVIEW_ROW_LIMIT;
    if (this.rows[category].length >= limit) return;
    this.rows[category].push({
      rowNumbers: [],
      name: '',
      doc: '',
      door: '',
      fromDoor: null,
      changes: [],
      conflicts: [],
      acceptable: false,
      reasons: [],
      ...input,
    });
  }

  rejected(rows: Rejected[]) {
    for (const r of rows)
      this.add('rejected', { rowNumber: r.rowNumber, name: r.name ?? '', reasons: r.reasons });
  }

  /** Rows naming an ID an earlier row names under another name: the file must be fixed. */
  fileConflicts(rows: Array<Rejected & { docNumber: string; otherName: string }>) {
    for (const r of rows)
      this.add('conflict', {
        rowNumber: r.rowNumber,
        name: r.name ?? '',
        doc: maskIdNumber(r.docNumber),
        conflicts: [{ kind: 'file_name', detail: r.otherName }],
        reasons: r.reasons,
      });
  }

  hash(): string {
    return this.digest.copy().digest('hex');
  }

  preview(): RosterPreview {
    return {
      counts: { ...this.counts },
      rows: this.rows,
      unrecognisedColumns: this.unrecognisedColumns,
      placesCreated: this.placesCreated,
    };
  }
}
