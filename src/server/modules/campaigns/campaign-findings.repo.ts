// SQL for governance campaigns: the building grid, findings with their photos, re-checks and counts.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { CampaignKind, RecheckResult } from '../../../shared/campaigns';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { publicPhotoIds } from '../photos/photos.repo';
import { places } from '../places/places.table';
import { assigneeJoin, buildingsOf, ints } from './campaign-sql';
import { campaignFindings } from './campaigns.table';

export type FindingRow = typeof campaignFindings.$inferSelect;

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
  compoundName: string | null;
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
    select f.*, b.name as building_name, case when bp.kind = 'compound' then bp.name end as compound_name,
           e.name as entrance_name, cb.display_name as created_by_name,
           rb.display_name as rechecked_by_name, c.name as campaign_name, c.kind as campaign_kind,
           ${publicPhotoIds('f.photo_ids')} as photo_public_ids,
           ${publicPhotoIds('f.recheck_photo_ids')} as recheck_photo_public_ids
    from campaign_findings f
    join places b on b.id = f.building_id
    left join places bp on bp.id = b.parent_id
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
    campaignKind: r.campaign_kind as CampaignKind,
    communityId: r.community_id as number,
    targetId: r.target_id as number,
    buildingId: r.building_id as number,
    buildingName: r.building_name as string,
    compoundName: (r.compound_name as string | null) ?? null,
    entranceId: r.entrance_id as number | null,
    entranceName: r.entrance_name as string | null,
    floor: r.floor as number | null,
    location: r.location as string | null,
    itemKey: r.item_key as string,
    itemText: r.item_text as string,
    description: r.description as string,
    photoIds: r.photo_public_ids as string[],
    deadline: dateText(r.deadline),
    status: r.status as 'open' | 'closed',
    recheckResult: r.recheck_result as RecheckResult | null,
    recheckedOn: r.rechecked_on == null ? null : dateText(r.rechecked_on),
    recheckedByName: r.rechecked_by_name as string | null,
    recheckNotes: r.recheck_notes as string | null,
    recheckPhotoIds: r.recheck_photo_public_ids as string[],
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
