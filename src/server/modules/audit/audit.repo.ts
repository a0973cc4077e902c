import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { places } from '../places/places.table';
import { auditLog } from './audit.table';

export type AuditInsert = typeof auditLog.$inferInsert;

export async function insertAudit(db: DbOrTx, rows: AuditInsert | AuditInsert[]) {
  const list = Array.isArray(rows) ? rows : [rows];
  if (list.length > 0) await db.insert(auditLog).values(list);
}

export interface AuditFilter {
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: number | undefined;
  accountId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Rows of the communities in scope; rows with no community are the caller's own, or about an account
 * (sign-ins, failed sign-ins, lockouts, alarms, account changes) whose scope place lies at or under the
 * caller's: a secretary sees who tried her guards' passwords, never another community's sign-ins.
 */
export async function listAudit(db: DbOrTx, scope: Scope, actorId: number, filter: AuditFilter) {
  const accountsInScope = sql`select a.id from ${accounts} a join ${places} p on p.id = a.scope_place_id
    where p.id = ${scope.placeId} or p.path like ${`${scope.placePath}${scope.placeId}/%`}`;
  const ownOrAccounts = sql`(${auditLog.communityId} is null and (${auditLog.accountId} = ${actorId}
    or (${auditLog.entity} = 'account' and ${auditLog.entityId} in (${accountsInScope}))))`;
  const visible = scope.communityIds.length
    ? sql`(${inArray(auditLog.communityId, scope.communityIds)} or ${ownOrAccounts})`
    : ownOrAccounts;
  const conditions: SQL[] = [visible];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId !== undefined) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.accountId !== undefined) conditions.push(eq(auditLog.accountId, filter.accountId));
  if (filter.from) conditions.push(gte(auditLog.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditLog.at, new Date(filter.to)));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}
