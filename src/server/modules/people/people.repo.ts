import { aliasedTable, and, asc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { compoundNameOf } from '../places/place-labels';
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
  compoundName: compoundNameOf(building.parentId),
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
  compoundName: string | null;
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
      compoundName: compoundNameOf(building.parentId),
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
