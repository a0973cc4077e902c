import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';

/** A visit without a form (nobody home, vacant, refused), with the scope of whoever recorded it. */
export interface QuickVisit {
  scope: Scope;
  campaignId: number;
  clientId: string;
  targetId: number;
  outcome: string;
  notes: string | null;
  visitedBy: number;
  visitedAt: Date;
}

export type VisitJson = {
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

export interface QuickVisitOutcome {
  /** The household was found in the caller's scope, in an active screening campaign. */
  found: boolean;
  inserted: VisitJson | null;
  /** The visit stored earlier under the same phone-made id (a resend). */
  existing: VisitJson | null;
}

/** A Postgres array literal of ints, passed as one text parameter per visit (scopes differ in length). */
const intArray = (ids: readonly number[]) => `{${ids.map(Number).join(',')}}`;

/**
 * Many quick visits in one statement, whoever sent them: each visit's scope and campaign are checked
 * against its own row (its communities and buildings travel as array literals beside it), the inserts are
 * keyed by the phones' ids, and each target's attempts and latest outcome are updated once even when two
 * visits to one door arrive together. Answers in the order given. `existing` comes from the statement's
 * snapshot: a resend of a visit stored before. Two copies of one id in the same batch both see the
 * row inserted; the caller answers the later ones as resends.
 */
export async function recordQuickVisits(db: DbOrTx, visits: QuickVisit[]): Promise<QuickVisitOutcome[]> {
  if (visits.length === 0) return [];
  const col = <T>(pick: (v: QuickVisit) => T) => sql.param(visits.map(pick));
  const result = await db.execute<{
    ord: number;
    found: boolean;
    inserted: VisitJson | null;
    existing: VisitJson | null;
  }>(sql`
    with given as (
      select u.* from unnest(${col((v) => v.clientId)}::uuid[], ${col((v) => v.campaignId)}::int[],
        ${col((v) => v.targetId)}::int[], ${col((v) => v.outcome)}::text[], ${col((v) => v.notes)}::text[],
        ${col((v) => v.visitedBy)}::int[], ${col((v) => v.visitedAt.toISOString())}::timestamptz[],
        ${col((v) => intArray(v.scope.communityIds))}::text[],
        ${col((v) => (v.scope.buildingIds ? intArray(v.scope.buildingIds) : null))}::text[])
        with ordinality as u(client_id, campaign_id, target_id, outcome, notes, visited_by, visited_at,
          communities, buildings, ord)
    ), target as (
      select g.*, t.community_id from given g
      join campaign_targets t on t.id = g.target_id and t.campaign_id = g.campaign_id
        and t.community_id = any(g.communities::int[])
        and (g.buildings is null or t.building_id = any(g.buildings::int[]))
      join campaigns c on c.id = t.campaign_id and c.status = 'active' and c.kind = 'screening'
    ), stored as (
      insert into campaign_visits (client_id, campaign_id, community_id, target_id, outcome, notes, visited_by, visited_at)
      select client_id, campaign_id, community_id, target_id, outcome, notes, visited_by, visited_at
      from target order by ord
      on conflict (client_id) do nothing
      returning *
    ), latest as (
      select target_id, count(*)::int as n, max(visited_at) as visited_at,
        (array_agg(outcome order by visited_at desc, id desc))[1] as outcome,
        (array_agg(visited_by order by visited_at desc, id desc))[1] as visited_by
      from stored group by target_id
    ), counted as (
      update campaign_targets t set
        attempts = t.attempts + l.n,
        outcome = case when t.last_visit_at is null or t.last_visit_at <= l.visited_at then l.outcome else t.outcome end,
        last_visited_by = case when t.last_visit_at is null or t.last_visit_at <= l.visited_at then l.visited_by else t.last_visited_by end,
        last_visit_at = greatest(t.last_visit_at, l.visited_at)
      from latest l where t.id = l.target_id
      returning t.id
    )
    -- Data-modifying CTEs run whether or not they are read; 'counted' is not.
    select g.ord::int as ord,
      exists (select 1 from target x where x.ord = g.ord) as found,
      (select row_to_json(s) from stored s where s.client_id = g.client_id) as inserted,
      (select row_to_json(v) from campaign_visits v where v.client_id = g.client_id) as existing
    from given g order by g.ord`);
  return result.rows.map((r) => ({ found: r.found, inserted: r.inserted, existing: r.existing }));
}
