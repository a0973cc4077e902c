import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { DONE_OUTCOMES } from '../../../shared/campaigns';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { residents } from '../people/people.table';
import { places } from '../places/places.table';
import { campaignAssignments, campaigns, campaignTargets, campaignVisits } from './campaigns.table';

export type CampaignRow = typeof campaigns.$inferSelect;
export type TargetRow = typeof campaignTargets.$inferSelect;
export type VisitRow = typeof campaignVisits.$inferSelect;

const doneList = sql.raw(`(${DONE_OUTCOMES.map((o) => `'${o}'`).join(',')})`);

function inCommunities(
  scope: Scope,
  column: typeof campaigns.communityId | typeof campaignTargets.communityId,
) {
  return scope.communityIds.length ? inArray(column, scope.communityIds) : sql`false`;
}

/** Volunteers see only their buildings' households. */
function targetScope(scope: Scope): SQL {
  const community = inCommunities(scope, campaignTargets.communityId);
  if (!scope.buildingIds) return community;
  return and(
    community,
    inArray(campaignTargets.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]),
  ) as SQL;
}

export async function insertCampaign(
  db: DbOrTx,
  values: typeof campaigns.$inferInsert,
): Promise<CampaignRow> {
  const rows = await db.insert(campaigns).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

/**
 * Every household of the community (or under the chosen compounds/buildings) becomes a target, in one
 * INSERT … SELECT: 3,500 households are one statement, not 3,500.
 */
export async function insertTargetsFromHouseholds(db: DbOrTx, campaign: CampaignRow): Promise<number> {
  const places = campaign.placeIds;
  const underPlaces = places.length
    ? sql`and exists (select 1 from unnest(${sql.raw(`array[${places.map(Number).join(',')}]::int[]`)}) p
          where b.id = p or b.path like '%/' || p || '/%')`
    : sql``;
  const result = await db.execute(sql`
    insert into campaign_targets (campaign_id, community_id, household_id, building_id, entrance_id, floor, room)
    select ${campaign.id}, h.community_id, h.id, h.building_id, h.entrance_id, h.floor, h.room
    from households h join places b on b.id = h.building_id
    where h.community_id = ${campaign.communityId} ${underPlaces}`);
  const count = result.rowCount ?? 0;
  await db.update(campaigns).set({ targetCount: count }).where(eq(campaigns.id, campaign.id));
  return count;
}

export async function listCampaigns(db: DbOrTx, scope: Scope, communityId?: number) {
  const conditions = [inCommunities(scope, campaigns.communityId)];
  if (communityId) conditions.push(eq(campaigns.communityId, communityId));
  return db
    .select({ campaign: campaigns, communityName: places.name })
    .from(campaigns)
    .innerJoin(places, eq(places.id, campaigns.communityId))
    .where(and(...conditions))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(200);
}

export async function findCampaign(db: DbOrTx, scope: Scope, id: number): Promise<CampaignRow | undefined> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), inCommunities(scope, campaigns.communityId)))
    .limit(1);
  return rows[0];
}

export async function closeCampaign(db: DbOrTx, id: number) {
  await db.update(campaigns).set({ status: 'closed', closedAt: new Date() }).where(eq(campaigns.id, id));
}

/** Places (compounds, buildings, entrances) of one community, by id: to check what a request names. */
export async function placesOfCommunity(db: DbOrTx, communityId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: places.id, kind: places.kind, parentId: places.parentId, name: places.name })
    .from(places)
    .where(and(eq(places.communityId, communityId), inArray(places.id, ids)));
}

export type UnitRow = {
  buildingId: number;
  buildingName: string;
  entranceId: number | null;
  entranceName: string | null;
  households: number;
  done: number;
};

