import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { compoundNameOf } from '../places/place-labels';
import { inScope } from './observation.repo';
import { observationTasks } from './observation.table';

export type AlertView = {
  id: number;
  community_id: number;
  observation_id: number;
  name: string;
  building_name: string | null;
  compound_name: string | null;
  room: string | null;
  temperature: string | null;
  raised_at: Date;
  escalated_at: Date | null;
  acknowledged_at: Date | null;
};

const ALERT_VIEW = sql`
  select a.id, a.community_id, a.observation_id, r.name, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name, h.room, a.temperature::text as temperature,
         a.raised_at, a.escalated_at, a.acknowledged_at
    from observation_alerts a
    join observations o on o.id = a.observation_id
    join residents r on r.id = o.resident_id
    left join households h on h.id = o.household_id
    left join places b on b.id = o.building_id`;

export async function listOpenAlerts(db: DbOrTx, scope: Scope, communityId: number) {
  const result = await db.execute<AlertView>(sql`${ALERT_VIEW}
    where a.community_id = ${communityId} and a.acknowledged_at is null and ${inScope(scope)}
    order by a.raised_at desc limit 500`);
  return result.rows;
}

export async function acknowledgeAlert(db: DbOrTx, scope: Scope, id: number, accountId: number) {
  const found = await db.execute<{ id: number }>(sql`select a.id from observation_alerts a
    join observations o on o.id = a.observation_id where a.id = ${id} and ${inScope(scope)}`);
  if (!found.rows[0]) return undefined;
  await db.execute(sql`update observation_alerts set acknowledged_at = now(), acknowledged_by = ${accountId}
    where id = ${id} and acknowledged_at is null`);
  const result = await db.execute<AlertView>(sql`${ALERT_VIEW} where a.id = ${id}`);
  return result.rows[0];
}

export type TaskView = {
  id: number;
  community_id: number;
  kind: string;
  resident_id: number;
  name: string;
  observation_id: number | null;
  reason: string;
  created_at: Date;
  done_at: Date | null;
};

export async function insertTask(db: DbOrTx, row: typeof observationTasks.$inferInsert) {
  const rows = await db.insert(observationTasks).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function listTasks(db: DbOrTx, scope: Scope, communityId: number, open: boolean) {
  const result = await db.execute<TaskView>(sql`
    select t.id, t.community_id, t.kind, t.resident_id, r.name, t.observation_id, t.reason, t.created_at, t.done_at
      from observation_tasks t join residents r on r.id = t.resident_id
     where t.community_id = ${communityId} and ${inScope(scope, 't')}
       ${open ? sql`and t.done_at is null` : sql``}
     order by t.created_at desc limit 500`);
  return result.rows;
}

export async function completeTask(db: DbOrTx, scope: Scope, id: number, accountId: number) {
  const result = await db.execute<{ id: number; community_id: number }>(sql`
    update observation_tasks t set done_at = coalesce(done_at, now()), done_by = coalesce(done_by, ${accountId})
     where t.id = ${id} and ${inScope(scope, 't')} returning t.id, t.community_id`);
  return result.rows[0];
}

/** Slots whose window closed `graceMinutes` ago with no reading: missed. Answers those marked. */
export async function markMissedSlots(db: DbOrTx, now: Date, graceMinutes: number) {
  const result = await db.execute<{ id: number; observation_id: number; community_id: number }>(sql`
    update observation_slots set state = 'missed'
     where state = 'due' and closes_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${graceMinutes})
     returning id, observation_id, community_id`);
  return result.rows;
}

/** Observations whose last two slots (closed ones) were both missed, without an open door-visit task. */
export async function twoMissedInARow(db: DbOrTx, observationIds: number[]) {
  if (observationIds.length === 0) return [];
  const result = await db.execute<{
    observation_id: number;
    community_id: number;
    resident_id: number;
    last_slot: number;
  }>(sql`
    select o.id as observation_id, o.community_id, o.resident_id, last2.ids[1] as last_slot
      from observations o
      cross join lateral (
        select array_agg(s.id order by s.closes_at desc) as ids, bool_and(s.state = 'missed') as both
          from (select id, state, closes_at from observation_slots
                 where observation_id = o.id and state <> 'due' order by closes_at desc limit 2) s
      ) last2
     where o.id in (${sql.join(
       observationIds.map((id) => sql`${id}`),
       sql`, `,
     )}) and o.ended_at is null and last2.both and cardinality(last2.ids) = 2`);
  return result.rows;
}

/** Alerts open past `minutes`, not yet escalated: escalated now. */
export async function escalateAlerts(db: DbOrTx, now: Date, minutes: number) {
  const result = await db.execute<{
    id: number;
    observation_id: number;
    community_id: number;
    resident_id: number;
  }>(sql`
    update observation_alerts a set escalated_at = ${now.toISOString()}::timestamptz
      from observations o
     where o.id = a.observation_id and a.acknowledged_at is null and a.escalated_at is null
       and a.raised_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${minutes})
     returning a.id, a.observation_id, a.community_id, o.resident_id`);
  return result.rows;
}
