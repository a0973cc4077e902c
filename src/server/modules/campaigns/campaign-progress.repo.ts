// SQL for campaign progress (one aggregated statement) and the per-household closing summary.
import { sql } from 'drizzle-orm';
import { BEIJING_ZONE } from '../../db/beijing-sql';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { doneList } from './campaign-sql';

export interface ProgressData {
  /** Targets counted per building, entrance and outcome: a few hundred rows for 3,500 households. */
  units: Array<{
    building_id: number;
    building_name: string;
    compound_id: number | null;
    compound_name: string | null;
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
                 'compound_id', case when bp.kind = 'compound' then bp.id end,
                 'compound_name', case when bp.kind = 'compound' then bp.name end,
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
          select to_char(hour at time zone ${BEIJING_ZONE}, 'YYYY-MM-DD"T"HH24:00') as hour,
                 sum(visits)::int as visits,
                 coalesce(sum(visits) filter (where outcome in ${doneList}), 0)::int as done
          from campaign_visit_hours where campaign_id = ${campaignId} group by 1) h), '[]'::json)
    ) as data`);
  return (result.rows[0] as { data: ProgressData }).data;
}

export type SummaryRow = {
  building_name: string;
  compound_name: string | null;
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
    select b.name as building_name, case when bp.kind = 'compound' then bp.name end as compound_name, e.name as entrance_name, t.room, t.outcome, t.attempts, t.last_visit_at,
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