/** Buildings and entrances the campaign covers, with their household counts and how many are done. */
export async function unitsOfCampaign(db: DbOrTx, campaignId: number): Promise<UnitRow[]> {
  const result = await db.execute<UnitRow>(sql`
    select t.building_id as "buildingId", b.name as "buildingName", t.entrance_id as "entranceId",
           e.name as "entranceName", count(*)::int as households,
           (count(*) filter (where t.outcome in ${doneList}))::int as done
    from campaign_targets t
    join places b on b.id = t.building_id
    left join places bp on bp.id = b.parent_id
    left join places e on e.id = t.entrance_id
    where t.campaign_id = ${campaignId}
    group by bp.sort_key, bp.id, t.building_id, b.name, b.sort_key, t.entrance_id, e.name, e.sort_key
    order by bp.sort_key, bp.id, b.sort_key, t.building_id, e.sort_key nulls first, t.entrance_id nulls first`);
  return result.rows;
}

/** Accounts that may be sent out in a community: staff and volunteers whose scope is that community. */
export async function fieldAccounts(db: DbOrTx, communityId: number) {
  return db
    .select({
      id: accounts.id,
      displayName: accounts.displayName,
      role: accounts.role,
      scopeBuildingIds: accounts.scopeBuildingIds,
    })
    .from(accounts)
    .where(
      and(
        eq(accounts.scopePlaceId, communityId),
        isNull(accounts.disabledAt),
        inArray(accounts.role, ['community_secretary', 'social_worker', 'volunteer']),
      ),
    )
    .orderBy(asc(accounts.role), asc(accounts.displayName))
    .limit(500);
}

/** One statement for the whole batch; a building (or entrance) already covered changes hands. */
export async function upsertAssignments(db: DbOrTx, rows: Array<typeof campaignAssignments.$inferInsert>) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.campaignId}, ${r.communityId}, ${r.buildingId}, ${r.entranceId ?? null}::int, ${r.accountId}, ${r.team ?? null})`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    insert into campaign_assignments (campaign_id, community_id, building_id, entrance_id, account_id, team)
    values ${values}
    on conflict (campaign_id, building_id, (coalesce(entrance_id, 0)))
    do update set account_id = excluded.account_id, team = excluded.team, created_at = now()`);
}

export async function deleteAssignment(db: DbOrTx, campaignId: number, assignmentId: number) {
  const rows = await db
    .delete(campaignAssignments)
    .where(and(eq(campaignAssignments.campaignId, campaignId), eq(campaignAssignments.id, assignmentId)))
    .returning({ id: campaignAssignments.id });
  return rows.length > 0;
}

export async function listAssignments(db: DbOrTx, campaignId: number) {
  return db
    .select({
      id: campaignAssignments.id,
      buildingId: campaignAssignments.buildingId,
      entranceId: campaignAssignments.entranceId,
      accountId: campaignAssignments.accountId,
      displayName: accounts.displayName,
      team: campaignAssignments.team,
    })
    .from(campaignAssignments)
    .innerJoin(accounts, eq(accounts.id, campaignAssignments.accountId))
    .where(eq(campaignAssignments.campaignId, campaignId))
    .orderBy(asc(campaignAssignments.id));
}

/**
 * Who covers a target: an assignment of its entrance wins over one of its whole building. Written once as
 * a lateral join so "my households" and "progress by person" can never disagree.
 */
const assigneeJoin = sql`left join lateral (
    select a.account_id, a.team from campaign_assignments a
    where a.campaign_id = t.campaign_id and a.building_id = t.building_id
      and (a.entrance_id = t.entrance_id or a.entrance_id is null)
    order by a.entrance_id nulls last limit 1) asg on true`;

export type TargetListRow = {
  id: number;
  household_id: number | null;
  building_id: number;
  building_name: string;
  entrance_id: number | null;
  entrance_name: string | null;
  floor: number | null;
  room: string | null;
  outcome: string | null;
  attempts: number;
  last_visit_at: Date | null;
};

