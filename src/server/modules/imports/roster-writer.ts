import { maskIdNumber, maskPhone } from '../../../shared/identity';
import type { PreviewRow } from '../../../shared/imports/import-preview';
import type { DbOrTx } from '../../db/database';
import type { Vault } from '../../privacy/vault';
import type { ResidentRow } from '../people/people.repo';
import { sealIdentity, sealPhone } from '../people/people.service';
import { insertMovesBulk, insertResidentsBulk, type ResidentInsert } from '../people/people-bulk.repo';
import { findPlace, insertChildPlace } from '../places/places.repo';
import { CONFLICT_REASONS, type PreviewCollector } from './import-preview';
import type { Rejected } from './import-reading';
import * as repo from './imports.repo';
import type { MergedRosterEntry } from './roster/merge-duplicates';
import type { RosterRow } from './roster/validate-roster-row';
import { conflictsOf, HeadCount } from './roster-conflicts';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  placesCreated: number;
  /** Rows left unimported because of a conflict nobody accepted. */
  conflicts: number;
}

export interface WriteOptions {
  /** The preview: every decision taken, nothing written (places and doors get made-up ids). */
  dryRun?: boolean;
  /** Row numbers of conflicts the user chose to import, the file's version winning. */
  accepted?: ReadonlySet<number>;
  collector?: PreviewCollector;
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
  private readonly byId = new Map<number, PlaceRef>();

  constructor(
    private readonly tx: DbOrTx,
    private readonly communityId: number,
    existing: PlaceRef[],
    private readonly dryRun: boolean,
  ) {
    for (const place of existing) this.remember(place);
  }

  private remember(place: PlaceRef) {
    this.byParentAndName.set(`${place.parentId}|${place.name}`, place);
    this.byId.set(place.id, place);
  }

  /** '紫萝园 3号楼 1单元 101': the door as staff say it, for the preview. */
  label(buildingId: number, entranceId: number | null, room: string): string {
    const building = this.byId.get(buildingId);
    const compound = building?.parentId ? this.byId.get(building.parentId) : undefined;
    const entrance = entranceId === null ? undefined : this.byId.get(entranceId);
    return [compound?.kind === 'compound' ? compound.name : '', building?.name, entrance?.name, room]
      .filter(Boolean)
      .join(' ');
  }

  private async child(parentId: number, kind: string, name: string): Promise<PlaceRef> {
    const key = `${parentId}|${name}`;
    const found = this.byParentAndName.get(key);
    if (found) return found;
    if (this.dryRun) {
      // Made-up ids (negative, never a real row's) so the rest of the run decides as the import would.
      this.created += 1;
      const ref = { id: -this.created, parentId, kind, name };
      this.remember(ref);
      return ref;
    }
    const parent = await findPlace(this.tx, parentId);
    if (!parent) throw new Error(`place ${parentId} vanished during import`);
    const row = await insertChildPlace(this.tx, parent, { kind, name });
    this.created += 1;
    const ref = { id: row.id, parentId, kind, name };
    this.remember(ref);
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

/** The changes field by field for the preview: phones masked, birth dates hidden (they complete a masked ID). */
function describeChanges(existing: ResidentRow, row: RosterRow, changes: Record<string, unknown>) {
  const out: PreviewRow['changes'] = [];
  if ('name' in changes) out.push({ field: 'name', from: existing.name, to: row.name });
  if ('gender' in changes) out.push({ field: 'gender', from: existing.gender, to: row.gender });
  if ('birthDate' in changes) out.push({ field: 'birthDate', from: '****-**-**', to: '****-**-**' });
  if ('phoneHash' in changes)
    out.push({ field: 'phone', from: existing.phoneMasked, to: row.phone ? maskPhone(row.phone) : null });
  if ('relationToHead' in changes)
    out.push({ field: 'relationToHead', from: existing.relationToHead, to: row.relationToHead });
  if ('residenceType' in changes)
    out.push({ field: 'residenceType', from: existing.residenceType, to: row.residenceType });
  if ('tags' in changes) out.push({ field: 'tags', from: existing.tags.join('、'), to: row.tags.join('、') });
  if ('notes' in changes) out.push({ field: 'notes', from: existing.notes, to: row.notes });
  if ('movedOutAt' in changes) out.push({ field: 'movedOut', from: 'yes', to: null });
  return out;
}

/**
 * Writes merged roster rows into one community inside the caller's transaction (upsert by ID hash), or,
 * as a dry run, decides everything the same way and writes nothing: the preview is this function.
 * A conflict (roster-conflicts.ts) is held back unless its row was accepted.
 */
export async function writeRoster(
  tx: DbOrTx,
  vault: Vault,
  communityId: number,
  entries: MergedRosterEntry[],
  actorId: number | null,
  onProgress: (written: number) => void,
  options: WriteOptions = {},
): Promise<WriteCounts & { held: Rejected[] }> {
  const dryRun = options.dryRun ?? false;
  const accepted = options.accepted ?? new Set<number>();
  const collector = options.collector;
  const places = new PlaceResolver(tx, communityId, await repo.communityPlaces(tx, communityId), dryRun);
  const registryDoors = await repo.communityDoors(tx, communityId);
  const doors = new Map(registryDoors.map((d) => [doorKey(d.buildingId, d.entranceId, d.room), d.id]));
  const keyOfHousehold = new Map(
    registryDoors.map((d) => [d.id, doorKey(d.buildingId, d.entranceId, d.room)] as const),
  );
  const householdById = new Map(registryDoors.map((d) => [d.id, d] as const));
  const labelOfHousehold = (id: number | null) => {
    const d = id === null ? undefined : householdById.get(id);
    return d ? places.label(d.buildingId, d.entranceId, d.room) : null;
  };
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0, placesCreated: 0, conflicts: 0 };
  const held: Rejected[] = [];

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
    located.push({
      entry,
      key,
      hash: vault.hash(entry.row.docNumber),
      label: places.label(door.buildingId, door.entranceId, entry.row.room),
    });
  }
  if (dryRun) {
    let made = 0;
    for (const key of missingDoors.keys()) doors.set(key, -++made);
  } else {
    const createdDoors = await repo.insertHouseholds(
      tx,
      [...missingDoors.values()].map((d) => ({ ...d, communityId })),
    );
    for (const d of createdDoors) doors.set(doorKey(d.buildingId, d.entranceId, d.room), d.id);
  }

