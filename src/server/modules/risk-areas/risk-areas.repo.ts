import { and, asc, desc, eq, inArray, isNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { childPath, type PlaceRow } from '../places/places.repo';
import { places } from '../places/places.table';
import { riskAreas } from './risk-areas.table';

export type RiskAreaRow = typeof riskAreas.$inferSelect;
export type RiskAreaListRow = RiskAreaRow & { placeName: string; placePath: string };

/** The areas in force set at any of these places: what a community whose line they are reads. */
export async function currentAt(db: DbOrTx, placeIds: number[]): Promise<RiskAreaRow[]> {
  if (placeIds.length === 0) return [];
  return db
    .select()
    .from(riskAreas)
    .where(and(sql`${riskAreas.placeId} = any(${sql.param(placeIds)}::int[])`, isNull(riskAreas.retiredAt)))
    .orderBy(asc(riskAreas.regionCode), asc(riskAreas.id));
}

/**
 * What an account at `place` reads: the areas set above it (`line`, read-only for it), at it and under
 * it, with the name of the place each belongs to. Current ones by region, or every version newest first.
 */
export async function listAround(
  db: DbOrTx,
  place: Pick<PlaceRow, 'id' | 'path'>,
  line: number[],
  history: boolean,
): Promise<RiskAreaListRow[]> {
  const where: SQL[] = [
    or(inArray(riskAreas.placeId, line), like(places.path, `${childPath(place)}%`)) as SQL,
  ];
  if (!history) where.push(isNull(riskAreas.retiredAt));
  const rows = await db
    .select({ area: riskAreas, placeName: places.name, placePath: places.path })
    .from(riskAreas)
    .innerJoin(places, eq(places.id, riskAreas.placeId))
    .where(and(...where))
    .orderBy(
      ...(history
        ? [desc(riskAreas.createdAt), desc(riskAreas.id)]
        : [asc(riskAreas.regionCode), asc(riskAreas.id)]),
    )
    .limit(history ? 500 : 5000);
  return rows.map((r) => ({ ...r.area, placeName: r.placeName, placePath: r.placePath }));
}

/** A current area with its place, for the caller to check against its scope. */
export async function findCurrent(db: DbOrTx, id: number) {
  const rows = await db
    .select({ area: riskAreas, place: places })
    .from(riskAreas)
    .innerJoin(places, eq(places.id, riskAreas.placeId))
    .where(and(eq(riskAreas.id, id), isNull(riskAreas.retiredAt)))
    .limit(1);
  return rows[0];
}

/** The areas in force at one place for these regions: what an import replaces. */
export async function currentOfRegions(db: DbOrTx, placeId: number, regionCodes: string[]) {
  if (regionCodes.length === 0) return [];
  return db
    .select()
    .from(riskAreas)
    .where(
      and(
        eq(riskAreas.placeId, placeId),
        inArray(riskAreas.regionCode, regionCodes),
        isNull(riskAreas.retiredAt),
      ),
    );
}

/**
 * Serialises changes to one region at one place until the transaction ends, so two officers adding the
 * same area at the same moment cannot both pass the duplicate check.
 */
export async function lockRegion(tx: DbOrTx, placeId: number, regionCode: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`risk_area:${placeId}:${regionCode}`}))`);
}

/** A current area at the same place, for the same region and level, whose validity overlaps. */
export async function findSame(
  db: DbOrTx,
  area: { placeId: number; regionCode: string; level: string; validFrom: string; validTo: string | null },
  exceptId: number | null,
): Promise<RiskAreaRow | undefined> {
  const rows = await db
    .select()
    .from(riskAreas)
    .where(
      and(
        eq(riskAreas.placeId, area.placeId),
        eq(riskAreas.regionCode, area.regionCode),
        eq(riskAreas.level, area.level),
        isNull(riskAreas.retiredAt),
        sql`${riskAreas.validFrom} <= coalesce(${area.validTo}::date, 'infinity'::date)`,
        sql`coalesce(${riskAreas.validTo}, 'infinity'::date) >= ${area.validFrom}::date`,
        exceptId === null ? undefined : ne(riskAreas.id, exceptId),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function insertArea(db: DbOrTx, values: typeof riskAreas.$inferInsert): Promise<RiskAreaRow> {
  const rows = await db.insert(riskAreas).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function retireArea(db: DbOrTx, id: number, by: number | null, replacedBy: number | null) {
  await db
    .update(riskAreas)
    .set({ retiredAt: new Date(), retiredBy: by, replacedBy })
    .where(eq(riskAreas.id, id));
}
