// The facts table's SQL: writing a refresh (only the numbers that changed), summing up the tree, reading.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

const ints = (ids: number[]) => sql`${sql.param(ids)}::int[]`;

export async function allCommunityIds(db: DbOrTx): Promise<number[]> {
  const { rows } = await db.execute<{ id: number }>(
    sql`select id from places where kind = 'community' order by id`,
  );
  return rows.map((r) => r.id);
}

export interface FactWrite {
  placeId: number;
  indicator: string;
  value: number;
}

/**
 * Writes a refresh of `day` for `communityIds` (their own rows and their buildings'), inside the caller's
 * transaction: changed values upserted, rows of these places the refresh no longer names set to 0, then
 * every place above these communities summed again from all its communities' rows, and the refresh time
 * recorded (above a community: the oldest of its communities').
 */
export async function writeFacts(
  tx: DbOrTx,
  day: string,
  communityIds: number[],
  facts: FactWrite[],
  at: Date,
): Promise<void> {
  const places = facts.map((f) => f.placeId);
  const names = facts.map((f) => f.indicator);
  const values = facts.map((f) => f.value);
  await tx.execute(sql`
    insert into dashboard_facts (place_id, day, indicator, value)
    select p, ${day}::date, i, v from unnest(${ints(places)}, ${sql.param(names)}::text[], ${sql.param(values)}::float8[]) as u(p, i, v)
    on conflict (place_id, day, indicator) do update set value = excluded.value
    where dashboard_facts.value is distinct from excluded.value`);
  // Buildings whose count fell to nothing: their rows stay, at 0.
  await tx.execute(sql`
    update dashboard_facts f set value = 0
    where f.day = ${day}::date and f.value <> 0
      and f.place_id in (select id from places where community_id = any(${ints(communityIds)}))
      and not exists (select 1 from unnest(${ints(places)}, ${sql.param(names)}::text[]) as u(p, i)
                      where u.p = f.place_id and u.i = f.indicator)`);
  await tx.execute(sql`
    insert into dashboard_refreshes (place_id, day, refreshed_at)
    select id, ${day}::date, ${at} from unnest(${ints(communityIds)}) as id
    on conflict (place_id, day) do update set refreshed_at = excluded.refreshed_at`);
  // The places above: every ancestor of a refreshed community, summed from all of its communities.
  await tx.execute(sql`
    with anc as (
      select distinct a::int as id from places c
      cross join lateral unnest(string_to_array(trim(both '/' from c.path), '/')) as a
      where c.id = any(${ints(communityIds)}) and c.path <> '/'
    ), under as (
      select anc.id as anc_id, c.id as community_id from anc
      join places c on c.kind = 'community' and c.path like '%/' || anc.id || '/%'
    ), sums as (
      select u.anc_id, f.indicator, sum(f.value) as value
      from under u join dashboard_facts f on f.place_id = u.community_id and f.day = ${day}::date
      group by u.anc_id, f.indicator
    ), written as (
      insert into dashboard_facts (place_id, day, indicator, value)
      select anc_id, ${day}::date, indicator, value from sums
      on conflict (place_id, day, indicator) do update set value = excluded.value
      where dashboard_facts.value is distinct from excluded.value
      returning 1
    )
    insert into dashboard_refreshes (place_id, day, refreshed_at)
    select u.anc_id, ${day}::date, min(coalesce(r.refreshed_at, ${at})) from under u
    left join dashboard_refreshes r on r.place_id = u.community_id and r.day = ${day}::date
    group by u.anc_id
    on conflict (place_id, day) do update set refreshed_at = excluded.refreshed_at`);
}

export type FactRowOut = {
  place_id: number;
  day: string;
  indicator: string;
  value: number;
};

/** The facts of some places over a span of days (inclusive), as stored. */
export async function readFacts(db: DbOrTx, placeIds: number[], from: string, to: string) {
  const { rows } = await db.execute<FactRowOut>(sql`
    select place_id, to_char(day, 'YYYY-MM-DD') as day, indicator, value from dashboard_facts
    where place_id = any(${ints(placeIds)}) and day between ${from}::date and ${to}::date`);
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export async function refreshedAt(db: DbOrTx, placeId: number, day: string): Promise<Date | null> {
  const { rows } = await db.execute<{ at: string | Date }>(sql`
    select refreshed_at as at from dashboard_refreshes where place_id = ${placeId} and day = ${day}::date`);
  return rows[0] ? new Date(rows[0].at) : null;
}

export type PlaceRowOut = {
  id: number;
  name: string;
  kind: string;
  path: string;
  community_id: number | null;
  parent_id: number | null;
};

export async function placeById(db: DbOrTx, id: number): Promise<PlaceRowOut | undefined> {
  const { rows } = await db.execute<PlaceRowOut>(sql`
    select id, name, kind, path, community_id, parent_id from places where id = ${id}`);
  return rows[0];
}

export async function placesByIds(db: DbOrTx, ids: number[]): Promise<PlaceRowOut[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.execute<PlaceRowOut>(sql`
    select id, name, kind, path, community_id, parent_id from places where id = any(${ints(ids)})`);
  return rows;
}

/**
 * What a place's dashboard sets side by side: below a community its direct children (sub-districts of a
 * district …); for a community its buildings and bungalow areas (under its compounds too).
 */
export async function childrenOf(db: DbOrTx, place: PlaceRowOut): Promise<PlaceRowOut[]> {
  const { rows } = await db.execute<PlaceRowOut>(
    place.kind === 'community'
      ? sql`select id, name, kind, path, community_id, parent_id from places
            where community_id = ${place.id} and kind in ('building', 'bungalow_area') order by path, sort_key, id`
      : sql`select id, name, kind, path, community_id, parent_id from places
            where parent_id = ${place.id} and kind in ('district', 'subdistrict', 'community')
            order by sort_key, id`,
  );
  return rows;
}
