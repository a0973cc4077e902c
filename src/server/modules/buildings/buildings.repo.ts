import { sql } from 'drizzle-orm';
import type { CampaignKind } from '../../../shared/campaigns';
import { DONE_OUTCOMES } from '../../../shared/campaigns';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { publicPhotoIds } from '../photos/photos.repo';
import { currentStatusesSql } from '../status/status.repo';

const doneList = sql.raw(`(${DONE_OUTCOMES.map((o) => `'${o}'`).join(',')})`);
const VULNERABLE = sql.raw(
  `array['elderly_alone','empty_nest','disabled','pregnant','chronic_illness','low_income']::text[]`,
);
const ATTENTION = sql.raw(`('to_verify','home_observation','centralised_observation','referred_to_clinic')`);
const ints = (ids: number[]) => sql.raw(`array[${(ids.length ? ids : [-1]).map(Number).join(',')}]::int[]`);

export type BuildingFigures = {
  id: number;
  name: string;
  kind: string;
  compound_id: number | null;
  compound_name: string | null;
  households: number;
  vacant: number;
  residents: number;
  renters: number;
  vulnerable: number;
  party_members: number;
  attention: number;
  campaign_id: number | null;
  campaign_total: number;
  campaign_done: number;
};

/**
 * The figures of every building (and bungalow area) of a community in one statement: residents are
 * counted per household, households per building (materialised, so each runs once), then joined, so the grid costs a handful of grouped scans, not a query per
 * building. `buildingId` narrows it to one building (the profile). Volunteers see only their buildings.
 */
export async function buildingFigures(db: DbOrTx, scope: Scope, communityId: number, buildingId?: number) {
  const only = buildingId ? sql`and p.id = ${buildingId}` : sql``;
  const onlyHouseholds = buildingId ? sql`and h.building_id = ${buildingId}` : sql``;
  const mine = scope.buildingIds ? sql`and p.id = any(${ints(scope.buildingIds)})` : sql``;
  const result = await db.execute<BuildingFigures>(sql`
    with b as materialized (
      select p.id, p.name, p.kind, p.sort_key, parent.id as compound_id, parent.name as compound_name,
             coalesce(parent.sort_key, -1) as parent_sort, coalesce(parent.id, 0) as parent_id
      from places p left join places parent on parent.id = p.parent_id and parent.kind = 'compound'
      where p.community_id = ${communityId} and p.kind in ('building', 'bungalow_area') ${only} ${mine}
    ), hr as materialized (
      select household_id, count(*)::int as n,
             (count(*) filter (where residence_type <> 'registered' or relation_to_head = 'tenant'))::int as renters,
             (count(*) filter (where tags && ${VULNERABLE}))::int as vulnerable,
             (count(*) filter (where 'party_member' = any(tags)))::int as party
      from residents where community_id = ${communityId} and moved_out_at is null and household_id is not null
      group by household_id
    ), h as materialized (
      select h.building_id, count(*)::int as n, (count(*) filter (where h.vacant))::int as vacant,
             coalesce(sum(hr.n), 0)::int as residents, coalesce(sum(hr.renters), 0)::int as renters,
             coalesce(sum(hr.vulnerable), 0)::int as vulnerable, coalesce(sum(hr.party), 0)::int as party
      from households h left join hr on hr.household_id = h.id
      where h.community_id = ${communityId} ${onlyHouseholds}
      group by h.building_id
    ), s as materialized (
      select h.building_id, count(*)::int as attention
      from ${currentStatusesSql} ps join residents r on r.id = ps.resident_id join households h on h.id = r.household_id
      where ps.community_id = ${communityId} and ps.status in ${ATTENTION} and r.moved_out_at is null
      group by h.building_id
    ), k as materialized (
      select id from campaigns where community_id = ${communityId} and kind = 'screening'
      order by created_at desc, id desc limit 1
    ), t as materialized (
      select building_id, count(*)::int as total, (count(*) filter (where outcome in ${doneList}))::int as done
      from campaign_targets where campaign_id = (select id from k) group by building_id
    )
    select b.id, b.name, b.kind, b.compound_id, b.compound_name,
           coalesce(h.n, 0) as households, coalesce(h.vacant, 0) as vacant,
           coalesce(h.residents, 0) as residents, coalesce(h.renters, 0) as renters,
           coalesce(h.vulnerable, 0) as vulnerable, coalesce(h.party, 0) as party_members,
           coalesce(s.attention, 0) as attention,
           (select id from k) as campaign_id, coalesce(t.total, 0) as campaign_total, coalesce(t.done, 0) as campaign_done
    from b
    left join h on h.building_id = b.id
    left join s on s.building_id = b.id
    left join t on t.building_id = b.id
    order by b.parent_sort, b.parent_id, b.sort_key, b.id`);
  return result.rows;
}

