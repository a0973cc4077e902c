import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { NoticeFilter } from '../../../shared/observation/observation-responses';
import { BEIJING_ZONE } from '../../db/beijing-sql';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { compoundNameOf } from '../places/place-labels';
import { observationCheckins, observationSlots, observations } from './observation.table';

export type ObservationRow = typeof observations.$inferSelect;
export type SlotRow = typeof observationSlots.$inferSelect;
export type CheckinRow = typeof observationCheckins.$inferSelect;

/** The scope filter on an observation-module table (community, and a volunteer's buildings). */
export function inScope(scope: Scope, alias = 'o'): SQL {
  if (scope.communityIds.length === 0) return sql`false`;
  const communities = sql`${sql.raw(alias)}.community_id in (${sql.join(
    scope.communityIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;
  if (!scope.buildingIds) return communities;
  const buildings = scope.buildingIds.length ? scope.buildingIds : [-1];
  return sql`${communities} and ${sql.raw(alias)}.building_id in (${sql.join(
    buildings.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

export type ObservationView = {
  id: number;
  community_id: number;
  resident_id: number;
  name: string;
  building_id: number | null;
  building_name: string | null;
  compound_name: string | null;
  room: string | null;
  kind: string;
  reason: string;
  note: string | null;
  day_one: string;
  planned_end: string;
  period_days: number;
  site: string | null;
  site_room: string | null;
  started_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  version: number;
  open_alerts: number;
};

const VIEW = sql`
  select o.id, o.community_id, o.resident_id, r.name, o.building_id, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name, h.room,
         o.kind, o.reason, o.note, o.day_one::text as day_one, o.planned_end::text as planned_end,
         o.period_days, o.site, o.room as site_room, o.started_at, o.ended_at, o.end_reason, o.version,
         (select count(*)::int from observation_alerts a
           where a.observation_id = o.id and a.acknowledged_at is null) as open_alerts
    from observations o
    join residents r on r.id = o.resident_id
    left join households h on h.id = o.household_id
    left join places b on b.id = o.building_id`;

export async function findView(db: DbOrTx, scope: Scope, id: number): Promise<ObservationView | undefined> {
  const result = await db.execute<ObservationView>(sql`${VIEW} where o.id = ${id} and ${inScope(scope)}`);
  return result.rows[0];
}

export type ListFilter =
  | 'active'
  | 'ended'
  | 'ending_today'
  | 'ending_tomorrow'
  | 'alerts'
  | 'missed_today'
  | 'due_today';

export async function listViews(
  db: DbOrTx,
  scope: Scope,
  q: { communityId: number; filter: ListFilter; today: string; buildingId?: number; limit: number },
): Promise<ObservationView[]> {
  const tomorrow = sql`(${q.today}::date + 1)`;
  const conditions: Record<ListFilter, SQL> = {
    active: sql`o.ended_at is null`,
    ended: sql`o.ended_at is not null`,
    ending_today: sql`o.ended_at is null and o.planned_end = ${q.today}::date`,
    ending_tomorrow: sql`o.ended_at is null and o.planned_end = ${tomorrow}`,
    alerts: sql`exists (select 1 from observation_alerts a where a.observation_id = o.id and a.acknowledged_at is null)`,
    missed_today: sql`exists (select 1 from observation_slots s where s.observation_id = o.id and s.day = ${q.today}::date and s.state = 'missed')`,
    due_today: sql`o.ended_at is null and exists (select 1 from observation_slots s where s.observation_id = o.id and s.day = ${q.today}::date and s.state = 'due')`,
  };
  const building = q.buildingId ? sql` and o.building_id = ${q.buildingId}` : sql``;
  const result = await db.execute<ObservationView>(sql`${VIEW}
    where o.community_id = ${q.communityId} and ${inScope(scope)} and ${conditions[q.filter]}${building}
    order by o.planned_end, o.id limit ${q.limit}`);
  return result.rows;
}

export async function findOpenByResident(db: DbOrTx, residentId: number) {
  const rows = await db
    .select()
    .from(observations)
    .where(and(eq(observations.residentId, residentId), isNull(observations.endedAt)))
    .limit(1);
  return rows[0];
}

export async function findRow(db: DbOrTx, scope: Scope, id: number): Promise<ObservationRow | undefined> {
  const result = await db.execute<{ id: number }>(
    sql`select o.id from observations o where o.id = ${id} and ${inScope(scope)}`,
  );
  if (!result.rows[0]) return undefined;
  const rows = await db.select().from(observations).where(eq(observations.id, id)).for('update');
  return rows[0];
}

export async function findByLink(db: DbOrTx, token: string): Promise<ObservationRow | undefined> {
  const rows = await db.select().from(observations).where(eq(observations.linkToken, token)).limit(1);
  return rows[0];
}

export async function slotsOf(db: DbOrTx, observationId: number) {
  return db
    .select()
    .from(observationSlots)
    .where(eq(observationSlots.observationId, observationId))
    .orderBy(observationSlots.opensAt);
}

export async function checkinsOf(db: DbOrTx, observationId: number) {
  return db
    .select()
    .from(observationCheckins)
    .where(eq(observationCheckins.observationId, observationId))
    .orderBy(observationCheckins.recordedAt);
}

export async function insertSlots(db: DbOrTx, rows: Array<typeof observationSlots.$inferInsert>) {
  if (rows.length === 0) return;
  await db.insert(observationSlots).values(rows).onConflictDoNothing();
}

/** Slots still due after the last day (a shortened or ended period): gone, no check-in is owed. */
export async function deleteDueSlotsAfter(db: DbOrTx, observationId: number, afterDay: string) {
  await db.execute(sql`delete from observation_slots
    where observation_id = ${observationId} and state = 'due' and day > ${afterDay}::date`);
}

export async function deleteDueSlotsFrom(db: DbOrTx, observationId: number, from: Date) {
  await db.execute(sql`delete from observation_slots
    where observation_id = ${observationId} and state = 'due' and opens_at >= ${from.toISOString()}`);
}

export async function updateObservation(
  db: DbOrTx,
  id: number,
  values: Partial<typeof observations.$inferInsert>,
) {
  const rows = await db
    .update(observations)
    .set({ ...values, version: sql`${observations.version} + 1` })
    .where(eq(observations.id, id))
    .returning();
  return rows[0];
}

export async function insertObservation(db: DbOrTx, row: typeof observations.$inferInsert) {
  const rows = await db.insert(observations).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function buildingOfHousehold(db: DbOrTx, householdId: number): Promise<number | null> {
  const result = await db.execute<{ building_id: number }>(
    sql`select building_id from households where id = ${householdId}`,
  );
  return result.rows[0]?.building_id ?? null;
}

/**
 * The observations a notice print lays out: the ticked ids, or everyone a filter names, in door order so
 * a stack of notices is walked building by building. `total` says how many matched beyond the limit.
 */
export async function noticeViews(
  db: DbOrTx,
  scope: Scope,
  q: { communityId: number; ids?: number[]; filter: NoticeFilter; today: string; limit: number },
): Promise<{ rows: ObservationView[]; total: number }> {
  const day = sql`(o.ended_at at time zone ${BEIJING_ZONE})::date`;
  const filters: Record<NoticeFilter, SQL> = {
    active: sql`o.ended_at is null`,
    ending_today: sql`o.ended_at is null and o.planned_end = ${q.today}::date`,
    ended_today: sql`o.ended_at is not null and ${day} = ${q.today}::date`,
  };
  const which = q.ids
    ? sql`o.id in (${sql.join(
        q.ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : filters[q.filter];
  const where = sql`o.community_id = ${q.communityId} and ${inScope(scope)} and ${which}`;
  const [rows, count] = await Promise.all([
    db.execute<ObservationView>(sql`${VIEW} where ${where}
      order by compound_name nulls last, b.sort_key nulls last, b.name, h.room, o.id limit ${q.limit}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from observations o where ${where}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

export async function communityName(db: DbOrTx, communityId: number): Promise<string | null> {
  const result = await db.execute<{ name: string }>(
    sql`select name from places where id = ${communityId} and kind = 'community'`,
  );
  return result.rows[0]?.name ?? null;
}
