import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
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
