// SQL for who covers which building or entrance of a campaign, and the households each person is given.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { assigneeJoin, doneList } from './campaign-sql';
import type { TargetListRow } from './campaigns.repo';
import { campaignAssignments } from './campaigns.table';

export type UnitRow = {
  buildingId: number;
  buildingName: string;
  compoundId: number | null;
  compoundName: string | null;
  entranceId: number | null;
  entranceName: string | null;
  households: number;
  done: number;
};

/** Buildings and entrances the campaign covers, with their household counts and how many are done. */
export async function unitsOfCampaign(db: DbOrTx, campaignId: number): Promise<UnitRow[]> {
  const result = await db.execute<UnitRow>(sql`
    select t.building_id as "buildingId", b.name as "buildingName", case when bp.kind = 'compound' then bp.name end as "compoundName",
           case when bp.kind = 'compound' then bp.id end as "compoundId",
           t.entrance_id as "entranceId",
           e.name as "entranceName", count(*)::int as households,
           (count(*) filter (where t.outcome in ${doneList}))::int as done
    from campaign_targets t
    join places b on b.id = t.building_id
    left join places bp on bp.id = b.parent_id
    left join places e on e.id = t.entrance_id
    where t.campaign_id = ${campaignId}
    group by bp.sort_key, bp.id, bp.kind, bp.name, t.building_id, b.name, b.sort_key, t.entrance_id, e.name, e.sort_key
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

/** The households assigned to one account, in walking order: building, entrance, floor, door. */
export async function targetsOfAssignee(db: DbOrTx, scope: Scope, campaignId: number, accountId: number) {
  const buildingFilter = scope.buildingIds
    ? sql`and t.building_id = any(${sql.raw(`array[${(scope.buildingIds.length ? scope.buildingIds : [-1]).map(Number).join(',')}]::int[]`)})`
    : sql``;
  const result = await db.execute<TargetListRow>(sql`
    select t.id, t.household_id, t.building_id, b.name as building_name, case when bp.kind = 'compound' then bp.name end as compound_name,
           t.entrance_id, e.name as entrance_name,
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
