/**
 * Buildings grouped by their compound (小区/院), keeping the order they came in (the server sorts by
 * compound, then building). The building grid and sweep progress show one group per compound, so five
 * "1号楼" tiles sit under five compound headings. Buildings straight under the community share one group
 * whose compound is null.
 */
export type CompoundGroup<T> = {
  key: string;
  compoundId: number | null;
  compoundName: string | null;
  items: T[];
};

/** A stable key for a compound, also for "no compound" (a filter's value must not be null). */
export const compoundKey = (compoundId: number | null) => (compoundId === null ? 'none' : String(compoundId));

export function groupByCompound<T extends { compoundId: number | null; compoundName: string | null }>(
  items: readonly T[],
): CompoundGroup<T>[] {
  const groups = new Map<string, CompoundGroup<T>>();
  for (const item of items) {
    const key = compoundKey(item.compoundId);
    const group = groups.get(key) ?? {
      key,
      compoundId: item.compoundId,
      compoundName: item.compoundName,
      items: [],
    };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
