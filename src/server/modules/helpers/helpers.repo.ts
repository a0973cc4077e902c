// SQL for helpers and building coverage. Every read takes the community ids the caller's scope allows.
import { sql } from 'drizzle-orm';
import type { CoverageRequirements } from '../../../shared/helpers';
import type { DbOrTx } from '../../db/database';
import { compoundNameOf } from '../places/place-labels';

const ids = (values: number[]) => sql`${`{${values.join(',')}}`}::int[]`;

export interface HelperRow {
  id: number;
  community_id: number;
  resident_id: number | null;
  name: string;
  phone_masked: string | null;
  teams: string[];
  skills: string[];
  availability: string | null;
  verified: boolean;
  account_id: number | null;
  party_branch_id: number | null;
  party_branch_name: string | null;
  party_kind: string | null;
  employer_party_org: string | null;
  reported_on: string | null;
  next_report_due: string | null;
  buildings: Array<{ buildingId: number; buildingName: string; compoundName: string | null; role: string }>;
}

/** Helpers of some communities (or the one helper `id`), each with the buildings and roles they hold. */
export async function listHelpers(db: DbOrTx, communityIds: number[], id?: number): Promise<HelperRow[]> {
  const result = await db.execute<HelperRow & Record<string, unknown>>(sql`
    select h.id, h.community_id, h.resident_id, h.name, h.phone_masked, h.teams, h.skills, h.availability,
           h.verified, h.account_id, h.party_branch_id, pb.name as party_branch_name, h.party_kind,
           h.employer_party_org, h.reported_on::text as reported_on, h.next_report_due::text as next_report_due,
           coalesce((select json_agg(json_build_object('buildingId', r.building_id, 'buildingName', b.name,
                       'compoundName', ${compoundNameOf(sql`b.parent_id`)}, 'role', r.role) order by b.sort_key, b.id, r.role)
                     from building_roles r join places b on b.id = r.building_id
                     where r.helper_id = h.id), '[]'::json) as buildings
    from helpers h left join party_branches pb on pb.id = h.party_branch_id
    where h.community_id = any(${ids(communityIds)}) and h.active
      ${id === undefined ? sql`` : sql`and h.id = ${id}`}
    order by h.community_id, h.name, h.id`);
  return result.rows;
}

export async function findHelper(db: DbOrTx, communityIds: number[], id: number) {
  const result = await db.execute<{ id: number; community_id: number; account_id: number | null }>(sql`
    select id, community_id, account_id from helpers
    where id = ${id} and community_id = any(${ids(communityIds)}) and active`);
  return result.rows[0];
}

export async function helperOfAccount(db: DbOrTx, accountId: number) {
  const result = await db.execute<{ id: number; community_id: number }>(sql`
    select id, community_id from helpers where account_id = ${accountId} and active`);
  return result.rows[0];
}

/** An account that may be linked to a helper of this community: scoped to it, not linked elsewhere. */
export async function accountOfCommunity(db: DbOrTx, communityId: number, accountId: number) {
  const result = await db.execute<{ id: number }>(sql`
    select id from accounts where id = ${accountId} and scope_place_id = ${communityId}`);
  return result.rows[0];
}

export async function branchOfCommunity(db: DbOrTx, communityId: number, branchId: number) {
  const result = await db.execute<{ id: number }>(sql`
    select id from party_branches where id = ${branchId} and community_id = ${communityId}`);
  return result.rows[0];
}

export async function residentForHelper(db: DbOrTx, communityId: number, residentId: number) {
  const result = await db.execute<{
    id: number;
    name: string;
    phone_cipher: string | null;
    phone_hash: string | null;
    phone_masked: string | null;
  }>(sql`
    select id, name, phone_cipher, phone_hash, phone_masked from residents
    where id = ${residentId} and community_id = ${communityId} and moved_out_at is null`);
  return result.rows[0];
}

/** A building (or bungalow area) of a community the scope reaches. */
export async function buildingInScope(
  db: DbOrTx,
  communityIds: number[],
  buildingIds: number[] | null,
  id: number,
) {
  const result = await db.execute<{ id: number; community_id: number; name: string }>(sql`
    select id, community_id, name from places
    where id = ${id} and kind in ('building', 'bungalow_area') and community_id = any(${ids(communityIds)})
      ${buildingIds ? sql`and id = any(${ids(buildingIds)})` : sql``}`);
  return result.rows[0];
}

