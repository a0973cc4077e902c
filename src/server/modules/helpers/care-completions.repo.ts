// SQL for completing care tasks many at once: the checks and the writes of a whole batch of completions
// (from different phones, different accounts) in ONE statement.
import { sql } from 'drizzle-orm';
import { CARE_PHOTO_PURPOSE } from '../../../shared/helpers';
import type { DbOrTx } from '../../db/database';
import { executePrepared } from '../../db/prepared';
import { type TaskRow, taskSelect } from './care.repo';

/** One completion as the phone sent it, with who sent it (their scope travels with it). */
export interface Completion {
  taskId: number;
  clientId: string;
  outcome: string;
  /** The photo's public id, only for outcomes that need one. */
  photoPublicId: string | null;
  notes: string | null;
  doneAt: Date;
  /** The Beijing day of `doneAt`, for the hours. */
  day: string;
  minutes: number;
  /** The cared-for person was reached: their last contact moves. */
  reached: boolean;
  /** A check made before the batch failed (bad phone time, missing photo): refused after the task checks. */
  refused: boolean;
  /** Staff complete any task of their scope; otherwise the account must be the task's helper. */
  staff: boolean;
  communityIds: number[];
  accountId: number;
  accountName: string;
  ip: string;
}

/**
 * Why a completion was or was not written, in the order the single-request service checked:
 * missing (not in scope, or a volunteer not of this task's building), client id used on another task,
 * already done (a replay or another phone: answered as it stands), not accepted by this helper,
 * cancelled, refused before the batch, unknown photo, or written ('go' — unless someone else completed
 * it between the snapshot and the update, then `completed` is false).
 */
export type Verdict =
  | 'not_found'
  | 'client_other'
  | 'duplicate'
  | 'not_accepted'
  | 'cancelled'
  | 'refused'
  | 'photo'
  | 'go';

export interface CompletionResult {
  verdict: Verdict;
  completed: boolean;
  /** The helper the caller acted as (staff: the task's helper). */
  acting: number | null;
  /** The task as it stood before this statement (null when not found). */
  task: TaskRow | null;
}

const intArray = (ids: readonly number[]) => `{${ids.map(Number).join(',')}}`;

/**
 * Checks and completes the given tasks in one statement: each task only when not done yet, its photo
 * attached, the helper's hours, the person's last contact and an audit row per completion. The caller
 * guarantees that no task, client id or photo appears twice in one call (see the writer), so every row
 * is updated at most once. Answers in the order given.
 */
