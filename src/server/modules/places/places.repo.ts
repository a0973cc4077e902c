import { and, asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import type { DbOrTx } from '../../db/database';
import { households, residents } from '../people/people.table';
import { gates, places } from './places.table';

export type PlaceRow = typeof places.$inferSelect;

/** The path a place's children carry: its own path plus its id. */
export const childPath = (place: Pick<PlaceRow, 'id' | 'path'>) => `${place.path}${place.id}/`;

export async function findPlace(db: DbOrTx, id: number): Promise<PlaceRow | undefined> {
  const rows = await db.select().from(places).where(eq(places.id, id)).limit(1);
  return rows[0];
}

export async function findPlacesByIds(db: DbOrTx, ids: number[]): Promise<PlaceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(places).where(inArray(places.id, ids));
}

export async function listChildren(db: DbOrTx, parentId: number): Promise<PlaceRow[]> {
  return db
    .select()
    .from(places)
    .where(eq(places.parentId, parentId))
    .orderBy(asc(places.sortKey), asc(places.id));
}

export async function insertPlace(db: DbOrTx, values: typeof places.$inferInsert): Promise<PlaceRow> {
  const rows = await db.insert(places).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function updatePlace(db: DbOrTx, id: number, values: { name?: string; notes?: string | null }) {
  await db.update(places).set(values).where(eq(places.id, id));
}

export async function listGates(db: DbOrTx, compoundId: number) {
  return db.select().from(gates).where(eq(gates.compoundId, compoundId)).orderBy(asc(gates.id));
}

/** Buildings (and bungalow areas) under a place: used to show a volunteer only the compounds they work in. */
export async function buildingIdsUnder(db: DbOrTx, place: PlaceRow): Promise<number[]> {
  const rows = await db
    .select({ id: places.id })
    .from(places)
    .where(
      and(inArray(places.kind, ['building', 'bungalow_area']), like(places.path, `${childPath(place)}%`)),
    );
  return rows.map((r) => r.id);
}

/**
 * Household and resident counts for each child, keyed by child id. At and below a community the
 * households table carries the right column; above it, counts are taken per community and summed.
 */
type Counts = Map<number, { households: number; residents: number }>;

/** Children of one parent can be of several kinds (a community holds compounds and bungalow areas). */
export async function countsForChildren(
  db: DbOrTx,
  children: PlaceRow[],
  visibleCommunityIds: number[],
): Promise<Counts> {
  const byKind = new Map<string, PlaceRow[]>();
  for (const child of children) byKind.set(child.kind, [...(byKind.get(child.kind) ?? []), child]);
  const parts = await Promise.all(
    [...byKind.values()].map((group) => countsForKind(db, group, visibleCommunityIds)),
  );
  return new Map(parts.flatMap((part) => [...part]));
}

async function countsForKind(
  db: DbOrTx,
  children: PlaceRow[],
  visibleCommunityIds: number[],
): Promise<Counts> {
  const result: Counts = new Map();
  if (children.length === 0) return result;
  const ids = children.map((c) => c.id);
  const kind = children[0]?.kind;
  let key: SQL;
  let filter: SQL;
  if (kind === 'entrance') {
    key = sql`${households.entranceId}`;
    filter = inArray(households.entranceId, ids);
  } else if (kind === 'building' || kind === 'bungalow_area' || kind === 'compound') {
    // A building's households are keyed by building; a compound's through its buildings' parent.
    const byCompound = kind === 'compound';
    key = byCompound
      ? sql`(select parent_id from places b where b.id = ${households.buildingId})`
      : sql`${households.buildingId}`;
    filter = byCompound
      ? sql`${households.buildingId} in (select id from places b where b.parent_id in ${sql.raw(`(${ids.join(',')})`)})`
      : inArray(households.buildingId, ids);
  } else {
    key = sql`${households.communityId}`;
    filter = visibleCommunityIds.length ? inArray(households.communityId, visibleCommunityIds) : sql`false`;
  }
  const rows = await db
    .select({
      key: sql<number>`${key}`,
      households: sql<number>`count(distinct ${households.id})::int`,
      residents: sql<number>`count(${residents.id})::int`,
    })
    .from(households)
    .leftJoin(residents, and(eq(residents.householdId, households.id), sql`${residents.movedOutAt} is null`))
    .where(filter)
    .groupBy(sql`1`);
  if (
    kind === 'community' ||
    kind === 'entrance' ||
    kind === 'building' ||
    kind === 'bungalow_area' ||
    kind === 'compound'
  ) {
    for (const row of rows)
      result.set(Number(row.key), { households: row.households, residents: row.residents });
    return result;
  }
  // Above communities: sum each community's counts into the child whose subtree holds it.
  const communities = await db
    .select({ id: places.id, path: places.path })
    .from(places)
    .where(
      and(eq(places.kind, 'community'), or(...children.map((c) => like(places.path, `${childPath(c)}%`)))),
    );
  const perCommunity = new Map(rows.map((r) => [Number(r.key), r]));
  for (const child of children) {
    const prefix = childPath(child);
    const total = { households: 0, residents: 0 };
    for (const community of communities) {
      const counts = community.path.startsWith(prefix) ? perCommunity.get(community.id) : undefined;
      if (counts) {
        total.households += counts.households;
        total.residents += counts.residents;
      }
    }
    result.set(child.id, total);
  }
  return result;
}

export async function childCounts(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ parentId: places.parentId, n: sql<number>`count(*)::int` })
    .from(places)
    .where(inArray(places.parentId, ids))
    .groupBy(places.parentId);
  return new Map(rows.map((r) => [r.parentId ?? 0, r.n]));
}

