// Writing many people at once — roster imports, the demo, the public form's batches: residents, their
// doors and their opening moves in a few statements, and finding people by ID hash in bulk.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { findHouseholdByDoor } from './people.repo';
import { households, residents } from './people.table';

/** The residents behind these (community, ID hash) pairs, in one statement. */
export async function residentsByDocHashes(
  db: DbOrTx,
  keys: Array<{ communityId: number; docHash: string }>,
) {
  if (keys.length === 0) return [];
  return db
    .select({
      id: residents.id,
      communityId: residents.communityId,
      docHash: residents.docHash,
      phoneHash: residents.phoneHash,
      version: residents.version,
      name: residents.name,
      verified: residents.verified,
    })
    .from(residents)
    .where(
      sql`(${residents.communityId}, ${residents.docHash}) in (select * from unnest(${sql.param(
        keys.map((k) => k.communityId),
      )}::int[], ${sql.param(keys.map((k) => k.docHash))}::text[]))`,
    );
}

export interface DoorInsert {
  communityId: number;
  buildingId: number;
  entranceId: number | null;
  room: string;
  notes: string | null;
}

/** `building/entrance/room`: how a door is told apart (the unique index on households). */
export const doorKey = (d: { buildingId: number; entranceId: number | null; room: string }) =>
  `${d.buildingId}/${d.entranceId ?? 0}/${d.room}`;

/**
 * The household at each door, creating the doors that do not exist yet, in one statement whatever the
 * number. A door another transaction created at the same moment is invisible to that statement's
 * snapshot (its insert just yields): those few are read again once it has committed.
 */
export async function ensureHouseholdsAtDoors(db: DbOrTx, doors: DoorInsert[]): Promise<Map<string, number>> {
  if (doors.length === 0) return new Map();
  const col = <K extends keyof DoorInsert>(key: K) => sql.param(doors.map((d) => d[key]));
  // One statement: the doors inserted now come back from `ins`; those that existed, from the join (the
  // outer select does not see this statement's own inserts, so nothing is counted twice).
  const found = await db.execute<{
    id: number;
    building_id: number;
    entrance_id: number | null;
    room: string;
  }>(sql`
    with u as (
      select * from unnest(${col('communityId')}::int[], ${col('buildingId')}::int[], ${col('entranceId')}::int[],
        ${col('room')}::text[], ${col('notes')}::text[]) as u(c, b, e, r, n)
    ), ins as (
      insert into ${households} (community_id, building_id, entrance_id, room, notes)
      select c, b, e, r, n from u
      on conflict do nothing
      returning id, building_id, entrance_id, room
    )
    select id, building_id, entrance_id, room from ins
    union all
    select h.id, h.building_id, h.entrance_id, h.room from ${households} h
    join u on h.building_id = u.b and coalesce(h.entrance_id, 0) = coalesce(u.e, 0) and h.room = u.r`);
  const byDoor = new Map(
    found.rows.map((r) => [
      doorKey({ buildingId: r.building_id, entranceId: r.entrance_id, room: r.room }),
      r.id,
    ]),
  );
  for (const door of doors) {
    if (byDoor.has(doorKey(door))) continue;
    const raced = await findHouseholdByDoor(db, door.buildingId, door.entranceId, door.room);
    if (!raced) throw new Error(`door ${doorKey(door)} neither created nor found`);
    byDoor.set(doorKey(door), raced.id);
  }
  return byDoor;
}

export type ResidentInsert = {
  communityId: number;
  householdId: number | null;
  name: string;
  gender: string | null;
  birthDate: string | null;
  docType: string;
  docCipher: string;
  docHash: string;
  docMasked: string;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  phoneTail: string | null;
  relationToHead: string;
  residenceType: string;
  tags: string[];
  notes: string | null;
  /** False for people who registered themselves (the public form): staff confirm them. Default true. */
  verified?: boolean;
};

/**
 * Many residents in one statement, one array parameter per column. Bulk loads (roster import, demo)
 * spend most of their time building SQL when each row is its own VALUES tuple; this keeps that
 * constant. Tags travel comma-joined since PostgreSQL arrays of arrays must be rectangular.
 */
export async function insertResidentsBulk(
  db: DbOrTx,
  rows: ResidentInsert[],
  /** Also opens each one's moves history, in the same statement. */
  openingMove?: { reason: string; byAccountId: number | null },
) {
  if (rows.length === 0) return [];
  const moves = openingMove
    ? sql`, mv as (insert into resident_moves (community_id, resident_id, household_id, reason, by_account_id)
        select community_id, id, household_id, ${openingMove.reason}::text, ${openingMove.byAccountId}::int from ins)`
    : sql``;
  const column = <K extends keyof ResidentInsert>(key: K) => sql.param(rows.map((r) => r[key]));
  const result = await db.execute<{
    id: number;
    household_id: number | null;
    community_id: number;
    doc_hash: string;
  }>(sql`
    with ins as (
    insert into residents (community_id, household_id, name, gender, birth_date, doc_type, doc_cipher, doc_hash,
      doc_masked, phone_cipher, phone_hash, phone_masked, phone_tail, relation_to_head, residence_type, tags, notes,
      verified)
    select c, h, n, g, b::date, dt, dc, dh, dm, pc, ph, pm, pt, rel, res,
      coalesce(string_to_array(nullif(tg, ''), ','), '{}'), nt, coalesce(v, true)
    from unnest(${column('communityId')}::int[], ${column('householdId')}::int[], ${column('name')}::text[],
      ${column('gender')}::text[], ${column('birthDate')}::text[], ${column('docType')}::text[],
      ${column('docCipher')}::text[], ${column('docHash')}::text[], ${column('docMasked')}::text[],
      ${column('phoneCipher')}::text[], ${column('phoneHash')}::text[], ${column('phoneMasked')}::text[],
      ${column('phoneTail')}::text[], ${column('relationToHead')}::text[], ${column('residenceType')}::text[],
      ${sql.param(rows.map((r) => r.tags.join(',')))}::text[], ${column('notes')}::text[],
      ${sql.param(rows.map((r) => r.verified ?? null))}::bool[])
      as u(c, h, n, g, b, dt, dc, dh, dm, pc, ph, pm, pt, rel, res, tg, nt, v)
    returning id, household_id, community_id, doc_hash)${moves}
    select * from ins`);
  return result.rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    communityId: r.community_id,
    docHash: r.doc_hash,
  }));
}

/** Opening rows of the moves history for freshly inserted residents, in one statement. */
export async function insertMovesBulk(
  db: DbOrTx,
  rows: Array<{
    communityId: number;
    residentId: number;
    householdId: number | null;
    reason: string;
    byAccountId: number | null;
  }>,
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into resident_moves (community_id, resident_id, household_id, reason, by_account_id)
    select * from unnest(${sql.param(rows.map((r) => r.communityId))}::int[], ${sql.param(rows.map((r) => r.residentId))}::int[],
      ${sql.param(rows.map((r) => r.householdId))}::int[], ${sql.param(rows.map((r) => r.reason))}::text[],
      ${sql.param(rows.map((r) => r.byAccountId))}::int[])`);
}
