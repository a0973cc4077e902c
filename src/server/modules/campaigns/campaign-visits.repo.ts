// SQL for visits: idempotent inserts, each target's latest outcome, a door's history, the nobody-home queue.
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { assigneeJoin } from './campaign-sql';
import type { TargetListRow } from './campaigns.repo';
import { campaignVisits } from './campaigns.table';

export type VisitRow = typeof campaignVisits.$inferSelect;

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

/** Households whose latest outcome is "nobody home": the phone follow-up queue and the revisit list. */
export async function nobodyHomeTargets(db: DbOrTx, scope: Scope, campaignId: number, minAttempts: number) {
  const buildingFilter = scope.buildingIds
    ? sql`and t.building_id = any(${sql.raw(`array[${(scope.buildingIds.length ? scope.buildingIds : [-1]).map(Number).join(',')}]::int[]`)})`
    : sql``;
  const result = await db.execute<TargetListRow & { assignee: string | null }>(sql`
    select t.id, t.household_id, t.building_id, b.name as building_name, case when bp.kind = 'compound' then bp.name end as compound_name,
           t.entrance_id, e.name as entrance_name,
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
