// What a roster row may not do without a person's say (issue 13): rename someone the registry knows
// under the same ID, add a second 户主 to a door, store a phone typed to fill the cell.
import { maskPhone } from '../../../shared/identity';
import type { PreviewRow } from '../../../shared/imports/import-preview';
import type { Vault } from '../../privacy/vault';
import type { ResidentRow } from '../people/people.repo';
import { isPlaceholderPhone } from './roster/placeholder-phone';
import type { RosterRow } from './roster/validate-roster-row';

type Conflict = PreviewRow['conflicts'][number];
type Head = { hash: string; name: string; rowNumber: number | null };

// Spacing and letter case are typing differences (the same rule as merging rows within a file).
const comparableName = (name: string) => name.replace(/\s+/g, '').toLowerCase();

/**
 * The heads each door will have after the import: registry heads the file does not mention stay; every
 * row that is (or stays) 本人 joins its door.
 */
export class HeadCount {
  private readonly byDoor = new Map<string, Head[]>();

  constructor(
    registryHeads: Array<{ doorKey: string | null; docHash: string; name: string }>,
    fileHashes: Set<string>,
  ) {
    for (const head of registryHeads) {
      if (head.doorKey === null || fileHashes.has(head.docHash)) continue;
      this.push(head.doorKey, { hash: head.docHash, name: head.name, rowNumber: null });
    }
  }

  private push(doorKey: string, head: Head) {
    const list = this.byDoor.get(doorKey);
    if (list) list.push(head);
    else this.byDoor.set(doorKey, [head]);
  }

  addRow(doorKey: string, hash: string, name: string, rowNumber: number) {
    this.push(doorKey, { hash, name, rowNumber });
  }

  others(doorKey: string, hash: string): Head[] {
    return (this.byDoor.get(doorKey) ?? []).filter((head) => head.hash !== hash);
  }
}

export function conflictsOf(input: {
  row: RosterRow;
  current: ResidentRow | undefined;
  householdId: number;
  doorKey: string;
  hash: string;
  heads: HeadCount;
  vault: Vault;
}): Conflict[] {
  const { row, current, householdId, doorKey, hash, heads, vault } = input;
  const out: Conflict[] = [];
  if (current && comparableName(current.name) !== comparableName(row.name))
    out.push({ kind: 'registry_name', detail: current.name });
  const relation = row.relationToHead ?? current?.relationToHead ?? 'other';
  // A head already recorded at this very door is not news: only a row that makes someone head is asked.
  const alreadyHead = current?.relationToHead === 'self' && current.householdId === householdId;
  const others = relation === 'self' ? heads.others(doorKey, hash) : [];
  if (others.length > 0 && !alreadyHead) {
    const names = others.map((h) => (h.rowNumber === null ? h.name : `${h.name}（第${h.rowNumber}行）`));
    out.push({ kind: 'second_head', detail: names.join('、') });
  }
  if (row.phone && isPlaceholderPhone(row.phone) && current?.phoneHash !== vault.hash(row.phone))
    out.push({ kind: 'placeholder_phone', detail: maskPhone(row.phone) });
  return out;
}
