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
  /** Entries about this person: their own rows and those of their declarations, observations, passes… */
  residentId?: number | undefined;
  /** Entries in this place: a community (or above) by community; a compound or building by who lives there. */
  placeId?: number | undefined;
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
  if (filter.residentId !== undefined) conditions.push(aboutPerson(filter.residentId));
  if (filter.placeId !== undefined) conditions.push(inPlace(filter.placeId));
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

/** The rows whose entity belongs to one of `residents` (a subquery of resident ids). */
function aboutResidents(residents: SQL): SQL {
  const eid = auditLog.entityId;
  return sql`((${auditLog.entity} = 'resident' and ${eid} in (${residents}))
    or (${auditLog.detail}->>'residentId') in (select r::text from (${residents}) as r(r))
    or (${auditLog.entity} = 'declaration' and ${eid} in (select id from declarations where resident_id in (${residents})))
    or (${auditLog.entity} = 'observation' and ${eid} in (select id from observations where resident_id in (${residents})))
    or (${auditLog.entity} = 'observation_task' and ${eid} in (select id from observation_tasks where resident_id in (${residents})))
    or (${auditLog.entity} = 'pass' and ${eid} in (select id from passes where resident_id in (${residents})))
    or (${auditLog.entity} = 'request' and ${eid} in (select id from requests where resident_id in (${residents}))))`;
}

function aboutPerson(residentId: number): SQL {
  return aboutResidents(sql`select ${residentId}::int`);
}

/**
 * A community or anything above it: the rows of its communities. A compound, building or entrance: the
 * rows about its doors and the people behind them, its places, its passes and the settings made there.
 */
function inPlace(placeId: number): SQL {
  const subtree = sql`select p.id from ${places} p, ${places} root
    where root.id = ${placeId} and (p.id = root.id or p.path like root.path || root.id || '/%')`;
  const doors = sql`select h.id from households h
    where h.building_id in (${subtree}) or h.entrance_id in (${subtree})`;
  const people = sql`select r.id from residents r where r.household_id in (${doors})`;
  const eid = auditLog.entityId;
  const detailPlace = (key: string) =>
    sql`(${auditLog.detail}->>${key}) in (select id::text from (${subtree}) s)`;
  return sql`(case when (select kind from ${places} where id = ${placeId}) in ('city', 'district', 'subdistrict', 'community')
    then ${auditLog.communityId} in (select p.id from ${places} p, ${places} root where root.id = ${placeId}
      and p.kind = 'community' and (p.id = root.id or p.path like root.path || root.id || '/%'))
    else (${aboutResidents(people)}
      or (${auditLog.entity} = 'household' and ${eid} in (${doors}))
      or (${auditLog.entity} = 'place' and ${eid} in (${subtree}))
      or (${auditLog.entity} = 'pass' and ${eid} in (select id from passes where household_id in (${doors})))
      or ${detailPlace('placeId')} or ${detailPlace('compoundId')} or ${detailPlace('buildingId')})
    end)`;
}