export async function requirementsOf(db: DbOrTx, communityIds: number[]) {
  const result = await db.execute<{ community_id: number; required: CoverageRequirements }>(sql`
    select community_id, required from coverage_settings where community_id = any(${ids(communityIds)})`);
  return new Map(result.rows.map((r) => [r.community_id, r.required]));
}

export async function saveRequirements(
  db: DbOrTx,
  communityId: number,
  required: CoverageRequirements,
  accountId: number,
) {
  await db.execute(sql`
    insert into coverage_settings (community_id, required, updated_by, updated_at)
    values (${communityId}, ${JSON.stringify(required)}::jsonb, ${accountId}, now())
    on conflict (community_id) do update set required = excluded.required,
      updated_by = excluded.updated_by, updated_at = now()`);
}

export interface CoverageData {
  buildings: Array<{ id: number; name: string; compoundName: string | null }>;
  assignments: Array<{ id: number; buildingId: number; role: string; helperId: number; name: string }>;
}

/** The matrix's rows in one statement: the community's buildings in tree order, and who holds which role. */
export async function coverageData(db: DbOrTx, communityId: number): Promise<CoverageData> {
  const result = await db.execute<{ data: CoverageData }>(sql`
    select json_build_object(
      'buildings', coalesce((
        select json_agg(json_build_object('id', b.id, 'name', b.name, 'compoundName', p.name)
                        order by coalesce(p.sort_key, 0), b.parent_id, b.sort_key, b.id)
        from places b left join places p on p.id = b.parent_id and p.kind = 'compound'
        where b.community_id = ${communityId} and b.kind in ('building', 'bungalow_area')), '[]'::json),
      'assignments', coalesce((
        select json_agg(json_build_object('id', r.id, 'buildingId', r.building_id, 'role', r.role,
                        'helperId', r.helper_id, 'name', h.name) order by r.id)
        from building_roles r join helpers h on h.id = r.helper_id
        where r.community_id = ${communityId} and h.active), '[]'::json)
    ) as data`);
  return (result.rows[0] as { data: CoverageData }).data;
}

export async function insertAssignment(
  db: DbOrTx,
  row: { communityId: number; buildingId: number; role: string; helperId: number; accountId: number },
) {
  const result = await db.execute<{ id: number; inserted: boolean }>(sql`
    with ins as (
      insert into building_roles (community_id, building_id, role, helper_id, created_by)
      values (${row.communityId}, ${row.buildingId}, ${row.role}, ${row.helperId}, ${row.accountId})
      on conflict (community_id, building_id, role, helper_id) do nothing returning id)
    select id, true as inserted from ins
    union all
    select id, false from building_roles
    where building_id = ${row.buildingId} and role = ${row.role} and helper_id = ${row.helperId}
      and not exists (select 1 from ins)`);
  return result.rows[0];
}

export async function deleteAssignment(db: DbOrTx, communityIds: number[], id: number) {
  const result = await db.execute<{ id: number; community_id: number; building_id: number }>(sql`
    delete from building_roles where id = ${id} and community_id = any(${ids(communityIds)})
    returning id, community_id, building_id`);
  return result.rows[0];
}

/**
 * Coverage of many communities in one statement (sub-district, district): per building, the people each
 * role has, against the community's setting (or the default), counted per community.
 */
export async function coverageRollup(db: DbOrTx, communityIds: number[], fallback: CoverageRequirements) {
  const result = await db.execute<{
    community_id: number;
    community_name: string;
    buildings: number;
    covered: number;
  }>(sql`
    with req as (
      select c.id as community_id, c.name, coalesce(s.required, ${JSON.stringify(fallback)}::jsonb) as r
      from places c left join coverage_settings s on s.community_id = c.id
      where c.id = any(${ids(communityIds)}) and c.kind = 'community'),
    held as (
      select building_id, count(*) filter (where role = 'party_contact')::int as pc,
             count(*) filter (where role = 'building_lead')::int as bl,
             count(*) filter (where role = 'volunteer')::int as vo
      from building_roles where community_id = any(${ids(communityIds)}) group by building_id)
    select req.community_id, req.name as community_name, count(b.id)::int as buildings,
           (count(b.id) filter (where coalesce(h.pc, 0) >= (req.r->>'party_contact')::int
                                  and coalesce(h.bl, 0) >= (req.r->>'building_lead')::int
                                  and coalesce(h.vo, 0) >= (req.r->>'volunteer')::int))::int as covered
    from req left join places b on b.community_id = req.community_id and b.kind in ('building', 'bungalow_area')
    left join held h on h.building_id = b.id
    group by req.community_id, req.name order by req.name, req.community_id`);
  return result.rows;
}
