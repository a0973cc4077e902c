import { aliasedTable, and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { StatusSource } from '../../../shared/status';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { households, residents } from '../people/people.table';
import { compoundNameOf } from '../places/place-labels';
import { places } from '../places/places.table';
import { currentStatus, currentStatusesSql } from '../status/status.repo';
import { declarationReviews, declarations } from './declarations.table';

export type DeclarationRow = typeof declarations.$inferSelect;

const building = aliasedTable(places, 'building');

export async function declarationsOf(db: DbOrTx, residentId: number) {
  return db
    .select()
    .from(declarations)
    .where(eq(declarations.residentId, residentId))
    .orderBy(desc(declarations.declaredAt), desc(declarations.id));
}

/** One declaration, when the scope reaches its community (and, for volunteers, its building). */
export async function findDeclarationInScope(db: DbOrTx, scope: Scope, id: number) {
  if (scope.communityIds.length === 0) return undefined;
  const conditions: SQL[] = [eq(declarations.id, id), inArray(declarations.communityId, scope.communityIds)];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  const rows = await db
    .select({ declaration: declarations })
    .from(declarations)
    .innerJoin(residents, eq(residents.id, declarations.residentId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .where(and(...conditions))
    .limit(1);
  return rows[0]?.declaration;
}

export interface DeclarationFilter {
  communityId?: number | undefined;
  status?: string | undefined;
  channel?: string | undefined;
  buildingId?: number | undefined;
  originPrefix?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Declarations in scope with the person's name and door, newest first. */
export async function listDeclarations(db: DbOrTx, scope: Scope, filter: DeclarationFilter) {
  if (scope.communityIds.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [inArray(declarations.communityId, scope.communityIds)];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  if (filter.communityId) conditions.push(eq(declarations.communityId, filter.communityId));
  // Staff filter on where people stand now; the status a declaration gave at the time is shown beside it.
  if (filter.status) conditions.push(eq(currentStatus.status, filter.status));
  if (filter.channel) conditions.push(eq(declarations.channel, filter.channel));
  if (filter.buildingId) conditions.push(eq(households.buildingId, filter.buildingId));
  if (filter.originPrefix)
    conditions.push(sql`${declarations.originRegion} like ${`${filter.originPrefix}%`}`);
  if (filter.from) conditions.push(gte(declarations.declaredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(declarations.declaredAt, new Date(filter.to)));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select({
        declaration: declarations,
        name: residents.name,
        buildingName: building.name,
        compoundName: compoundNameOf(building.parentId),
        room: households.room,
        currentStatus: currentStatus.status,
        reviewState: declarationReviews.state,
      })
      .from(declarations)
      .innerJoin(residents, eq(residents.id, declarations.residentId))
      .leftJoin(currentStatus, eq(currentStatus.residentId, declarations.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(building, eq(building.id, households.buildingId))
      .leftJoin(declarationReviews, eq(declarationReviews.declarationId, declarations.id))
      .where(where)
      .orderBy(desc(declarations.declaredAt), desc(declarations.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(declarations)
      .innerJoin(residents, eq(residents.id, declarations.residentId))
      .leftJoin(currentStatus, eq(currentStatus.residentId, declarations.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/**
 * The declaration behind each person's current status, when the status belongs to one of these
 * communities and the declaration was made since the instant `since`, with that status, its source, its community and
 * whether staff stand behind the declaration (theirs, or a resident's they confirmed): what a re-evaluation
 * starts from. A person is taken by where their status is kept, so someone who declared elsewhere since is
 * judged there, once. A declaration that changed nothing (held for review, or kept) is not behind any
 * status. One statement, whatever the number of people.
 */
export async function latestDeclarationsWithStatus(db: DbOrTx, since: Date, communityIds: number[]) {
  if (communityIds.length === 0) return [];
  const rows = await db.execute<{
    id: number;
    current_status: string;
    current_source: string;
    community_id: number;
    by_staff: boolean;
  }>(sql`
    select d.id, s.status as current_status, s.source as current_source, s.community_id,
      (d.recorded_by is not null or coalesce(r.state = 'confirmed', false)) as by_staff
    from ${currentStatusesSql} s join ${declarations} d on d.id = s.declaration_id
    left join ${declarationReviews} r on r.declaration_id = d.id
    where s.community_id = any(${sql.param(communityIds)}::int[]) and d.declared_at >= ${since}`);
  const current = new Map(rows.rows.map((r) => [r.id, r]));
  if (current.size === 0) return [];
  const full = await db
    .select()
    .from(declarations)
    .where(sql`${declarations.id} = any(${sql.param([...current.keys()])}::int[])`);
  return full.map((row) => {
    const behind = current.get(row.id);
    return {
      ...row,
      currentStatus: behind?.current_status ?? null,
      currentSource: (behind?.current_source ?? 'staff') as StatusSource,
      statusCommunityId: behind?.community_id ?? row.communityId,
      byStaff: behind?.by_staff ?? true,
    };
  });
}

/** Drops the health answers of declarations past their purge date; the declaration's outline stays. */
export async function purgeDueAnswers(db: DbOrTx, today: string) {
  const rows = await db
    .update(declarations)
    .set({ answersCipher: null })
    .where(
      and(sql`${declarations.purgeAfter} < ${today}::date`, sql`${declarations.answersCipher} is not null`),
    )
    .returning({ id: declarations.id });
  return rows.length;
}
