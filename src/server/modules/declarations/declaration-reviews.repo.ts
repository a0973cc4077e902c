import { aliasedTable, and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { households, residents } from '../people/people.table';
import { compoundNameOf } from '../places/place-labels';
import { places } from '../places/places.table';
import { currentStatus } from '../status/status.repo';
import { declarationReviews, declarations } from './declarations.table';

export type ReviewRow = typeof declarationReviews.$inferSelect;

const building = aliasedTable(places, 'building');

/** Reviews in scope (and, for building-level accounts, in their buildings), as conditions. */
function inScope(scope: Scope): SQL[] | null {
  if (scope.communityIds.length === 0) return null;
  const conditions: SQL[] = [inArray(declarationReviews.communityId, scope.communityIds)];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  return conditions;
}

/** What waits for staff, oldest first, with the person as the registry has them and where they stand now. */
export async function listPending(
  db: DbOrTx,
  scope: Scope,
  filter: { communityId?: number | undefined; page: number; pageSize: number },
) {
  const conditions = inScope(scope);
  if (!conditions) return { items: [], total: 0 };
  conditions.push(eq(declarationReviews.state, 'pending'));
  if (filter.communityId) conditions.push(eq(declarationReviews.communityId, filter.communityId));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select({
        review: declarationReviews,
        declaredAt: declarations.declaredAt,
        name: residents.name,
        verified: residents.verified,
        buildingName: building.name,
        compoundName: compoundNameOf(building.parentId),
        room: households.room,
        currentStatus: currentStatus.status,
        currentSource: currentStatus.source,
      })
      .from(declarationReviews)
      .innerJoin(declarations, eq(declarations.id, declarationReviews.declarationId))
      .innerJoin(residents, eq(residents.id, declarationReviews.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(building, eq(building.id, households.buildingId))
      .leftJoin(currentStatus, eq(currentStatus.residentId, declarationReviews.residentId))
      .where(where)
      .orderBy(asc(declarationReviews.createdAt), asc(declarationReviews.declarationId))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(declarationReviews)
      .innerJoin(residents, eq(residents.id, declarationReviews.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** One review when the scope reaches it (any state), with the person's name and record version. */
export async function findReviewInScope(db: DbOrTx, scope: Scope, declarationId: number) {
  const conditions = inScope(scope);
  if (!conditions) return undefined;
  const rows = await db
    .select({ review: declarationReviews, name: residents.name, version: residents.version })
    .from(declarationReviews)
    .innerJoin(residents, eq(residents.id, declarationReviews.residentId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .where(and(eq(declarationReviews.declarationId, declarationId), ...conditions))
    .limit(1);
  return rows[0];
}

/**
 * Closes a pending review (confirmed or rejected) and answers it; undefined when it was no longer
 * pending — someone else decided a moment ago (the row lock makes the second one wait and see that).
 */
export async function decideReview(
  db: DbOrTx,
  declarationId: number,
  decision: { state: 'confirmed' | 'rejected'; by: number; note: string | null },
) {
  const rows = await db
    .update(declarationReviews)
    .set({ state: decision.state, decidedBy: decision.by, decidedAt: new Date(), note: decision.note })
    .where(and(eq(declarationReviews.declarationId, declarationId), eq(declarationReviews.state, 'pending')))
    .returning();
  return rows[0];
}
