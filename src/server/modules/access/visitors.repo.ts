import { eq } from 'drizzle-orm';
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
