/**
 * How a building and a household are named everywhere (lists, grids, progress, addresses, exports): with
 * their compound, because one community has several compounds each with its own "1号楼" — "1号楼" alone
 * names five places in 紫萝园社区. A bungalow area (平房区) is named like a building, under its compound
 * when it has one. Everything that shows an address goes through these two functions.
 */
export type AddressParts = {
  compoundName?: string | null;
  buildingName?: string | null;
  entranceName?: string | null;
  room?: string | null;
};

/** "东风苑 1号楼"; a building straight under the community keeps its own name. */
export function buildingLabel(b: { compoundName?: string | null; buildingName?: string | null }): string {
  return [b.compoundName, b.buildingName].filter(Boolean).join(' ');
}

/** "东风苑 1号楼 2单元 301". */
export function addressLabel(h: AddressParts): string {
  return [h.compoundName, h.buildingName, h.entranceName, h.room].filter(Boolean).join(' ');
}
