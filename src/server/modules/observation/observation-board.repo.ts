import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { compoundNameOf } from '../places/place-labels';
import { inScope } from './observation.repo';

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