export async function completeTasks(db: DbOrTx, items: Completion[]): Promise<CompletionResult[]> {
  if (items.length === 0) return [];
  const col = <T>(pick: (c: Completion) => T) => sql.param(items.map(pick));
  // Named: the statement is long, parsed once per connection rather than on every batch.
  const rows = await executePrepared<
    Partial<TaskRow> & { ord: number; verdict: Verdict; acting: number | null; completed: boolean }
  >(
    db,
    'care_complete_batch',
    sql`
    with given as (
      select u.* from unnest(${col((c) => c.taskId)}::int[], ${col((c) => c.clientId)}::uuid[],
        ${col((c) => c.outcome)}::text[], ${col((c) => c.photoPublicId)}::text[], ${col((c) => c.notes)}::text[],
        ${col((c) => c.doneAt.toISOString())}::timestamptz[], ${col((c) => c.day)}::date[],
        ${col((c) => c.minutes)}::int[], ${col((c) => c.reached)}::bool[], ${col((c) => c.refused)}::bool[],
        ${col((c) => c.staff)}::bool[], ${col((c) => intArray(c.communityIds))}::text[],
        ${col((c) => c.accountId)}::int[], ${col((c) => c.accountName)}::text[], ${col((c) => c.ip)}::text[])
        with ordinality as u(task_id, client_id, outcome, photo_public_id, notes, done_at, day, minutes, reached,
          refused, staff, communities, account_id, account_name, ip, ord)
    ), checked as (
      select g.*, t.id as found_id, t.community_id, t.status, t.helper_id as task_helper,
        (select c.id from care_tasks c where c.community_id = t.community_id and c.client_id = g.client_id)
          as client_task_id,
        own.id as own_id, own.community_id as own_community,
        exists (select 1 from building_roles r where r.helper_id = own.id and r.building_id = t.building_id)
          as covers,
        (select p.id from photos p where p.public_id = g.photo_public_id and p.community_id = t.community_id
          and p.purpose = ${CARE_PHOTO_PURPOSE}
          and ((p.attached_to is null and p.created_by = g.account_id) or p.attached_to = t.id)) as photo_row
      from given g
      left join care_tasks t on t.id = g.task_id and t.community_id = any(g.communities::int[])
      left join lateral (select h.id, h.community_id from helpers h
        where not g.staff and h.account_id = g.account_id and h.active limit 1) own on true
    ), verdict as (
      select c.*, case
          when c.found_id is null then 'not_found'
          when c.client_task_id is not null and c.client_task_id <> c.task_id then 'client_other'
          when not c.staff and (c.own_id is null or c.own_community <> c.community_id
            or (c.task_helper is distinct from c.own_id and not c.covers)) then 'not_found'
          when c.status = 'done' then 'duplicate'
          when not c.staff and c.task_helper is distinct from c.own_id then 'not_accepted'
          when c.status = 'cancelled' then 'cancelled'
          when c.refused then 'refused'
          when c.photo_public_id is not null and c.photo_row is null then 'photo'
          else 'go' end as verdict,
        case when c.staff then c.task_helper else c.own_id end as acting
      from checked c
    ), done as (
      update care_tasks t set status = 'done', outcome = v.outcome, photo_id = v.photo_row, notes = v.notes,
        client_id = v.client_id, done_at = v.done_at, done_by = v.account_id, minutes = v.minutes
      from verdict v
      where v.verdict = 'go' and t.id = v.task_id and t.community_id = v.community_id
        and t.status not in ('done', 'cancelled')
        -- Re-checked here: on PostgreSQL another instance may attach the photo after the snapshot.
        and (v.photo_row is null or exists (select 1 from photos p where p.id = v.photo_row
          and ((p.attached_to is null and p.created_by = v.account_id) or p.attached_to = t.id)))
      returning t.id, t.helper_id, t.community_id, t.resident_id
    ), photo as (
      update photos p set attached_to = d.id from done d join verdict v on v.task_id = d.id
      where p.id = v.photo_row returning p.id
    ), hours as (
      insert into helper_hours (community_id, helper_id, source, task_id, worked_on, minutes, status, entered_by)
      select d.community_id, d.helper_id, 'care_task', d.id, v.day, v.minutes, 'approved', v.account_id
      from done d join verdict v on v.task_id = d.id where d.helper_id is not null
      on conflict (community_id, task_id) do nothing returning id
    ), contact as (
      -- Two tasks of one person in a batch: their latest reached completion counts, once.
      update care_needs n set last_contact_at = greatest(coalesce(n.last_contact_at, x.at), x.at)
      from (select d.community_id, d.resident_id, max(v.done_at) as at
            from done d join verdict v on v.task_id = d.id where v.reached
            group by d.community_id, d.resident_id) x
      where n.community_id = x.community_id and n.resident_id = x.resident_id returning n.id
    ), audited as (
      insert into audit_log (account_id, account_name, ip, action, entity, entity_id, community_id, detail)
      select v.account_id, v.account_name, v.ip, 'update', 'care_task', d.id, d.community_id,
             jsonb_build_object('outcome', v.outcome)
      from done d join verdict v on v.task_id = d.id returning id
    )
    -- Data-modifying CTEs run whether or not they are read.
    select v.ord::int as ord, v.verdict, v.acting, (d.id is not null) as completed, tv.*
    from verdict v left join done d on d.id = v.task_id
    left join (${taskSelect}) tv on tv.id = v.found_id
    order by v.ord`,
  );
  return rows.map((r) => {
    const { ord: _ord, verdict, acting, completed, ...task } = r;
    return {
      verdict,
      completed,
      acting: acting ?? null,
      task: task.id == null ? null : (task as TaskRow),
    };
  });
}
