import type { DbOrTx } from '../../db/database';
import type { Vault } from '../../privacy/vault';
import type { ResidentRow } from '../people/people.repo';
import { sealIdentity, sealPhone } from '../people/people.service';
import { insertMovesBulk, insertResidentsBulk, type ResidentInsert } from '../people/people-bulk.repo';
import { findPlace, insertChildPlace } from '../places/places.repo';
import * as repo from './imports.repo';
import type { MergedRosterEntry } from './roster/merge-duplicates';
import type { RosterRow } from './roster/validate-roster-row';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  placesCreated: number;
}

type PlaceRef = { id: number; parentId: number | null; kind: string; name: string };
const doorKey = (buildingId: number, entranceId: number | null, room: string) =>
  `${buildingId}|${entranceId ?? 0}|${room}`;

/**
 * Finds places by name inside one community, creating the missing ones. A roster names buildings the
 * way staff say them ('3号楼'); a building missing from the tree is created rather than rejecting every
 * row of it, and the count is reported so a typo shows up as an unexpected new building.
 */
class PlaceResolver {
  created = 0;
  private readonly byParentAndName = new Map<string, PlaceRef>();

  constructor(
    private readonly tx: DbOrTx,
    private readonly communityId: number,
    existing: PlaceRef[],
  ) {
    for (const place of existing) this.byParentAndName.set(`${place.parentId}|${place.name}`, place);
  }

  private async child(parentId: number, kind: string, name: string): Promise<PlaceRef> {
    const key = `${parentId}|${name}`;
    const found = this.byParentAndName.get(key);
    if (found) return found;
    const parent = await findPlace(this.tx, parentId);
    if (!parent) throw new Error(`place ${parentId} vanished during import`);
    const row = await insertChildPlace(this.tx, parent, { kind, name });
    this.created += 1;
    const ref = { id: row.id, parentId, kind, name };
    this.byParentAndName.set(key, ref);
    return ref;
  }

  /** A building named without a compound is looked up anywhere in the community before one is created. */
  private findBuildingAnywhere(name: string): PlaceRef | undefined {
    for (const place of this.byParentAndName.values()) {
      if ((place.kind === 'building' || place.kind === 'bungalow_area') && place.name === name) return place;
    }
    return undefined;
  }

  async door(row: RosterRow): Promise<{ buildingId: number; entranceId: number | null }> {
    const kind = /平房/.test(row.building) ? 'bungalow_area' : 'building';
    let building: PlaceRef;
    if (row.compound) {
      const compound = await this.child(this.communityId, 'compound', row.compound);
      building = await this.child(compound.id, kind, row.building);
    } else {
      building =
        this.findBuildingAnywhere(row.building) ?? (await this.child(this.communityId, kind, row.building));
    }
    const entrance =
      row.entrance && building.kind === 'building'
        ? await this.child(building.id, 'entrance', row.entrance)
        : null;
    return { buildingId: building.id, entranceId: entrance?.id ?? null };
  }
}

function sameTags(a: string[], b: string[]) {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** The fields an import would change on an existing resident; empty when the row says nothing new. */
function changesFor(existing: ResidentRow, row: RosterRow, householdId: number, vault: Vault) {
  const changes: Record<string, unknown> = {};
  if (existing.name !== row.name) changes.name = row.name;
  if (row.gender && existing.gender !== row.gender) changes.gender = row.gender;
  if (row.birthDate && existing.birthDate !== row.birthDate) changes.birthDate = row.birthDate;
  if (row.phone && existing.phoneHash !== vault.hash(row.phone)) {
    Object.assign(changes, sealPhone(vault, row.phone));
  }
  if (row.relationToHead && existing.relationToHead !== row.relationToHead)
    changes.relationToHead = row.relationToHead;
  if (row.residenceType && existing.residenceType !== row.residenceType)
    changes.residenceType = row.residenceType;
  if (row.tags.length > 0 && !sameTags(existing.tags, row.tags)) changes.tags = row.tags;
  if (row.notes && existing.notes !== row.notes) changes.notes = row.notes;
  if (existing.householdId !== householdId) changes.householdId = householdId;
  if (existing.movedOutAt) changes.movedOutAt = null;
  return changes;
}

/** Writes merged roster rows into one community inside the caller's transaction (upsert by ID hash). */
export async function writeRoster(
  tx: DbOrTx,
  vault: Vault,
  communityId: number,
  entries: MergedRosterEntry[],
  actorId: number | null,
  onProgress: (written: number) => void,
): Promise<WriteCounts> {
  const places = new PlaceResolver(tx, communityId, await repo.communityPlaces(tx, communityId));
  const doors = new Map(
    (await repo.communityDoors(tx, communityId)).map((d) => [
      doorKey(d.buildingId, d.entranceId, d.room),
      d.id,
    ]),
  );
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0, placesCreated: 0 };

  // Doors first, all at once: households are shared by several rows.
  const located = [];
  const missingDoors = new Map<
    string,
    { buildingId: number; entranceId: number | null; room: string; floor: number | null }
  >();
  for (const entry of entries) {
    const door = await places.door(entry.row);
    const key = doorKey(door.buildingId, door.entranceId, entry.row.room);
    if (!doors.has(key)) missingDoors.set(key, { ...door, room: entry.row.room, floor: entry.row.floor });
    located.push({ entry, key });
  }
  const createdDoors = await repo.insertHouseholds(
    tx,
    [...missingDoors.values()].map((d) => ({ ...d, communityId })),
  );
  for (const d of createdDoors) doors.set(doorKey(d.buildingId, d.entranceId, d.room), d.id);

  for (let i = 0; i < located.length; i += 500) {
    const slice = located.slice(i, i + 500);
    const hashes = slice.map(({ entry }) => vault.hash(entry.row.docNumber));
    const existing = new Map(
      (await repo.residentsByHash(tx, communityId, hashes)).map((r) => [r.docHash, r]),
    );
    const fresh: ResidentInsert[] = [];
    const moved: number[] = [];
    const moves: Parameters<typeof insertMovesBulk>[1] = [];
    for (const [index, { entry, key }] of slice.entries()) {
      const householdId = doors.get(key) as number;
      const row = entry.row;
      const current = existing.get(hashes[index] as string);
      if (!current) {
        fresh.push({
          communityId,
          householdId,
          name: row.name,
          gender: row.gender,
          birthDate: row.birthDate,
          docType: row.docType,
          ...sealIdentity(vault, row.docNumber, row.phone),
          relationToHead: row.relationToHead ?? 'other',
          residenceType: row.residenceType ?? 'registered',
          tags: row.tags,
          notes: row.notes,
        });
        continue;
      }
      const changes = changesFor(current, row, householdId, vault);
      if (Object.keys(changes).length === 0) {
        counts.unchanged += 1;
        continue;
      }
      await repo.updateResidentFields(tx, current.id, changes);
      counts.updated += 1;
      if ('householdId' in changes) {
        moved.push(current.id);
        moves.push({
          communityId,
          residentId: current.id,
          householdId,
          reason: '名册导入',
          byAccountId: actorId,
        });
      }
    }
    const inserted = await insertResidentsBulk(tx, fresh);
    counts.inserted += inserted.length;
    await repo.closeMoves(tx, moved);
    const reason = '名册导入';
    await insertMovesBulk(tx, [
      ...moves,
      ...inserted.map((r) => ({
        communityId,
        residentId: r.id,
        householdId: r.householdId,
        reason,
        byAccountId: actorId,
      })),
    ]);
    onProgress(Math.min(i + 500, located.length));
  }
  counts.placesCreated = places.created;
  return counts;
}
