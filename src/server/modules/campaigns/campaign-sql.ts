// SQL fragments the campaign repositories share: scope filters, the "done" outcomes, who covers a target.
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import { DONE_OUTCOMES } from '../../../shared/campaigns';
import type { Scope } from '../auth/scope';
import { type campaigns, campaignTargets } from './campaigns.table';

export const doneList = sql.raw(`(${DONE_OUTCOMES.map((o) => `'${o}'`).join(',')})`);

export function inCommunities(
  scope: Scope,
  column: typeof campaigns.communityId | typeof campaignTargets.communityId,
) {
  return scope.communityIds.length ? inArray(column, scope.communityIds) : sql`false`;
}

/** Volunteers see only their buildings' households. */
export function targetScope(scope: Scope): SQL {
  const community = inCommunities(scope, campaignTargets.communityId);
  if (!scope.buildingIds) return community;
  return and(
    community,
    inArray(campaignTargets.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]),
  ) as SQL;
}

/**
 * Who covers a target: an assignment of its entrance wins over one of its whole building. Written once as
 * a lateral join so "my households" and "progress by person" can never disagree.
 */
export const assigneeJoin = sql`left join lateral (
    select a.account_id, a.team from campaign_assignments a
    where a.campaign_id = t.campaign_id and a.building_id = t.building_id
      and (a.entrance_id = t.entrance_id or a.entrance_id is null)
    order by a.entrance_id nulls last limit 1) asg on true`;

export const ints = (ids: number[]) =>
  sql.raw(`array[${(ids.length ? ids : [-1]).map(Number).join(',')}]::int[]`);
export const buildingsOf = (scope: Scope, column: string) =>
  scope.buildingIds ? sql`and ${sql.raw(column)} = any(${ints(scope.buildingIds)})` : sql``;
