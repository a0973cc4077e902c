import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { places } from '../places/places.table';
import { posters } from './posters.table';

export type PosterRow = typeof posters.$inferSelect;

export async function insertPoster(db: DbOrTx, values: typeof posters.$inferInsert): Promise<PosterRow> {
  const rows = await db.insert(posters).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function findByToken(db: DbOrTx, token: string): Promise<PosterRow | undefined> {
  const rows = await db.select().from(posters).where(eq(posters.token, token)).limit(1);
  return rows[0];
}

export async function findInScope(db: DbOrTx, scope: Scope, id: number): Promise<PosterRow | undefined> {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(posters)
    .where(and(eq(posters.id, id), inArray(posters.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function listInScope(db: DbOrTx, scope: Scope, communityId?: number) {
  if (scope.communityIds.length === 0) return [];
  return db
    .select({ poster: posters, placeName: places.name, placeKind: places.kind })
    .from(posters)
    .innerJoin(places, eq(places.id, posters.placeId))
    .where(
      and(
        inArray(posters.communityId, scope.communityIds),
        communityId ? eq(posters.communityId, communityId) : undefined,
      ),
    )
    .orderBy(desc(posters.createdAt));
}

export async function revoke(db: DbOrTx, id: number) {
  await db
    .update(posters)
    .set({ revokedAt: new Date() })
    .where(and(eq(posters.id, id), isNull(posters.revokedAt)));
}

/** Buildings (and their entrances) a poster's form offers: those under the poster's place. */
export async function buildingsUnder(db: DbOrTx, communityId: number, pathPrefix: string, placeId: number) {
  const rows = await db
    .select({
      id: places.id,
      parentId: places.parentId,
      name: places.name,
      kind: places.kind,
      path: places.path,
      sortKey: places.sortKey,
    })
    .from(places)
    .where(
      and(
        eq(places.communityId, communityId),
        inArray(places.kind, ['building', 'bungalow_area', 'entrance']),
      ),
    );
  const inside = rows.filter((r) => r.id === placeId || `${r.path}${r.id}/`.startsWith(pathPrefix));
  const byOrder = (a: { sortKey: number; id: number }, b: { sortKey: number; id: number }) =>
    a.sortKey - b.sortKey || a.id - b.id;
  return inside
    .filter((r) => r.kind !== 'entrance')
    .sort(byOrder)
    .map((b) => ({
      id: b.id,
      name: b.name,
      kind: b.kind as 'building' | 'bungalow_area',
      entrances: inside
        .filter((e) => e.kind === 'entrance' && e.parentId === b.id)
        .sort(byOrder)
        .map((e) => ({ id: e.id, name: e.name })),
    }));
}
