import { aliasedTable, and, asc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { places } from '../places/places.table';
import { households, organisations, partyBranches, residentMoves, residents } from './people.table';

export type ResidentRow = typeof residents.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;

const building = aliasedTable(places, 'building');
const entrance = aliasedTable(places, 'entrance');

/** The scope filter every household or resident query carries. */
export function scopeFilter(
  scope: Scope,
  communityColumn: typeof residents.communityId | typeof households.communityId,
): SQL {
  if (scope.communityIds.length === 0) return sql`false`;
  const inCommunities = inArray(communityColumn, scope.communityIds);
  if (!scope.buildingIds) return inCommunities;
  return and(
    inCommunities,
    inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]),
  ) as SQL;
}

const householdColumns = {
  id: households.id,
  communityId: households.communityId,
  buildingId: households.buildingId,
  buildingName: building.name,
  entranceId: households.entranceId,
  entranceName: entrance.name,
  floor: households.floor,
  room: households.room,
  vacant: households.vacant,
  notes: households.notes,
};
export type HouseholdView = {
  id: number;
  communityId: number;
  buildingId: number;
  buildingName: string;
  entranceId: number | null;
  entranceName: string | null;
  floor: number | null;
  room: string;
  vacant: boolean;
  notes: string | null;
};

export async function findHousehold(
  db: DbOrTx,
  scope: Scope,
  id: number,
): Promise<HouseholdView | undefined> {
  const rows = await db
    .select(householdColumns)
    .from(households)
    .innerJoin(building, eq(building.id, households.buildingId))
    .leftJoin(entrance, eq(entrance.id, households.entranceId))
    .where(and(eq(households.id, id), scopeFilter(scope, households.communityId)))
    .limit(1);
  return rows[0];
}

/** Households under a place (community, compound, building, bungalow area or entrance), door order. */
export async function listHouseholdsUnder(
  db: DbOrTx,
  scope: Scope,
  place: { id: number; kind: string; path: string },
  page: { page: number; pageSize: number },
) {
  const under: SQL =
    place.kind === 'entrance'
      ? eq(households.entranceId, place.id)
      : place.kind === 'building' || place.kind === 'bungalow_area'
        ? eq(households.buildingId, place.id)
        : place.kind === 'community'
          ? eq(households.communityId, place.id)
          : like(building.path, `${place.path}${place.id}/%`);
  const where = and(under, scopeFilter(scope, households.communityId));
  const residentCount = sql<number>`(select count(*)::int from residents r where r.household_id = ${households.id} and r.moved_out_at is null)`;
  const headName = sql<
    string | null
  >`(select r.name from residents r where r.household_id = ${households.id} and r.moved_out_at is null order by (r.relation_to_head = 'self') desc, r.id limit 1)`;
  const [items, totals] = await Promise.all([
    db
      .select({ ...householdColumns, residentCount, headName })
      .from(households)
      .innerJoin(building, eq(building.id, households.buildingId))
      .leftJoin(entrance, eq(entrance.id, households.entranceId))
      .where(where)
      .orderBy(
        asc(building.sortKey),
        asc(households.buildingId),
        asc(entrance.sortKey),
        asc(households.floor),
        asc(households.room),
      )
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(households)
      .innerJoin(building, eq(building.id, households.buildingId))
      .where(where),
  ]);
  return {
    items: items as Array<HouseholdView & { residentCount: number; headName: string | null }>,
    total: totals[0]?.n ?? 0,
  };
}

