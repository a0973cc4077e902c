import { type SQL, sql } from 'drizzle-orm';
import { selfMayOverwriteSql } from './self-declaration.sql';
import { personStatus, statusHistory } from './status.table';

/**
 * The status module's part of the declarations batch statement (`declarations-batch.repo.ts`): a batch of
 * declarations, with the statuses and history they change, is ONE statement of data-modifying CTEs —
 * batches are bounded by round trips, not rows — so the status writes cannot be a function call there.
 * The module hands them over as CTE bodies instead; the judging itself is `self-declaration.sql.ts`
 * (the policy of src/shared/status as SQL). These are the only statements outside `status.service` that
 * write the status tables, and they apply the same policy.
 */

/**
 * Body of a CTE: the statuses of the people `residentIds` (a subquery) names — resident_id, status,
 * source — locked in person order (as `status.repo.lockStatuses` locks them for the service).
 */
export function lockedStatusesSql(residentIds: SQL): SQL {
  return sql`select ps.resident_id, ps.status, ps.source from ${personStatus} ps
      where ps.resident_id in (${residentIds})
      order by ps.resident_id
      for update`;
}

/**
 * Body of a CTE: sets the statuses `rows` selects — (resident_id, community_id, status, rule_id, reason,
 * observation_until, declaration_id, source), one row per person — returning each resident_id written.
 * The policy has the last word against the row as it is at that moment (`selfMayOverwriteSql`): a
 * resident's own status never lowers one that staff, the gate or observation set meanwhile.
 */
export function upsertJudgedStatusesSql(rows: SQL): SQL {
  return sql`insert into ${personStatus} as ps (resident_id, community_id, status, rule_id, reason, observation_until,
        declaration_id, source, updated_at)
      ${rows}
      on conflict (resident_id) do update set status = excluded.status, rule_id = excluded.rule_id,
        reason = excluded.reason, observation_until = excluded.observation_until,
        declaration_id = excluded.declaration_id, source = excluded.source, updated_at = now()
      where ${selfMayOverwriteSql(
        { status: sql`ps.status`, source: sql`ps.source` },
        { status: sql`excluded.status`, source: sql`excluded.source` },
      )}
      returning resident_id`;
}

/**
 * Body of a CTE: the history rows `rows` selects — (community_id, resident_id, from_status, to_status,
 * cause, reason) — for the statuses `upsertJudgedStatusesSql` wrote (the caller keeps to those).
 */
export function insertHistorySql(rows: SQL): SQL {
  return sql`insert into ${statusHistory} (community_id, resident_id, from_status, to_status, cause, reason)
      ${rows}`;
}