/** The households assigned to one account, in walking order: building, entrance, floor, door. */
export async function targetsOfAssignee(db: DbOrTx, scope: Scope, campaignId: number, accountId: number) {
  const buildingFilter = scope.buildingIds
    ? sql`and t.building_id = any(${sql.raw(`array[${(scope.buildingIds.length ? scope.buildingIds : [-1]).map(Number).join(',')}]::int[]`)})`
    : sql``;
  const result = await db.execute<TargetListRow>(sql`
    select t.id, t.household_id, t.building_id, b.name as building_name, t.entrance_id, e.name as entrance_name,
           t.floor, t.room, t.outcome, t.attempts, t.last_visit_at
    from campaign_targets t
    ${assigneeJoin}
    join places b on b.id = t.building_id
    left join places bp on bp.id = b.parent_id
    left join places e on e.id = t.entrance_id
    where t.campaign_id = ${campaignId} and asg.account_id = ${accountId} ${buildingFilter}
    order by bp.sort_key, bp.id, b.sort_key, b.id, e.sort_key nulls first, e.id nulls first, t.floor nulls first,
             length(t.room), t.room
    limit 5000`);
  return result.rows;
}

/** Households whose latest outcome is "nobody home": the phone follow-up queue and the revisit list. */
export async function nobodyHomeTargets(db: DbOrTx, scope: Scope, campaignId: number, minAttempts: number) {
  const buildingFilter = scope.buildingIds
    ? sql`and t.building_id = any(${sql.raw(`array[${(scope.buildingIds.length ? scope.buildingIds : [-1]).map(Number).join(',')}]::int[]`)})`
    : sql``;
  const result = await db.execute<TargetListRow & { assignee: string | null }>(sql`
    select t.id, t.household_id, t.building_id, b.name as building_name, t.entrance_id, e.name as entrance_name,
           t.floor, t.room, t.outcome, t.attempts, t.last_visit_at, acc.display_name as assignee
    from campaign_targets t
    ${assigneeJoin}
    left join accounts acc on acc.id = asg.account_id
    join places b on b.id = t.building_id
    left join places bp on bp.id = b.parent_id
    left join places e on e.id = t.entrance_id
    where t.campaign_id = ${campaignId} and t.outcome = 'nobody_home' and t.attempts >= ${minAttempts}
      ${buildingFilter}
    order by t.attempts desc, bp.sort_key, bp.id, b.sort_key, b.id, t.floor nulls first, length(t.room), t.room
    limit 2000`);
  return result.rows;
}

/** Residents living in these households now (not moved out): what the door shows, masked by the service. */
export async function residentsOfHouseholds(db: DbOrTx, householdIds: number[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      id: residents.id,
      householdId: residents.householdId,
      name: residents.name,
      phoneMasked: residents.phoneMasked,
      relationToHead: residents.relationToHead,
      tags: residents.tags,
    })
    .from(residents)
    .where(and(inArray(residents.householdId, householdIds), isNull(residents.movedOutAt)))
    .orderBy(asc(residents.householdId), asc(residents.id));
}

export async function findTarget(db: DbOrTx, scope: Scope, campaignId: number, targetId: number) {
  const rows = await db
    .select()
    .from(campaignTargets)
    .where(
      and(eq(campaignTargets.id, targetId), eq(campaignTargets.campaignId, campaignId), targetScope(scope)),
    )
    .limit(1);
  return rows[0];
}

/** Stores a visit unless one with the same phone-made id exists; returns undefined when it did. */
export async function insertVisitOnce(
  db: DbOrTx,
  values: typeof campaignVisits.$inferInsert,
): Promise<VisitRow | undefined> {
  const rows = await db
    .insert(campaignVisits)
    .values(values)
    .onConflictDoNothing({ target: campaignVisits.clientId })
    .returning();
  return rows[0];
}

export async function findVisitByClientId(db: DbOrTx, clientId: string) {
  const rows = await db.select().from(campaignVisits).where(eq(campaignVisits.clientId, clientId)).limit(1);
  return rows[0];
}

export async function setVisitDeclarations(db: DbOrTx, visitId: number, declarationIds: number[]) {
  await db.update(campaignVisits).set({ declarationIds }).where(eq(campaignVisits.id, visitId));
}

/**
 * Counts the try and keeps the latest outcome on the target. A visit queued offline may arrive after a
 * later one: the outcome only moves when this visit is not older than the last one.
 */
