import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { riskAreas } from './risk-areas.table';

export type RiskAreaRow = typeof riskAreas.$inferSelect;

export async function listCurrent(db: DbOrTx): Promise<RiskAreaRow[]> {
  return db
    .select()
    .from(riskAreas)
    .where(isNull(riskAreas.retiredAt))
    .orderBy(asc(riskAreas.regionCode), asc(riskAreas.id));
}

/** Every version, newest first: the history an officer reads to see what changed and when. */
export async function listAll(db: DbOrTx, limit: number): Promise<RiskAreaRow[]> {
  return db.select().from(riskAreas).orderBy(desc(riskAreas.createdAt), desc(riskAreas.id)).limit(limit);
}

export async function findCurrent(db: DbOrTx, id: number): Promise<RiskAreaRow | undefined> {
  const rows = await db
    .select()
    .from(riskAreas)
    .where(and(eq(riskAreas.id, id), isNull(riskAreas.retiredAt)))
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
