import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { photos } from './photos.table';

export type PhotoRow = typeof photos.$inferSelect;

export async function insertPhoto(db: DbOrTx, values: typeof photos.$inferInsert): Promise<PhotoRow> {
  const rows = await db.insert(photos).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

/** A photo only when its community is in the caller's scope. */
export async function findPhoto(db: DbOrTx, scope: Scope, id: number): Promise<PhotoRow | undefined> {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(photos)
    .where(and(eq(photos.id, id), inArray(photos.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}