export async function applyVisitToTarget(db: DbOrTx, targetId: number, visit: VisitRow) {
  await db.execute(sql`
    update campaign_targets set
      attempts = attempts + 1,
      outcome = case when last_visit_at is null or last_visit_at <= ${visit.visitedAt} then ${visit.outcome} else outcome end,
      last_visited_by = case when last_visit_at is null or last_visit_at <= ${visit.visitedAt} then ${visit.visitedBy} else last_visited_by end,
      last_visit_at = greatest(last_visit_at, ${visit.visitedAt})
    where id = ${targetId}`);
}

export async function visitsOfTarget(db: DbOrTx, targetId: number) {
  return db
    .select({
      id: campaignVisits.id,
      outcome: campaignVisits.outcome,
      notes: campaignVisits.notes,
      visitedAt: campaignVisits.visitedAt,
      visitedBy: accounts.displayName,
      declarationIds: campaignVisits.declarationIds,
    })
    .from(campaignVisits)
    .innerJoin(accounts, eq(accounts.id, campaignVisits.visitedBy))
    .where(eq(campaignVisits.targetId, targetId))
    .orderBy(desc(campaignVisits.visitedAt))
    .limit(50);
}

export interface ProgressData {
  /** Targets counted per building, entrance and outcome: a few hundred rows for 3,500 households. */
  units: Array<{
    building_id: number;
    building_name: string;
    entrance_id: number | null;
    outcome: string | null;
    n: number;
    tried: number;
  }>;
  assignments: Array<{
    building_id: number;
    entrance_id: number | null;
    account_id: number;
    name: string;
    team: string | null;
  }>;
  hours: Array<{ hour: string; visits: number; done: number }>;
}

/**
 * Everything progress needs in one statement (one round trip): targets aggregated per building, entrance
 * and outcome over the campaign's index range, the assignments, and visits per hour. The service rolls the
 * units up by building, person and team, so no per-household join is ever made.
 */
export async function progressOf(db: DbOrTx, campaignId: number, minAttempts: number): Promise<ProgressData> {
  const result = await db.execute<{ data: ProgressData }>(sql`
    select json_build_object(
      'units', coalesce((
        select json_agg(json_build_object('building_id', u.building_id, 'building_name', b.name,
                 'entrance_id', u.entrance_id, 'outcome', u.outcome, 'n', u.n, 'tried', u.tried)
               order by bp.sort_key, bp.id, b.sort_key, u.building_id)
        from (select building_id, entrance_id, outcome, count(*)::int as n,
                     (count(*) filter (where attempts >= ${minAttempts}))::int as tried
              from campaign_targets where campaign_id = ${campaignId}
              group by building_id, entrance_id, outcome) u
        join places b on b.id = u.building_id left join places bp on bp.id = b.parent_id), '[]'::json),
      'assignments', coalesce((
        select json_agg(json_build_object('building_id', a.building_id, 'entrance_id', a.entrance_id,
                 'account_id', a.account_id, 'name', acc.display_name, 'team', a.team))
        from campaign_assignments a join accounts acc on acc.id = a.account_id
        where a.campaign_id = ${campaignId}), '[]'::json),
      'hours', coalesce((
        select json_agg(h order by h.hour) from (
          select to_char(date_trunc('hour', visited_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD"T"HH24:00') as hour,
                 count(*)::int as visits,
                 (count(*) filter (where outcome in ${doneList}))::int as done
          from campaign_visits where campaign_id = ${campaignId} group by 1) h), '[]'::json)
    ) as data`);
  return (result.rows[0] as { data: ProgressData }).data;
}

export type SummaryRow = {
  building_name: string;
  entrance_name: string | null;
  room: string | null;
  head_name: string | null;
  outcome: string | null;
  attempts: number;
  last_visit_at: Date | null;
  visited_by: string | null;
};

