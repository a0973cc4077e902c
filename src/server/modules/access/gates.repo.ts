import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { gates } from '../places/places.table';

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
