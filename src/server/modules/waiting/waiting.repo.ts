import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { scopeFilter } from '../people/people.repo';
import { households, residents } from '../people/people.table';

/**
 * Residents in scope who registered themselves and wait to be verified, counted up to `cap` (the partial
 * index residents_unverified_idx holds just them, so a poll never walks a whole community).
 */
export async function countUnverified(db: DbOrTx, scope: Scope, cap: number): Promise<number> {
  const where = and(
    scopeFilter(scope, residents.communityId),
    eq(residents.verified, false),
    isNull(residents.movedOutAt),
  );
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${residents} left join ${households} on ${households.id} = ${residents.householdId} where ${where} limit ${cap}) capped`,
  );
  return rows[0]?.n ?? 0;
}
