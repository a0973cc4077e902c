import { aliasedTable, and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { households, residents } from '../people/people.table';
import { places } from '../places/places.table';
import { declarations, personStatus, statusHistory, statusRuleSets } from './declarations.table';

export type DeclarationRow = typeof declarations.$inferSelect;
export type PersonStatusRow = typeof personStatus.$inferSelect;

const building = aliasedTable(places, 'building');

export async function insertDeclaration(
  db: DbOrTx,
  values: typeof declarations.$inferInsert,
): Promise<DeclarationRow> {
  const rows = await db.insert(declarations).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function findStatus(db: DbOrTx, residentId: number): Promise<PersonStatusRow | undefined> {
  const rows = await db.select().from(personStatus).where(eq(personStatus.residentId, residentId)).limit(1);
  return rows[0];
}

export async function upsertStatus(db: DbOrTx, values: typeof personStatus.$inferInsert) {
  await db
    .insert(personStatus)
    .values(values)
    .onConflictDoUpdate({
      target: personStatus.residentId,
      set: {
        status: values.status,
        ruleId: values.ruleId,
        reason: values.reason,
        observationUntil: values.observationUntil,
        declarationId: values.declarationId,
        updatedAt: new Date(),
      },
    });
}

export async function insertHistory(db: DbOrTx, rows: Array<typeof statusHistory.$inferInsert>) {
  if (rows.length > 0) await db.insert(statusHistory).values(rows);
}

export async function historyOf(db: DbOrTx, residentId: number) {
  return db
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.residentId, residentId))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id));
}

export async function declarationsOf(db: DbOrTx, residentId: number) {
  return db
    .select()
    .from(declarations)
    .where(eq(declarations.residentId, residentId))
    .orderBy(desc(declarations.declaredAt), desc(declarations.id));
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
  if (filter.status) conditions.push(eq(declarations.status, filter.status));
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
        room: households.room,
      })
      .from(declarations)
      .innerJoin(residents, eq(residents.id, declarations.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(building, eq(building.id, households.buildingId))
      .where(where)
      .orderBy(desc(declarations.declaredAt), desc(declarations.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(declarations)
      .innerJoin(residents, eq(residents.id, declarations.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** The newest declaration of each person who declared since `since`: what a re-evaluation starts from. */
export async function latestDeclarationsSince(db: DbOrTx, since: string) {
  const rows = await db.execute<{ id: number }>(sql`
    select distinct on (resident_id) id from ${declarations}
    where declared_at >= ${since}::date order by resident_id, declared_at desc, id desc`);
  const ids = rows.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(declarations).where(inArray(declarations.id, ids));
}

export async function latestRuleSet(db: DbOrTx) {
  const rows = await db.select().from(statusRuleSets).orderBy(desc(statusRuleSets.id)).limit(1);
  return rows[0];
}

export async function insertRuleSet(db: DbOrTx, rules: unknown, createdBy: number | null) {
  const rows = await db.insert(statusRuleSets).values({ rules, createdBy }).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function statusesOf(db: DbOrTx, residentIds: number[]) {
  if (residentIds.length === 0) return [];
  return db.select().from(personStatus).where(inArray(personStatus.residentId, residentIds));
}
