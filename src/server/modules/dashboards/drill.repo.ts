// The rows behind a number (drill-down): the same rows the indicator's facts count, for one community or
// one building, masked as in every list (ID and phone masks, never the whole numbers).
import { type SQL, sql } from 'drizzle-orm';
import type { DrillRow } from '../../../shared/dashboards/dashboards-responses';
import type { DbOrTx } from '../../db/database';
import { compoundNameOf } from '../places/place-labels';
import { currentStatusesSql } from '../status/status.repo';

type Row = Omit<DrillRow, 'at'> & { at: string | Date | null; total: number };

export interface DrillQuery {
  communityId: number;
  buildingId: number | null;
  dayStart: Date;
  dayEnd: Date;
  day: string;
  limit: number;
  offset: number;
}

async function run(db: DbOrTx, query: SQL) {
  const { rows } = await db.execute<Row>(query);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...r }) => ({ ...r, at: r.at ? new Date(r.at).toISOString() : null })),
  };
}

/** Residents (not moved out), narrowed by residence type or current status. */
export function residentRows(db: DbOrTx, q: DrillQuery, filter: { residenceType?: string; status?: string }) {
  const building = q.buildingId ? sql`and h.building_id = ${q.buildingId}` : sql``;
  const type = filter.residenceType ? sql`and r.residence_type = ${filter.residenceType}` : sql``;
  const status = filter.status ? sql`and s.status = ${filter.status}` : sql``;
  const join = filter.status ? sql`join` : sql`left join`;
  return run(
    db,
    sql`select r.id, r.id as "residentId", r.name, r.doc_masked as "docMasked", r.phone_masked as "phoneMasked",
               b.name as "buildingName", ${compoundNameOf(sql`b.parent_id`)} as "compoundName", h.room, s.status, null::timestamptz as at, r.residence_type as detail,
               (count(*) over ())::int as total
        from residents r ${join} ${currentStatusesSql} s on s.resident_id = r.id
        left join households h on h.id = r.household_id left join places b on b.id = h.building_id
        where r.community_id = ${q.communityId} and r.moved_out_at is null ${building} ${type} ${status}
        order by b.name, h.room, r.id limit ${q.limit} offset ${q.offset}`,
  );
}

export function declarationRows(db: DbOrTx, q: DrillQuery) {
  const building = q.buildingId ? sql`and h.building_id = ${q.buildingId}` : sql``;
  return run(
    db,
    sql`select d.id, r.id as "residentId", r.name, r.doc_masked as "docMasked", r.phone_masked as "phoneMasked",
               b.name as "buildingName", ${compoundNameOf(sql`b.parent_id`)} as "compoundName", h.room, d.status, d.declared_at as at, d.channel as detail,
               (count(*) over ())::int as total
        from declarations d join residents r on r.id = d.resident_id
        left join households h on h.id = r.household_id left join places b on b.id = h.building_id
        where d.community_id = ${q.communityId} and d.declared_at >= ${q.dayStart} and d.declared_at < ${q.dayEnd}
          ${building}
        order by d.declared_at desc, d.id desc limit ${q.limit} offset ${q.offset}`,
  );
}

export function feverRows(db: DbOrTx, q: DrillQuery) {
  const building = q.buildingId ? sql`and h.building_id = ${q.buildingId}` : sql``;
  return run(
    db,
    sql`select g.id, g.resident_id as "residentId", coalesce(r.name, v.name) as name,
               r.doc_masked as "docMasked", coalesce(r.phone_masked, v.phone_masked) as "phoneMasked",
               b.name as "buildingName", ${compoundNameOf(sql`b.parent_id`)} as "compoundName", h.room, null::text as status, g.created_at as at,
               (round(g.temperature::numeric, 1))::text || ' °C · ' || gt.name as detail,
               (count(*) over ())::int as total
        from gate_referrals g left join residents r on r.id = g.resident_id
        left join visitors v on v.id = g.visitor_id
        left join households h on h.id = coalesce(g.household_id, r.household_id)
        left join places b on b.id = h.building_id left join gates gt on gt.id = g.gate_id
        where g.community_id = ${q.communityId} and g.created_at >= ${q.dayStart} and g.created_at < ${q.dayEnd}
          ${building}
        order by g.created_at desc, g.id desc limit ${q.limit} offset ${q.offset}`,
  );
}

export function findingRows(db: DbOrTx, q: DrillQuery, overdueOnly: boolean) {
  const building = q.buildingId ? sql`and f.building_id = ${q.buildingId}` : sql``;
  const overdue = overdueOnly ? sql`and f.deadline < ${q.day}::date` : sql``;
  return run(
    db,
    sql`select f.id, null::int as "residentId", c.name, null::text as "docMasked", null::text as "phoneMasked",
               b.name as "buildingName", ${compoundNameOf(sql`b.parent_id`)} as "compoundName", f.location as room,
               case when f.deadline < ${q.day}::date then 'overdue' else 'open' end as status,
               f.created_at as at, f.item_text || '：' || f.description as detail,
               (count(*) over ())::int as total
        from campaign_findings f join campaigns c on c.id = f.campaign_id
        left join places b on b.id = f.building_id
        where f.community_id = ${q.communityId} and f.status = 'open' ${building} ${overdue}
        order by f.deadline, f.id limit ${q.limit} offset ${q.offset}`,
  );
}
