import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { visitors } from './access.table';

export async function insertVisitor(tx: DbOrTx, values: typeof visitors.$inferInsert) {
  const rows = await tx.insert(visitors).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function setVisitorToken(tx: DbOrTx, id: number, token: string) {
  await tx.update(visitors).set({ token }).where(eq(visitors.id, id));
}

export async function countVisitors(db: DbOrTx, communityId: number, day: string) {
  const rows = await db
    .select({ gateId: visitors.gateId, n: sql<number>`count(*)::int` })
    .from(visitors)
    .where(and(eq(visitors.communityId, communityId), eq(visitors.validOn, day)))
    .groupBy(visitors.gateId);
  return rows;
}