export async function findHouseholdByDoor(
  db: DbOrTx,
  buildingId: number,
  entranceId: number | null,
  room: string,
) {
  const rows = await db
    .select()
    .from(households)
    .where(
      and(
        eq(households.buildingId, buildingId),
        entranceId === null ? isNull(households.entranceId) : eq(households.entranceId, entranceId),
        eq(households.room, room),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function insertHousehold(
  db: DbOrTx,
  values: typeof households.$inferInsert,
): Promise<HouseholdRow> {
  const rows = await db.insert(households).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function updateHousehold(
  db: DbOrTx,
  id: number,
  values: Partial<typeof households.$inferInsert>,
) {
  await db
    .update(households)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(households.id, id));
}

export async function residentsOfHousehold(db: DbOrTx, householdId: number): Promise<ResidentRow[]> {
  return db
    .select()
    .from(residents)
    .where(and(eq(residents.householdId, householdId), isNull(residents.movedOutAt)))
    .orderBy(sql`(${residents.relationToHead} = 'self') desc`, asc(residents.id));
}

/** A resident visible to the scope: through its community, and for building accounts its household. */
export async function findResident(db: DbOrTx, scope: Scope, id: number): Promise<ResidentRow | undefined> {
  const rows = await db
    .select({ resident: residents })
    .from(residents)
    .leftJoin(households, eq(households.id, residents.householdId))
    .where(and(eq(residents.id, id), scopeFilter(scope, residents.communityId)))
    .limit(1);
  return rows[0]?.resident;
}

export async function findResidentByDocHash(db: DbOrTx, communityId: number, docHash: string) {
  const rows = await db
    .select()
    .from(residents)
    .where(and(eq(residents.communityId, communityId), eq(residents.docHash, docHash)))
    .limit(1);
  return rows[0];
}

export async function insertResident(
  db: DbOrTx,
  values: typeof residents.$inferInsert,
): Promise<ResidentRow> {
  const rows = await db.insert(residents).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

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

/** Optimistic update: only when the version is the one the editor saw. Returns false when it moved on. */
export async function updateResident(
  db: DbOrTx,
  id: number,
  version: number,
  values: Partial<typeof residents.$inferInsert>,
) {
  const rows = await db
    .update(residents)
    .set({ ...values, version: sql`${residents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(residents.id, id), eq(residents.version, version)))
    .returning({ id: residents.id });
  return rows.length > 0;
}

/**
 * Names compare and sort in the C collation (code point order): the same expression the name indexes
 * are built on, so a prefix search walks an index in order and stops after one page.
 */
const nameC = sql`(${residents.name} collate "C")`;
export const SEARCH_COUNT_CAP = 1000;

export interface ResidentSearch {
  name?: string | undefined;
  phoneTail?: string | undefined;
  hashes?: string[] | undefined;
  communityId?: number | undefined;
  householdId?: number | undefined;
  tag?: string | undefined;
  /** Only people who registered themselves and no staff member has confirmed yet. */
  unverified?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function searchResidents(db: DbOrTx, scope: Scope, search: ResidentSearch) {
  const conditions: SQL[] = [scopeFilter(scope, residents.communityId), isNull(residents.movedOutAt)];
  if (search.communityId !== undefined) conditions.push(eq(residents.communityId, search.communityId));
  if (search.householdId !== undefined) conditions.push(eq(residents.householdId, search.householdId));
  if (search.tag) conditions.push(sql`${residents.tags} @> array[${search.tag}]::text[]`);
  if (search.unverified) conditions.push(eq(residents.verified, false));
  const matchers: SQL[] = [];
  // Prefix match uses the (community, name) index: staff search by full name or surname first.
  if (search.name) matchers.push(sql`${nameC} like ${`${search.name.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (search.phoneTail) matchers.push(eq(residents.phoneTail, search.phoneTail));
  if (search.hashes?.length) {
    matchers.push(inArray(residents.docHash, search.hashes), inArray(residents.phoneHash, search.hashes));
  }
  if (matchers.length) conditions.push(or(...matchers) as SQL);
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select({ resident: residents, ...householdColumns })
      .from(residents)
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(building, eq(building.id, households.buildingId))
      .leftJoin(entrance, eq(entrance.id, households.entranceId))
      .where(where)
      .orderBy(asc(nameC), asc(residents.id))
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize),
    // Counting every "王" in a district is the slow part of a wide search; past the cap it says "1000+".
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${residents} left join ${households} on ${households.id} = ${residents.householdId} where ${where} limit ${SEARCH_COUNT_CAP + 1}) capped`,
    ),
  ]);
  const total = totals.rows[0]?.n ?? 0;
  return { items, total: Math.min(total, SEARCH_COUNT_CAP), totalCapped: total > SEARCH_COUNT_CAP };
}

export async function insertMove(db: DbOrTx, values: typeof residentMoves.$inferInsert) {
  await db.insert(residentMoves).values(values);
}

export async function closeOpenMove(db: DbOrTx, residentId: number) {
  await db
    .update(residentMoves)
    .set({ toAt: new Date() })
    .where(and(eq(residentMoves.residentId, residentId), isNull(residentMoves.toAt)));
}

export async function movesOf(db: DbOrTx, residentId: number) {
  return db
    .select({
      householdId: residentMoves.householdId,
      fromAt: residentMoves.fromAt,
      toAt: residentMoves.toAt,
      reason: residentMoves.reason,
      buildingName: building.name,
      entranceName: entrance.name,
      room: households.room,
    })
    .from(residentMoves)
    .leftJoin(households, eq(households.id, residentMoves.householdId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .leftJoin(entrance, eq(entrance.id, households.entranceId))
    .where(eq(residentMoves.residentId, residentId))
    .orderBy(asc(residentMoves.fromAt), asc(residentMoves.id));
}

export async function listOrganisations(db: DbOrTx, communityId: number) {
  return db
    .select()
    .from(organisations)
    .where(eq(organisations.communityId, communityId))
    .orderBy(asc(organisations.id));
}

export async function listPartyBranches(db: DbOrTx, communityId: number) {
  return db
    .select()
    .from(partyBranches)
    .where(eq(partyBranches.communityId, communityId))
    .orderBy(asc(partyBranches.id));
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
