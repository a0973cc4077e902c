import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { gates, places } from '../places/places.table';

export async function insertGate(db: DbOrTx, values: typeof gates.$inferInsert) {
  const rows = await db.insert(gates).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function updateGate(
  db: DbOrTx,
  id: number,
  values: Partial<Pick<typeof gates.$inferInsert, 'name' | 'vehiclesAllowed' | 'openingHours'>>,
) {
  await db.update(gates).set(values).where(eq(gates.id, id));
}

/** The closed compounds (小区/院) of the scope's communities: what passes and gates belong to. */
export async function compoundsInScope(db: DbOrTx, scope: Scope) {
  if (scope.communityIds.length === 0) return [];
  return db
    .select({ id: places.id, name: places.name, communityId: places.communityId })
    .from(places)
    .where(and(eq(places.kind, 'compound'), inArray(places.communityId, scope.communityIds)))
    .orderBy(asc(places.communityId), asc(places.sortKey), asc(places.id));
}