/** Every household of the campaign with its outcome, for the closing summary. */
export async function outcomesForSummary(db: DbOrTx, scope: Scope, campaignId: number) {
  const buildingFilter = scope.buildingIds
    ? sql`and t.building_id = any(${sql.raw(`array[${(scope.buildingIds.length ? scope.buildingIds : [-1]).map(Number).join(',')}]::int[]`)})`
    : sql``;
  const result = await db.execute<SummaryRow>(sql`
    select b.name as building_name, e.name as entrance_name, t.room, t.outcome, t.attempts, t.last_visit_at,
           acc.display_name as visited_by,
           (select r.name from residents r where r.household_id = t.household_id and r.moved_out_at is null
            order by (r.relation_to_head = 'self') desc, r.id limit 1) as head_name
    from campaign_targets t
    join places b on b.id = t.building_id
    left join places bp on bp.id = b.parent_id
    left join places e on e.id = t.entrance_id
    left join accounts acc on acc.id = t.last_visited_by
    where t.campaign_id = ${campaignId} ${buildingFilter}
    order by bp.sort_key, bp.id, b.sort_key, b.id, e.sort_key nulls first, e.id nulls first, t.floor nulls first, length(t.room), t.room
    limit 50000`);
  return result.rows;
}

type VisitJson = {
  id: number;
  client_id: string;
  campaign_id: number;
  community_id: number;
  target_id: number;
  outcome: string;
  notes: string | null;
  declaration_ids: number[];
  visited_by: number;
  visited_at: string;
};

/**
 * A visit without a form (nobody home, vacant, refused) in one statement: the scope and campaign check,
 * the insert keyed by the phone's id, and the target's latest outcome. One round trip, atomic on its own;
 * `existing` is the visit already stored under that id (a resend), read from the statement's snapshot.
 */
export async function recordVisitInOneStatement(
  db: DbOrTx,
  scope: Scope,
  campaignId: number,
  visit: {
    clientId: string;
    targetId: number;
    outcome: string;
    notes: string | null;
    visitedBy: number;
    visitedAt: Date;
  },
) {
  const communities = scope.communityIds.length ? scope.communityIds : [-1];
  const buildingFilter = scope.buildingIds
    ? sql`and t.building_id = any(${sql.raw(`array[${(scope.buildingIds.length ? scope.buildingIds : [-1]).map(Number).join(',')}]::int[]`)})`
    : sql``;
  const result = await db.execute<{
    found: number;
    inserted: VisitJson | null;
    existing: VisitJson | null;
  }>(sql`
    with target as (
      select t.id, t.campaign_id, t.community_id from campaign_targets t
      join campaigns c on c.id = t.campaign_id and c.status = 'active'
      where t.id = ${visit.targetId} and t.campaign_id = ${campaignId}
        and t.community_id = any(${sql.raw(`array[${communities.map(Number).join(',')}]::int[]`)}) ${buildingFilter}
    ), stored as (
      insert into campaign_visits (client_id, campaign_id, community_id, target_id, outcome, notes, visited_by, visited_at)
      select ${visit.clientId}::uuid, campaign_id, community_id, id, ${visit.outcome}, ${visit.notes},
             ${visit.visitedBy}, ${visit.visitedAt}::timestamptz
      from target
      on conflict (client_id) do nothing
      returning *
    ), counted as (
      update campaign_targets t set
        attempts = t.attempts + 1,
        outcome = case when t.last_visit_at is null or t.last_visit_at <= s.visited_at then s.outcome else t.outcome end,
        last_visited_by = case when t.last_visit_at is null or t.last_visit_at <= s.visited_at then s.visited_by else t.last_visited_by end,
        last_visit_at = greatest(t.last_visit_at, s.visited_at)
      from stored s where t.id = s.target_id
      returning t.id
    )
    select (select count(*)::int from target) as found,
           (select row_to_json(s) from stored s) as inserted,
           (select row_to_json(v) from campaign_visits v where v.client_id = ${visit.clientId}::uuid) as existing,
           (select count(*)::int from counted) as counted`);
  return result.rows[0] as { found: number; inserted: VisitJson | null; existing: VisitJson | null };
}
