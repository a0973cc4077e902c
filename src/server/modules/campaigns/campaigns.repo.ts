import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { DONE_OUTCOMES } from '../../../shared/campaigns';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { residents } from '../people/people.table';
import { photos } from '../photos/photos.table';
import { places } from '../places/places.table';
import {
  campaignAssignments,
  campaignFindings,
  campaigns,
  campaignTargets,
  campaignVisits,
} from './campaigns.table';

export type CampaignRow = typeof campaigns.$inferSelect;
export type TargetRow = typeof campaignTargets.$inferSelect;
export type VisitRow = typeof campaignVisits.$inferSelect;
export type FindingRow = typeof campaignFindings.$inferSelect;

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
          select to_char(hour at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:00') as hour,
                 sum(visits)::int as visits,
                 coalesce(sum(visits) filter (where outcome in ${doneList}), 0)::int as done
          from campaign_visit_hours where campaign_id = ${campaignId} group by 1) h), '[]'::json)
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

const ints = (ids: number[]) => sql.raw(`array[${(ids.length ? ids : [-1]).map(Number).join(',')}]::int[]`);
const buildingsOf = (scope: Scope, column: string) =>
  scope.buildingIds ? sql`and ${sql.raw(column)} = any(${ints(scope.buildingIds)})` : sql``;

/** Governance: every building of the community (or under the chosen compounds/buildings) becomes a target. */
export async function insertTargetsFromBuildings(db: DbOrTx, campaign: CampaignRow): Promise<number> {
  const chosen = campaign.placeIds;
  const underPlaces = chosen.length
    ? sql`and exists (select 1 from unnest(${ints(chosen)}) p where b.id = p or b.path like '%/' || p || '/%')`
    : sql``;
  const result = await db.execute(sql`
    insert into campaign_targets (campaign_id, community_id, building_id)
    select ${campaign.id}, b.community_id, b.id
    from places b
    where b.community_id = ${campaign.communityId} and b.kind = 'building' ${underPlaces}`);
  const count = result.rowCount ?? 0;
  await db.update(campaigns).set({ targetCount: count }).where(eq(campaigns.id, campaign.id));
  return count;
}

export type BuildingTargetRow = {
  id: number;
  building_id: number;
  building_name: string;
  compound_name: string | null;
  outcome: string | null;
  last_visit_at: Date | null;
  checked_by: string | null;
  assignee: string | null;
  open_findings: number;
  overdue_findings: number;
};

/** Governance: the campaign's buildings in walking order, with who checked them and their open findings. */
export async function buildingTargets(db: DbOrTx, scope: Scope, campaignId: number, today: string) {
  const result = await db.execute<BuildingTargetRow>(sql`
    select t.id, t.building_id, b.name as building_name, bp.name as compound_name, t.outcome, t.last_visit_at,
           chk.display_name as checked_by, acc.display_name as assignee,
           coalesce(fc.open, 0) as open_findings, coalesce(fc.overdue, 0) as overdue_findings
    from campaign_targets t
    ${assigneeJoin}
    left join accounts acc on acc.id = asg.account_id
    left join accounts chk on chk.id = t.last_visited_by
    join places b on b.id = t.building_id
    left join places bp on bp.id = b.parent_id
    left join (
      select target_id, count(*)::int as open, (count(*) filter (where deadline < ${today}::date))::int as overdue
      from campaign_findings where campaign_id = ${campaignId} and status = 'open' group by target_id
    ) fc on fc.target_id = t.id
    where t.campaign_id = ${campaignId}
      and t.community_id = any(${ints(scope.communityIds)}) ${buildingsOf(scope, 't.building_id')}
    order by bp.sort_key, bp.id, b.sort_key, b.id
    limit 2000`);
  return result.rows;
}

/** Entrances of one building (where a finding may be placed). */
export async function entrancesOfBuilding(db: DbOrTx, buildingId: number) {
  return db
    .select({ id: places.id, name: places.name })
    .from(places)
    .where(and(eq(places.parentId, buildingId), eq(places.kind, 'entrance')))
    .orderBy(asc(places.sortKey), asc(places.id));
}

/** Which of these photo ids are the community's finding photos. */
export async function findingPhotos(db: DbOrTx, communityId: number, purpose: string, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: photos.id })
    .from(photos)
    .where(and(eq(photos.communityId, communityId), eq(photos.purpose, purpose), inArray(photos.id, ids)));
  return rows.map((r) => r.id);
}

export async function insertFindings(db: DbOrTx, rows: Array<typeof campaignFindings.$inferInsert>) {
  if (rows.length === 0) return [];
  return db.insert(campaignFindings).values(rows).returning();
}

export async function findingsOfVisit(db: DbOrTx, visitId: number) {
  return db
    .select()
    .from(campaignFindings)
    .where(eq(campaignFindings.visitId, visitId))
    .orderBy(asc(campaignFindings.id));
}

export type FindingListRow = FindingRow & {
  buildingName: string;
  entranceName: string | null;
  createdByName: string | null;
  recheckedByName: string | null;
};

