/**
 * "东风苑 3–8号楼": the number a building is called by, and the buildings of a compound within a range of
 * those numbers. Staff assign a sweep by compound and ranges; a building without a number (平房一区, 综合楼)
 * is taken only when no range is given.
 */
export function buildingNumber(name: string): number | null {
  const found = /^0*(\d+)\s*(?:号楼|号|#楼|#|栋|幢)?$/.exec(name.trim());
  return found ? Number(found[1]) : null;
}

export function buildingsInRange<T extends { buildingName: string }>(
  buildings: readonly T[],
  from?: number | null,
  to?: number | null,
): T[] {
  if (from == null && to == null) return [...buildings];
  return buildings.filter((b) => {
    const n = buildingNumber(b.buildingName);
    return n !== null && (from == null || n >= from) && (to == null || n <= to);
  });
}
