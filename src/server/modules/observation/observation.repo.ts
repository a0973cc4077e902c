import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { compoundNameOf } from '../places/place-labels';
import { observationCheckins, observationSlots, observations, observationTasks } from './observation.table';

export type ObservationRow = typeof observations.$inferSelect;
export type SlotRow = typeof observationSlots.$inferSelect;
export type CheckinRow = typeof observationCheckins.$inferSelect;

/** The scope filter on an observation-module table (community, and a volunteer's buildings). */
function inScope(scope: Scope, alias = 'o'): SQL {
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

export async function findCheckinByClientId(db: DbOrTx, clientId: string) {
  const rows = await db
    .select()
    .from(observationCheckins)
    .where(eq(observationCheckins.clientId, clientId))
    .limit(1);
  return rows[0];
}

export type AlertView = {
  id: number;
  community_id: number;
  observation_id: number;
  name: string;
  building_name: string | null;
  compound_name: string | null;
  room: string | null;
  temperature: string | null;
  raised_at: Date;
  escalated_at: Date | null;
  acknowledged_at: Date | null;
};

const ALERT_VIEW = sql`
  select a.id, a.community_id, a.observation_id, r.name, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name, h.room, a.temperature::text as temperature,
         a.raised_at, a.escalated_at, a.acknowledged_at
    from observation_alerts a
    join observations o on o.id = a.observation_id
    join residents r on r.id = o.resident_id
    left join households h on h.id = o.household_id
    left join places b on b.id = o.building_id`;

export async function listOpenAlerts(db: DbOrTx, scope: Scope, communityId: number) {
  const result = await db.execute<AlertView>(sql`${ALERT_VIEW}
    where a.community_id = ${communityId} and a.acknowledged_at is null and ${inScope(scope)}
    order by a.raised_at desc limit 500`);
  return result.rows;
}

export async function acknowledgeAlert(db: DbOrTx, scope: Scope, id: number, accountId: number) {
  const found = await db.execute<{ id: number }>(sql`select a.id from observation_alerts a
    join observations o on o.id = a.observation_id where a.id = ${id} and ${inScope(scope)}`);
  if (!found.rows[0]) return undefined;
  await db.execute(sql`update observation_alerts set acknowledged_at = now(), acknowledged_by = ${accountId}
    where id = ${id} and acknowledged_at is null`);
  const result = await db.execute<AlertView>(sql`${ALERT_VIEW} where a.id = ${id}`);
  return result.rows[0];
}

export type TaskView = {
  id: number;
  community_id: number;
  kind: string;
  resident_id: number;
  name: string;
  observation_id: number | null;
  reason: string;
  created_at: Date;
  done_at: Date | null;
};

export async function insertTask(db: DbOrTx, row: typeof observationTasks.$inferInsert) {
  const rows = await db.insert(observationTasks).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function listTasks(db: DbOrTx, scope: Scope, communityId: number, open: boolean) {
  const result = await db.execute<TaskView>(sql`
    select t.id, t.community_id, t.kind, t.resident_id, r.name, t.observation_id, t.reason, t.created_at, t.done_at
      from observation_tasks t join residents r on r.id = t.resident_id
     where t.community_id = ${communityId} and ${inScope(scope, 't')}
       ${open ? sql`and t.done_at is null` : sql``}
     order by t.created_at desc limit 500`);
  return result.rows;
}

export async function completeTask(db: DbOrTx, scope: Scope, id: number, accountId: number) {
  const result = await db.execute<{ id: number; community_id: number }>(sql`
    update observation_tasks t set done_at = coalesce(done_at, now()), done_by = coalesce(done_by, ${accountId})
     where t.id = ${id} and ${inScope(scope, 't')} returning t.id, t.community_id`);
  return result.rows[0];
}

export type BoardCounts = {
  community_id: number;
  active: number;
  home: number;
  centralised: number;
  open_alerts: number;
  ending_today: number;
  ending_tomorrow: number;
  slots_done: number;
  slots_due: number;
  slots_missed: number;
};

/** Counts per community (one statement for a community or for a district's hundred). */
export async function boardCounts(db: DbOrTx, communityIds: number[], today: string): Promise<BoardCounts[]> {
  if (communityIds.length === 0) return [];
  const ids = sql.join(
    communityIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const result = await db.execute<BoardCounts>(sql`
    with c(community_id) as (select unnest(array[${ids}]::int[])),
    obs as (
      select community_id, count(*)::int as active,
             count(*) filter (where kind = 'home')::int as home,
             count(*) filter (where kind = 'centralised')::int as centralised,
             count(*) filter (where planned_end = ${today}::date)::int as ending_today,
             count(*) filter (where planned_end = ${today}::date + 1)::int as ending_tomorrow
        from observations where ended_at is null and community_id in (${ids}) group by community_id),
    al as (
      select community_id, count(*)::int as open_alerts from observation_alerts
       where acknowledged_at is null and community_id in (${ids}) group by community_id),
    sl as (
      select community_id,
             count(*) filter (where state = 'done')::int as slots_done,
             count(*) filter (where state = 'due')::int as slots_due,
             count(*) filter (where state = 'missed')::int as slots_missed
        from observation_slots where day = ${today}::date and community_id in (${ids}) group by community_id)
    select c.community_id, coalesce(obs.active, 0) as active, coalesce(obs.home, 0) as home,
           coalesce(obs.centralised, 0) as centralised, coalesce(al.open_alerts, 0) as open_alerts,
           coalesce(obs.ending_today, 0) as ending_today, coalesce(obs.ending_tomorrow, 0) as ending_tomorrow,
           coalesce(sl.slots_done, 0) as slots_done, coalesce(sl.slots_due, 0) as slots_due,
           coalesce(sl.slots_missed, 0) as slots_missed
      from c left join obs using (community_id) left join al using (community_id) left join sl using (community_id)
     order by c.community_id`);
  return result.rows;
}

export async function boardByDay(db: DbOrTx, communityId: number, today: string) {
  const result = await db.execute<{ day: number; count: number }>(sql`
    select (${today}::date - day_one + 1)::int as day, count(*)::int as count
      from observations where community_id = ${communityId} and ended_at is null
     group by 1 order by 1`);
  return result.rows;
}

export async function boardByBuilding(db: DbOrTx, communityId: number, today: string) {
  const result = await db.execute<{
    building_id: number | null;
    building_name: string | null;
    compound_name: string | null;
    active: number;
    open_alerts: number;
    slots_missed: number;
  }>(sql`
    select o.building_id, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name, count(*)::int as active,
           coalesce(sum((select count(*) from observation_alerts a
                          where a.observation_id = o.id and a.acknowledged_at is null)), 0)::int as open_alerts,
           coalesce(sum((select count(*) from observation_slots s
                          where s.observation_id = o.id and s.day = ${today}::date and s.state = 'missed')), 0)::int
             as slots_missed
      from observations o left join places b on b.id = o.building_id
     where o.community_id = ${communityId} and o.ended_at is null
     group by o.building_id, b.name, b.parent_id order by b.name nulls last`);
  return result.rows;
}

/** Slots whose window closed `graceMinutes` ago with no reading: missed. Answers those marked. */
export async function markMissedSlots(db: DbOrTx, now: Date, graceMinutes: number) {
  const result = await db.execute<{ id: number; observation_id: number; community_id: number }>(sql`
    update observation_slots set state = 'missed'
     where state = 'due' and closes_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${graceMinutes})
     returning id, observation_id, community_id`);
  return result.rows;
}

/** Observations whose last two slots (closed ones) were both missed, without an open door-visit task. */
export async function twoMissedInARow(db: DbOrTx, observationIds: number[]) {
  if (observationIds.length === 0) return [];
  const result = await db.execute<{
    observation_id: number;
    community_id: number;
    resident_id: number;
    last_slot: number;
  }>(sql`
    select o.id as observation_id, o.community_id, o.resident_id, last2.ids[1] as last_slot
      from observations o
      cross join lateral (
        select array_agg(s.id order by s.closes_at desc) as ids, bool_and(s.state = 'missed') as both
          from (select id, state, closes_at from observation_slots
                 where observation_id = o.id and state <> 'due' order by closes_at desc limit 2) s
      ) last2
     where o.id in (${sql.join(
       observationIds.map((id) => sql`${id}`),
       sql`, `,
     )}) and o.ended_at is null and last2.both and cardinality(last2.ids) = 2`);
  return result.rows;
}

/** Alerts open past `minutes`, not yet escalated: escalated now. */
export async function escalateAlerts(db: DbOrTx, now: Date, minutes: number) {
  const result = await db.execute<{
    id: number;
    observation_id: number;
    community_id: number;
    resident_id: number;
  }>(sql`
    update observation_alerts a set escalated_at = ${now.toISOString()}::timestamptz
      from observations o
     where o.id = a.observation_id and a.acknowledged_at is null and a.escalated_at is null
       and a.raised_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${minutes})
     returning a.id, a.observation_id, a.community_id, o.resident_id`);
  return result.rows;
}

export type ExportRow = {
  observation_id: number;
  community_id: number;
  name: string;
  building_name: string | null;
  compound_name: string | null;
  room: string | null;
  kind: string;
  day_one: string;
  planned_end: string;
  day: string;
  part: string;
  state: string;
  channel: string | null;
  reading_cipher: string | null;
  recorded_by_name: string | null;
  recorded_at: Date | null;
};

/**
 * Every slot of the community's observations with its reading, and the readings that answered no slot (a
 * call outside the windows, a follow-up after the end) as the morning's or afternoon's of their day.
 */
export async function exportRows(db: DbOrTx, scope: Scope, communityId: number, includeEnded: boolean) {
  const result = await db.execute<ExportRow>(sql`
    with o as (
      select o.id, o.community_id, o.resident_id, o.household_id, o.building_id, o.kind, o.day_one, o.planned_end
        from observations o
       where o.community_id = ${communityId} and ${inScope(scope)}
         ${includeEnded ? sql`` : sql`and o.ended_at is null`}
    ),
    rows as (
      select s.observation_id, s.day, s.part, s.state, s.opens_at as at, c.channel, c.reading_cipher,
             c.recorded_by_name, c.recorded_at
        from observation_slots s join o on o.id = s.observation_id
        left join observation_checkins c on c.id = s.checkin_id
      union all
      select c.observation_id, (c.recorded_at at time zone 'Asia/Shanghai')::date as day,
             case when extract(hour from c.recorded_at at time zone 'Asia/Shanghai') < 12
                  then 'morning' else 'afternoon' end as part,
             'done' as state, c.recorded_at as at, c.channel, c.reading_cipher, c.recorded_by_name, c.recorded_at
        from observation_checkins c join o on o.id = c.observation_id
       where c.slot_id is null
    )
    select o.id as observation_id, o.community_id, r.name, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name, h.room, o.kind,
           o.day_one::text as day_one, o.planned_end::text as planned_end, rows.day::text as day, rows.part,
           rows.state, rows.channel, rows.reading_cipher, rows.recorded_by_name, rows.recorded_at
      from rows join o on o.id = rows.observation_id
      join residents r on r.id = o.resident_id
      left join households h on h.id = o.household_id
      left join places b on b.id = o.building_id
     order by b.name nulls last, h.room, o.id, rows.at`);
  return result.rows;
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

export async function communityNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: number; name: string }>(
    sql`select id, name from places where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}

export interface CheckinWrite {
  observationId: number;
  communityId: number;
  clientId: string;
  channel: string;
  readingCipher: string;
  alarming: boolean;
  temperature: number;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: Date;
  followUp: boolean;
  purgeAfter: string;
  /** The Beijing day of `recordedAt`: the slot it answers is that day's. */
  day: string;
}

export interface CheckinWritten {
  clientId: string;
  id: number;
  day: string | null;
  part: string | null;
}

/**
 * Readings in one statement (atomic, one round trip, any number of rows: one array per column): for each,
 * the due slot of its day whose window has opened (latest first), the check-in (a client id stored before
 * is skipped), the slot marked done, an alert when alarming. Answers the new rows; a duplicate is absent.
 * Client ids must be distinct within a call (the caller keeps the first).
 */
export async function writeCheckins(db: DbOrTx, rows: CheckinWrite[]): Promise<CheckinWritten[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof CheckinWrite>(key: K) => sql.param(rows.map((r) => r[key]));
  const result = await db.execute<{
    client_id: string;
    id: number;
    day: string | null;
    part: string | null;
  }>(sql`
    with input as (
      select * from unnest(${col('observationId')}::int[], ${col('communityId')}::int[], ${col('clientId')}::text[],
             ${col('channel')}::text[], ${col('readingCipher')}::text[], ${col('alarming')}::bool[],
             ${sql.param(rows.map((r) => r.temperature.toFixed(1)))}::numeric[], ${col('recordedBy')}::int[],
             ${col('recordedByName')}::text[], ${sql.param(rows.map((r) => r.recordedAt.toISOString()))}::timestamptz[],
             ${col('followUp')}::bool[], ${col('purgeAfter')}::date[], ${col('day')}::date[])
        as i(observation_id, community_id, client_id, channel, reading_cipher, alarming, temperature, recorded_by,
             recorded_by_name, recorded_at, follow_up, purge_after, day)
    ),
    slot as (
      select distinct on (i.client_id) i.client_id, s.id, s.day, s.part
        from input i join observation_slots s
          on s.observation_id = i.observation_id and s.state = 'due' and s.day = i.day
         and s.opens_at <= i.recorded_at and not i.follow_up
       order by i.client_id, s.opens_at desc
    ),
    ins as (
      insert into observation_checkins (observation_id, community_id, slot_id, client_id, channel, reading_cipher,
             alarming, recorded_by, recorded_by_name, recorded_at, follow_up, purge_after)
      select i.observation_id, i.community_id, slot.id, i.client_id, i.channel, i.reading_cipher, i.alarming,
             i.recorded_by, i.recorded_by_name, i.recorded_at, i.follow_up, i.purge_after
        from input i left join slot on slot.client_id = i.client_id
      on conflict (community_id, client_id) do nothing
      returning id, slot_id, client_id, observation_id, community_id, alarming
    ),
    done as (
      update observation_slots s set state = 'done', checkin_id = x.id
        from (select distinct on (slot_id) slot_id, id from ins where slot_id is not null order by slot_id, id) x
       where s.id = x.slot_id and s.state = 'due'
    ),
    alert as (
      insert into observation_alerts (observation_id, community_id, checkin_id, temperature)
      select ins.observation_id, ins.community_id, ins.id, i.temperature
        from ins join input i on i.client_id = ins.client_id where ins.alarming
    )
    select ins.client_id, ins.id, slot.day::text as day, slot.part
      from ins left join slot on slot.client_id = ins.client_id`);
  return result.rows.map((r) => ({ clientId: r.client_id, id: r.id, day: r.day, part: r.part }));
}