/**
 * Inserts a place under `parent` (or as a root), deriving path, depth and community from the parent.
 * A community's own `community_id` is its id, which is only known after the insert.
 */
export async function insertChildPlace(
  db: DbOrTx,
  parent: PlaceRow | null,
  values: { kind: string; name: string; code?: string | null; sortKey?: number; notes?: string | null },
): Promise<PlaceRow> {
  const row = await insertPlace(db, {
    ...values,
    // Callers pass a kind from PLACE_KINDS (route schemas, the roster's fixed columns, the demo).
    kind: values.kind as PlaceKind,
    parentId: parent?.id ?? null,
    path: parent ? childPath(parent) : '/',
    depth: parent ? parent.depth + 1 : 0,
    communityId: parent?.communityId ?? null,
  });
  if (values.kind !== 'community') return row;
  await db.update(places).set({ communityId: row.id }).where(eq(places.id, row.id));
  return { ...row, communityId: row.id };
}

/** Communities at or under a place: whose residents a change made at that place can concern. */
export async function communityIdsUnder(db: DbOrTx, place: Pick<PlaceRow, 'id' | 'path'>): Promise<number[]> {
  const rows = await db
    .select({ id: places.id })
    .from(places)
    .where(
      and(
        eq(places.kind, 'community'),
        or(eq(places.id, place.id), like(places.path, `${childPath(place)}%`)),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * A place and the places under it that can hold rules and risk areas (communities and everything above
 * them), in tree order: what an officer may pick when setting them.
 */
export async function policyPlacesUnder(db: DbOrTx, place: Pick<PlaceRow, 'id' | 'path'>) {
  return db
    .select({
      id: places.id,
      parentId: places.parentId,
      kind: places.kind,
      name: places.name,
      depth: places.depth,
    })
    .from(places)
    .where(
      and(
        or(eq(places.id, place.id), like(places.path, `${childPath(place)}%`)),
        or(sql`${places.communityId} is null`, eq(places.kind, 'community')),
      ),
    )
    .orderBy(sql`${places.path} || ${places.id}`, asc(places.sortKey))
    .limit(10_000);
}
