import { aliasedTable, and, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { households, residents } from '../people/people.table';
import { compoundNameOf } from '../places/place-labels';
import { places } from '../places/places.table';
import { personStatus, statusHistory } from './status.table';

// The status module's SQL. Reads are open to every module (functions here, or the read-only fragments
// below for set-based statements that must stay one statement); the writes at the bottom are for
// status.service.ts alone — `status-ownership.test.ts` fails when another module writes these tables.

export type PersonStatusRow = typeof personStatus.$inferSelect;

const building = aliasedTable(places, 'building');

/**
 * The current statuses, for other modules' typed joins (the declarations list filters and shows where
 * people stand now; the review queue shows it beside each held declaration). Read only: never insert
 * into or update it — change a status through `status.service`.
 */
export const currentStatus = aliasedTable(personStatus, 'current_status');

/**
 * The current statuses as a relation for other modules' set-based SQL (`from ${currentStatusesSql} ps`):
 * resident_id, community_id, status, source, declaration_id, observation_until. A plain subquery, which
 * PostgreSQL pulls up into the outer query, so the plans (index on resident_id, on community and status)
 * are those of the table itself.
 */
export const currentStatusesSql: SQL = sql`(select resident_id, community_id, status, source, declaration_id,
  observation_until from ${personStatus})`;

export async function findStatus(db: DbOrTx, residentId: number): Promise<PersonStatusRow | undefined> {
  const rows = await db.select().from(personStatus).where(eq(personStatus.residentId, residentId)).limit(1);
  return rows[0];
}

/** A person's status changes, newest first. */
export async function historyOf(db: DbOrTx, residentId: number) {
  return db
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.residentId, residentId))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id));
}

/** Status changes in scope since a moment: "whose status changed since yesterday". */
export async function changesSince(db: DbOrTx, scope: Scope, since: Date, limit: number) {
  if (scope.communityIds.length === 0) return [];
  const conditions: SQL[] = [
    inArray(statusHistory.communityId, scope.communityIds),
    gte(statusHistory.at, since),
  ];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  return db
    .select({
      change: statusHistory,
      name: residents.name,
      buildingName: building.name,
      compoundName: compoundNameOf(building.parentId),
      room: households.room,
    })
    .from(statusHistory)
    .innerJoin(residents, eq(residents.id, statusHistory.residentId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .where(and(...conditions))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id))
    .limit(limit);
}

// ---- writes: status.service.ts only ----

export interface LockedStatus {
  residentId: number;
  status: string;
  source: string;
  declarationId: number | null;
}

/**
 * The current statuses of these people, their rows locked until the transaction ends (in person order,
 * as the public form's batch statement locks them, so the two never wait on each other in a circle).
 * One statement whatever the number of people.
 */
export async function lockStatuses(db: DbOrTx, residentIds: number[]): Promise<Map<number, LockedStatus>> {
  if (residentIds.length === 0) return new Map();
  const result = await db.execute<{
    resident_id: number;
    status: string;
    source: string;
    declaration_id: number | null;
  }>(sql`
    select resident_id, status, source, declaration_id from ${personStatus}
    where resident_id = any(${sql.param(residentIds)}::int[])
    order by resident_id
    for update`);
  return new Map(
    result.rows.map((r) => [
      Number(r.resident_id),
      {
        residentId: Number(r.resident_id),
        status: r.status,
        source: r.source,
        declarationId: r.declaration_id === null ? null : Number(r.declaration_id),
      },
    ]),
  );
}

export interface StatusWrite {
  residentId: number;
  communityId: number;
  status: string;
  ruleId: string | null;
  reason: { zh: string; en: string };
  observationUntil: string | null;
  declarationId: number | null;
  source: string;
}

/** Sets many people's current status in one statement, one array parameter per column (one row per person). */
export async function upsertStatuses(db: DbOrTx, rows: StatusWrite[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof StatusWrite>(key: K) => sql.param(rows.map((c) => c[key]));
  await db.execute(sql`
    insert into ${personStatus} (resident_id, community_id, status, rule_id, reason, observation_until, declaration_id,
      source, updated_at)
    select r, c, s, ru, re::jsonb, o::date, d, so, now()
    from unnest(${col('residentId')}::int[], ${col('communityId')}::int[], ${col('status')}::text[], ${col('ruleId')}::text[],
      ${sql.param(rows.map((c) => JSON.stringify(c.reason)))}::text[], ${col('observationUntil')}::text[],
      ${col('declarationId')}::int[], ${col('source')}::text[]) as u(r, c, s, ru, re, o, d, so)
    on conflict (resident_id) do update set status = excluded.status, rule_id = excluded.rule_id, reason = excluded.reason,
      observation_until = excluded.observation_until, declaration_id = excluded.declaration_id,
      source = excluded.source, updated_at = now()`);
}

export interface HistoryWrite {
  communityId: number;
  residentId: number;
  fromStatus: string | null;
  toStatus: string;
  cause: string;
  reason: { zh: string; en: string };
}

/** Appends history rows in one statement, in the order given. */
export async function insertHistory(db: DbOrTx, rows: HistoryWrite[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof HistoryWrite>(key: K) => sql.param(rows.map((c) => c[key]));
  await db.execute(sql`
    insert into ${statusHistory} (community_id, resident_id, from_status, to_status, cause, reason)
    select c, r, f, t, ca, re::jsonb
    from unnest(${col('communityId')}::int[], ${col('residentId')}::int[], ${col('fromStatus')}::text[],
      ${col('toStatus')}::text[], ${col('cause')}::text[],
      ${sql.param(rows.map((c) => JSON.stringify(c.reason)))}::text[]) with ordinality as u(c, r, f, t, ca, re, ord)
    order by ord`);
}