/** Findings of a campaign by filter (open: deadline not passed; overdue; closed), in the caller's scope. */
export async function listFindings(
  db: DbOrTx,
  scope: Scope,
  campaignId: number,
  filter: {
    status?: 'open' | 'overdue' | 'closed' | undefined;
    buildingId?: number | undefined;
    today: string;
  },
) {
  const status =
    filter.status === 'open'
      ? sql`and f.status = 'open' and f.deadline >= ${filter.today}::date`
      : filter.status === 'overdue'
        ? sql`and f.status = 'open' and f.deadline < ${filter.today}::date`
        : filter.status === 'closed'
          ? sql`and f.status = 'closed'`
          : sql``;
  const building = filter.buildingId ? sql`and f.building_id = ${filter.buildingId}` : sql``;
  return findingRows(
    db,
    sql`f.campaign_id = ${campaignId} and f.community_id = any(${ints(scope.communityIds)})
        ${buildingsOf(scope, 'f.building_id')} ${status} ${building}`,
  );
}

export async function findFinding(db: DbOrTx, scope: Scope, campaignId: number, findingId: number) {
  const rows = await findingRows(
    db,
    sql`f.id = ${findingId} and f.campaign_id = ${campaignId}
        and f.community_id = any(${ints(scope.communityIds)}) ${buildingsOf(scope, 'f.building_id')}`,
  );
  return rows[0];
}

/** Open findings of one building across campaigns (the building profile). */
export async function openFindingsOfBuilding(db: DbOrTx, buildingId: number) {
  return findingRows(db, sql`f.building_id = ${buildingId} and f.status = 'open'`);
}

async function findingRows(db: DbOrTx, where: SQL) {
  const result = await db.execute<Record<string, unknown>>(sql`
    select f.*, b.name as building_name, e.name as entrance_name, cb.display_name as created_by_name,
           rb.display_name as rechecked_by_name, c.name as campaign_name, c.kind as campaign_kind
    from campaign_findings f
    join places b on b.id = f.building_id
    join campaigns c on c.id = f.campaign_id
    left join places e on e.id = f.entrance_id
    left join accounts cb on cb.id = f.created_by
    left join accounts rb on rb.id = f.rechecked_by
    where ${where}
    order by (f.status = 'open') desc, f.deadline, f.id
    limit 1000`);
  return result.rows.map((r) => ({
    id: r.id as number,
    campaignId: r.campaign_id as number,
    campaignName: r.campaign_name as string,
    campaignKind: r.campaign_kind as string,
    communityId: r.community_id as number,
    targetId: r.target_id as number,
    buildingId: r.building_id as number,
    buildingName: r.building_name as string,
    entranceId: r.entrance_id as number | null,
    entranceName: r.entrance_name as string | null,
    floor: r.floor as number | null,
    location: r.location as string | null,
    itemKey: r.item_key as string,
    itemText: r.item_text as string,
    description: r.description as string,
    photoIds: r.photo_ids as number[],
    deadline: dateText(r.deadline),
    status: r.status as 'open' | 'closed',
    recheckResult: r.recheck_result as string | null,
    recheckedOn: r.rechecked_on == null ? null : dateText(r.rechecked_on),
    recheckedByName: r.rechecked_by_name as string | null,
    recheckNotes: r.recheck_notes as string | null,
    recheckPhotoIds: r.recheck_photo_ids as number[],
    createdByName: r.created_by_name as string | null,
    createdAt: new Date(r.created_at as string).toISOString(),
    closedAt: r.closed_at == null ? null : new Date(r.closed_at as string).toISOString(),
  }));
}

/** `date` columns come back as text from pg (no type parser for dates), or as Date from some drivers. */
function dateText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export type FindingView = Awaited<ReturnType<typeof findingRows>>[number];

export async function recheckFinding(
  db: DbOrTx,
  id: number,
  values: {
    result: string;
    recheckedOn: string;
    recheckedBy: number;
    notes: string | null;
    photoIds: number[];
    deadline: string;
    close: boolean;
  },
) {
  const rows = await db
    .update(campaignFindings)
    .set({
      recheckResult: values.result,
      recheckedOn: values.recheckedOn,
      recheckedBy: values.recheckedBy,
      recheckNotes: values.notes,
      recheckPhotoIds: values.photoIds,
      deadline: values.deadline,
      ...(values.close ? { status: 'closed', closedAt: new Date() } : {}),
    })
    .where(and(eq(campaignFindings.id, id), eq(campaignFindings.status, 'open')))
    .returning({ id: campaignFindings.id });
  return rows.length > 0;
}

/** Governance progress: findings per building and state (open, overdue, closed) in one grouped scan. */
export async function findingCounts(db: DbOrTx, campaignId: number, today: string) {
  const result = await db.execute<{ building_id: number; open: number; overdue: number; closed: number }>(sql`
    select building_id,
           (count(*) filter (where status = 'open'))::int as open,
           (count(*) filter (where status = 'open' and deadline < ${today}::date))::int as overdue,
           (count(*) filter (where status = 'closed'))::int as closed
    from campaign_findings where campaign_id = ${campaignId} group by building_id`);
  return result.rows;
}