/** The community a building belongs to, when the scope may see it (404 otherwise, as for a missing row). */
export async function buildingCommunity(db: DbOrTx, scope: Scope, buildingId: number) {
  const mine = scope.buildingIds ? sql`and id = any(${ints(scope.buildingIds)})` : sql``;
  const result = await db.execute<{ community_id: number }>(sql`
    select community_id from places
    where id = ${buildingId} and kind in ('building', 'bungalow_area')
      and community_id = any(${ints(scope.communityIds)}) ${mine}`);
  return result.rows[0]?.community_id;
}

export async function entrancesOf(db: DbOrTx, buildingId: number) {
  const result = await db.execute<{
    id: number | null;
    name: string | null;
    households: number;
    vacant: number;
  }>(sql`
    select e.id, e.name, count(h.id)::int as households, (count(h.id) filter (where h.vacant))::int as vacant
    from households h left join places e on e.id = h.entrance_id
    where h.building_id = ${buildingId}
    group by e.id, e.name, e.sort_key order by e.sort_key nulls first, e.id nulls first`);
  return result.rows;
}

/** Volunteers (building captains) whose accounts cover this building. */
export async function volunteersOf(db: DbOrTx, communityId: number, buildingId: number) {
  const result = await db.execute<{ id: number; display_name: string }>(sql`
    select id, display_name from accounts
    where scope_place_id = ${communityId} and role = 'volunteer' and disabled_at is null
      and ${buildingId} = any(scope_building_ids)
    order by display_name`);
  return result.rows;
}

/** Current statuses (from declarations) of the people living in the building. */
export async function statusCounts(db: DbOrTx, buildingId: number) {
  const result = await db.execute<{ status: string; n: number }>(sql`
    select ps.status, count(*)::int as n
    from ${currentStatusesSql} ps join residents r on r.id = ps.resident_id join households h on h.id = r.household_id
    where h.building_id = ${buildingId} and r.moved_out_at is null
    group by ps.status order by n desc`);
  return result.rows;
}

/** The last campaigns that reached this building, with its outcome counts and who covered it. */
export async function recentCampaigns(db: DbOrTx, communityId: number, buildingId: number) {
  const result = await db.execute<{
    id: number;
    name: string;
    kind: CampaignKind;
    status: string;
    created_at: Date;
    outcomes: Record<string, number>;
    assignees: string[] | null;
  }>(sql`
    select c.id, c.name, c.kind, c.status, c.created_at,
           (select json_object_agg(coalesce(o.outcome, 'not_visited'), o.n) from (
              select outcome, count(*)::int as n from campaign_targets
              where campaign_id = c.id and building_id = ${buildingId} group by outcome) o) as outcomes,
           (select array_agg(distinct acc.display_name) from campaign_assignments a
              join accounts acc on acc.id = a.account_id
              where a.campaign_id = c.id and a.building_id = ${buildingId}) as assignees
    from campaigns c
    where c.community_id = ${communityId}
      and exists (select 1 from campaign_targets t where t.campaign_id = c.id and t.building_id = ${buildingId})
    order by c.created_at desc, c.id desc limit 5`);
  return result.rows;
}

export type OpenFindingRow = {
  id: number;
  campaign_id: number;
  campaign_name: string;
  campaign_kind: CampaignKind;
  item_text: string;
  entrance_name: string | null;
  floor: number | null;
  location: string | null;
  description: string;
  /** The photos' public ids. */
  photo_ids: string[];
  deadline: string;
  created_at: Date;
};

/** Open findings of governance campaigns at this building (the campaigns module writes them). */
export async function openFindings(db: DbOrTx, buildingId: number) {
  const result = await db.execute<OpenFindingRow>(sql`
    select f.id, f.campaign_id, c.name as campaign_name, c.kind as campaign_kind, f.item_text,
           e.name as entrance_name, f.floor, f.location, f.description,
           ${publicPhotoIds('f.photo_ids')} as photo_ids, f.deadline, f.created_at
    from campaign_findings f
    join campaigns c on c.id = f.campaign_id
    left join places e on e.id = f.entrance_id
    where f.building_id = ${buildingId} and f.status = 'open'
    order by f.deadline, f.id
    limit 200`);
  return result.rows;
}
