import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { statusRuleSets } from './declarations.table';

export type RuleSetRow = typeof statusRuleSets.$inferSelect;

/** The newest rule set of each of these places that has one. */
export async function latestRuleSetsAt(db: DbOrTx, placeIds: number[]): Promise<RuleSetRow[]> {
  if (placeIds.length === 0) return [];
  return db
    .selectDistinctOn([statusRuleSets.placeId])
    .from(statusRuleSets)
    .where(sql`${statusRuleSets.placeId} = any(${sql.param(placeIds)}::int[])`)
    .orderBy(statusRuleSets.placeId, sql`${statusRuleSets.id} desc`);
}

export async function insertRuleSet(
  db: DbOrTx,
  values: { placeId: number; rules: unknown; createdBy: number | null },
): Promise<RuleSetRow> {
  const rows = await db.insert(statusRuleSets).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}