  // The people the registry already has, and the heads each door will have, before any decision.
  const existing = new Map<string, ResidentRow>();
  for (let i = 0; i < located.length; i += 500) {
    const hashes = located.slice(i, i + 500).map((l) => l.hash);
    for (const r of await repo.residentsByHash(tx, communityId, hashes)) existing.set(r.docHash, r);
  }
  const heads = new HeadCount(
    (await repo.communityHeads(tx, communityId)).map((h) => ({
      doorKey: h.householdId === null ? null : (keyOfHousehold.get(h.householdId) ?? null),
      docHash: h.docHash,
      name: h.name,
    })),
    new Set(located.map((l) => l.hash)),
  );
  for (const { entry, key, hash } of located) {
    const relation = entry.row.relationToHead ?? existing.get(hash)?.relationToHead;
    if (relation === 'self') heads.addRow(key, hash, entry.row.name, entry.rowNumber);
  }

  for (let i = 0; i < located.length; i += 500) {
    const slice = located.slice(i, i + 500);
    const fresh: ResidentInsert[] = [];
    const moved: number[] = [];
    const moves: Parameters<typeof insertMovesBulk>[1] = [];
    for (const { entry, key, hash, label } of slice) {
      const householdId = doors.get(key) as number;
      const row = entry.row;
      const current = existing.get(hash);
      const base = {
        rowNumber: entry.rowNumber,
        rowNumbers: entry.rowNumbers,
        name: row.name,
        doc: maskIdNumber(row.docNumber),
        door: label,
      };
      if (entry.rowNumbers.length > 1) collector?.add('merged', base);
      const changes = current ? changesFor(current, row, householdId, vault) : null;
      const described = current && changes ? describeChanges(current, row, changes) : [];
      const fromDoor =
        changes && 'householdId' in changes ? labelOfHousehold(current?.householdId ?? null) : null;
      const conflicts = conflictsOf({ row, current, householdId, doorKey: key, hash, heads, vault });
      // Once a conflict is recorded the row's own decision stays out of the preview and its hash: the
      // user's choice must not make the confirmed run differ from what was previewed.
      const record = conflicts.length > 0 ? undefined : collector;
      if (conflicts.length > 0) {
        collector?.add('conflict', { ...base, fromDoor, changes: described, conflicts, acceptable: true });
        if (!accepted.has(entry.rowNumber)) {
          counts.conflicts += 1;
          held.push({
            rowNumber: entry.rowNumber,
            cells: entry.cells,
            name: row.name,
            reasons: conflicts.map((c) => CONFLICT_REASONS[c.kind]),
          });
          continue;
        }
      }
      if (!current) {
        record?.add('new', base);
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
      if (!changes || Object.keys(changes).length === 0) {
        record?.add('unchanged', base);
        counts.unchanged += 1;
        continue;
      }
      record?.add('householdId' in changes ? 'moved' : 'updated', {
        ...base,
        fromDoor,
        changes: described,
      });
      if (!dryRun) await repo.updateResidentFields(tx, current.id, changes);
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
    if (dryRun) {
      counts.inserted += fresh.length;
    } else {
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
    }
    onProgress(Math.min(i + 500, located.length));
  }
  counts.placesCreated = places.created;
  if (collector) collector.placesCreated = places.created;
  return { ...counts, held };
}
