import type { RosterRow } from './validate-roster-row';

export type RosterEntry = { rowNumber: number; cells: string[]; row: RosterRow };

/**
 * One person after merging. `rowNumber` and `cells` are those of the first row naming them (the row that
 * later conflicts are reported against); `rowNumbers` lists every row merged in.
 */
export type MergedRosterEntry = RosterEntry & { rowNumbers: number[] };

export type MergeOutcome =
  | { ok: true; merged: boolean }
  | { ok: false; reason: string; otherName: string; otherRow: number };

const identityKey = (row: RosterRow): string => `${row.docType}:${row.docNumber}`;

// Spacing and letter case are typing differences, not a different person ('Li Ming' / 'LI  MING').
const comparableName = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

function sameDoor(a: RosterRow, b: RosterRow): boolean {
  return a.building === b.building && a.room === b.room && (a.entrance === b.entrance || b.entrance === null);
}

/**
 * Later rows win field by field where they say something; the address moves as a whole, because mixing
 * one row's entrance with another row's building would invent a door that nobody wrote down. Only when
 * the later row names the same door are its blank compound and entrance filled from the earlier row.
 */
export function mergeRosterRows(earlier: RosterRow, later: RosterRow): RosterRow {
  const address = sameDoor(earlier, later)
    ? {
        compound: later.compound ?? earlier.compound,
        entrance: later.entrance ?? earlier.entrance,
      }
    : { compound: later.compound, entrance: later.entrance };
  return {
    name: later.name,
    gender: later.gender ?? earlier.gender,
    docType: later.docType,
    docNumber: later.docNumber,
    birthDate: later.birthDate ?? earlier.birthDate,
    phone: later.phone ?? earlier.phone,
    ...address,
    building: later.building,
    room: later.room,
    floor: later.floor,
    relationToHead: later.relationToHead ?? earlier.relationToHead,
    residenceType: later.residenceType ?? earlier.residenceType,
    tags: [...new Set([...earlier.tags, ...later.tags])],
    notes: later.notes ?? earlier.notes,
  };
}

/**
 * Collects the valid rows of one file, merging rows for the same document (docType + number). A row
 * whose name contradicts the earlier row is rejected: one of the two has a mistyped number or name, and
 * only the uploader can tell which. Memory grows with the number of distinct people in the file.
 */
export class RosterDuplicateMerger {
  private readonly entries = new Map<string, MergedRosterEntry>();

  add(entry: RosterEntry): MergeOutcome {
    const key = identityKey(entry.row);
    const existing = this.entries.get(key);
    if (!existing) {
      this.entries.set(key, { ...entry, rowNumbers: [entry.rowNumber] });
      return { ok: true, merged: false };
    }
    if (comparableName(existing.row.name) !== comparableName(entry.row.name)) {
      return {
        ok: false,
        reason: `与第${existing.rowNumber}行证件号码相同但姓名不同`,
        otherName: existing.row.name,
        otherRow: existing.rowNumber,
      };
    }
    existing.row = mergeRosterRows(existing.row, entry.row);
    existing.rowNumbers.push(entry.rowNumber);
    return { ok: true, merged: true };
  }

  /** Merged people in order of first appearance. */
  results(): MergedRosterEntry[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Convenience for whole-file processing: merges the rows and lists the rejected ones with their reason. */
export function mergeDuplicates(entries: Iterable<RosterEntry>): {
  rows: MergedRosterEntry[];
  rejected: Array<{ rowNumber: number; cells: string[]; reasons: string[] }>;
} {
  const merger = new RosterDuplicateMerger();
  const rejected: Array<{ rowNumber: number; cells: string[]; reasons: string[] }> = [];
  for (const entry of entries) {
    const outcome = merger.add(entry);
    if (!outcome.ok)
      rejected.push({ rowNumber: entry.rowNumber, cells: entry.cells, reasons: [outcome.reason] });
  }
  return { rows: merger.results(), rejected };
}
