// SQL for care needs, care tasks and hours. Reads take the community ids the caller's scope allows.
import { sql } from 'drizzle-orm';
import { ESCALATE_AFTER_MINUTES, VISIT_MINUTES } from '../../../shared/helpers';
import { BEIJING_ZONE } from '../../db/beijing-sql';
import type { DbOrTx } from '../../db/database';
import { compoundNameOf } from '../places/place-labels';

const ids = (values: number[]) => sql`${`{${values.join(',')}}`}::int[]`;

/** A resident of a community in scope, with the door they live at. */
export async function residentAtHome(db: DbOrTx, communityIds: number[], residentId: number) {
  const result = await db.execute<{
    id: number;
    community_id: number;
    household_id: number;
    building_id: number;
  }>(sql`
    select r.id, r.community_id, h.id as household_id, h.building_id
    from residents r join households h on h.id = r.household_id
    where r.id = ${residentId} and r.community_id = any(${ids(communityIds)}) and r.moved_out_at is null`);
  return result.rows[0];
}

export interface NeedRow {
  id: number;
  community_id: number;
  resident_id: number;
  name: string;
  building_name: string;
  compound_name: string | null;
  room: string;
  tags: string[];
  contact_every_days: number;
  last_contact_at: Date | null;
  due_at: Date;
  overdue: boolean;
}

/** People who need care; overdue first (the longest overdue first), then by when contact is due. */
export async function listNeeds(db: DbOrTx, communityId: number, onlyOverdue: boolean, id?: number) {
  const result = await db.execute<NeedRow & Record<string, unknown>>(sql`
    select * from (
      select n.id, n.community_id, n.resident_id, r.name, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name,
             h.room, n.tags,
             n.contact_every_days, n.last_contact_at,
             coalesce(n.last_contact_at, n.created_at) + make_interval(days => n.contact_every_days) as due_at
      from care_needs n join residents r on r.id = n.resident_id
      left join households h on h.id = r.household_id left join places b on b.id = h.building_id
      where n.community_id = ${communityId} ${id === undefined ? sql`` : sql`and n.id = ${id}`}) x
    cross join lateral (select x.due_at < now() as overdue) o
    ${onlyOverdue ? sql`where o.overdue` : sql``}
    order by x.due_at, x.id limit 2000`);
  return result.rows;
}

export async function upsertNeed(
  db: DbOrTx,
  row: { communityId: number; residentId: number; tags: string[]; days: number; notes: string | null },
) {
  const result = await db.execute<{ id: number }>(sql`
    insert into care_needs (community_id, resident_id, tags, contact_every_days, notes)
    values (${row.communityId}, ${row.residentId}, ${`{${row.tags.join(',')}}`}::text[], ${row.days}, ${row.notes})
    on conflict (community_id, resident_id) do update set tags = excluded.tags,
      contact_every_days = excluded.contact_every_days, notes = excluded.notes
    returning id`);
  return (result.rows[0] as { id: number }).id;
}

export interface TaskRow {
  id: number;
  community_id: number;
  building_id: number;
  building_name: string;
  compound_name: string | null;
  address: string;
  room: string;
  resident_id: number;
  resident_name: string;
  phone_masked: string | null;
  kind: string;
  what: string | null;
  status: string;
  offered_at: Date;
  declined_by: number[];
  helper_id: number | null;
  helper_name: string | null;
  accepted_at: Date | null;
  escalated_at: Date | null;
  outcome: string | null;
  photo_public_id: string | null;
  notes: string | null;
  client_id: string | null;
  done_at: Date | null;
  minutes: number | null;
}

// The helper's address names the compound (as addressLabel does): five compounds each have a "1号楼".
export const taskSelect = sql`
  select t.id, t.community_id, t.building_id, b.name as building_name, ${compoundNameOf(sql`b.parent_id`)} as compound_name, h.room,
         concat_ws(' ', ${compoundNameOf(sql`b.parent_id`)}, b.name, e.name, h.room) as address,
         t.resident_id, r.name as resident_name, r.phone_masked, t.kind, t.what, t.status, t.offered_at,
         t.declined_by, t.helper_id, hp.name as helper_name, t.accepted_at, t.escalated_at, t.outcome,
         ph.public_id as photo_public_id, t.notes, t.client_id, t.done_at, t.minutes
  from care_tasks t join places b on b.id = t.building_id join households h on h.id = t.household_id
  left join places e on e.id = h.entrance_id join residents r on r.id = t.resident_id
  left join helpers hp on hp.id = t.helper_id left join photos ph on ph.id = t.photo_id`;

export async function listTasks(db: DbOrTx, communityId: number, status?: string) {
  const result = await db.execute<TaskRow & Record<string, unknown>>(sql`${taskSelect}
    where t.community_id = ${communityId} ${status ? sql`and t.status = ${status}` : sql``}
    order by (t.status = 'escalated') desc, t.offered_at desc, t.id desc limit 500`);
  return result.rows;
}

/** One task in scope. */
export async function findTask(db: DbOrTx, communityIds: number[], id: number) {
  const result = await db.execute<TaskRow & Record<string, unknown>>(sql`${taskSelect}
    where t.id = ${id} and t.community_id = any(${ids(communityIds)})`);
  return result.rows[0];
}

export async function taskByClientId(db: DbOrTx, clientId: string) {
  const result = await db.execute<{ id: number }>(
    sql`select id from care_tasks where client_id = ${clientId}`,
  );
  return result.rows[0];
}

/**
 * The tasks of one helper's phone: open offers at the buildings they answer for (not declined by them),
 * what they accepted, and what they finished in the last week.
 */
export async function tasksOfHelper(db: DbOrTx, helperId: number, communityId: number) {
  const result = await db.execute<TaskRow & Record<string, unknown>>(sql`${taskSelect}
    where t.community_id = ${communityId} and (
      (t.status in ('offered', 'escalated') and not (${helperId} = any(t.declined_by))
        and t.building_id in (select building_id from building_roles where helper_id = ${helperId}))
      or (t.helper_id = ${helperId} and t.status = 'accepted')
      or (t.helper_id = ${helperId} and t.status = 'done' and t.done_at > now() - interval '7 days'))
    order by (t.status = 'accepted') desc, t.offered_at, t.id limit 200`);
  return result.rows;
}

export async function helperCoversBuilding(db: DbOrTx, helperId: number, buildingId: number) {
  const result = await db.execute(sql`
    select 1 from building_roles where helper_id = ${helperId} and building_id = ${buildingId} limit 1`);
  return result.rows.length > 0;
}

export async function insertTask(
  db: DbOrTx,
  row: {
    communityId: number;
    buildingId: number;
    householdId: number;
    residentId: number;
    kind: string;
    what: string | null;
    createdBy: number;
  },
) {
  const result = await db.execute<{ id: number }>(sql`
    insert into care_tasks (community_id, building_id, household_id, resident_id, kind, what, created_by)
    values (${row.communityId}, ${row.buildingId}, ${row.householdId}, ${row.residentId}, ${row.kind},
            ${row.what}, ${row.createdBy})
    returning id`);
  return (result.rows[0] as { id: number }).id;
}

/** Takes an open task for a helper: only one accept wins (the row's status is checked in the update). */
export async function acceptTask(db: DbOrTx, id: number, helperId: number) {
  const result = await db.execute<{ id: number }>(sql`
    update care_tasks set status = 'accepted', helper_id = ${helperId}, accepted_at = now()
    where id = ${id} and status in ('offered', 'escalated') returning id`);
  return result.rows.length > 0;
}

export async function declineTask(db: DbOrTx, id: number, helperId: number) {
  await db.execute(sql`
    update care_tasks set declined_by = array_append(declined_by, ${helperId})
    where id = ${id} and status in ('offered', 'escalated') and not (${helperId} = any(declined_by))`);
}

export async function touchNeed(db: DbOrTx, communityId: number, residentId: number, at: Date) {
  await db.execute(sql`
    update care_needs set last_contact_at = greatest(coalesce(last_contact_at, ${at.toISOString()}), ${at.toISOString()})
    where community_id = ${communityId} and resident_id = ${residentId}`);
}

/** Offers nobody accepted within the limit go to staff; the timed job runs this every minute. */
export async function escalateOverdue(db: DbOrTx, now: Date = new Date()) {
  const result = await db.execute(sql`
    update care_tasks set status = 'escalated', escalated_at = ${now.toISOString()}
    where status = 'offered'
      and offered_at <= ${now.toISOString()}::timestamptz - make_interval(mins => ${ESCALATE_AFTER_MINUTES})`);
  return result.rowCount ?? 0;
}

export async function insertHours(
  db: DbOrTx,
  row: {
    communityId: number;
    helperId: number;
    source: string;
    taskId: number | null;
    workedOn: string;
    minutes: number;
    note: string | null;
    status: string;
    enteredBy: number;
  },
) {
  const result = await db.execute<{ id: number }>(sql`
    insert into helper_hours (community_id, helper_id, source, task_id, worked_on, minutes, note, status, entered_by)
    values (${row.communityId}, ${row.helperId}, ${row.source}, ${row.taskId}, ${row.workedOn}, ${row.minutes},
            ${row.note}, ${row.status}, ${row.enteredBy})
    on conflict (community_id, task_id) do nothing returning id`);
  return result.rows[0]?.id;
}

export interface HourEntryRow {
  id: number;
  community_id: number;
  helper_id: number;
  helper_name: string;
  source: string;
  worked_on: string;
  minutes: number;
  note: string | null;
  status: string;
}

const entrySelect = sql`
  select e.id, e.community_id, e.helper_id, h.name as helper_name, e.source, e.worked_on::text as worked_on,
         e.minutes, e.note, e.status
  from helper_hours e join helpers h on h.id = e.helper_id`;

export async function findEntry(db: DbOrTx, communityIds: number[], id: number) {
  const result = await db.execute<HourEntryRow & Record<string, unknown>>(sql`${entrySelect}
    where e.id = ${id} and e.community_id = any(${ids(communityIds)})`);
  return result.rows[0];
}

export async function decideEntry(db: DbOrTx, id: number, status: string, by: number) {
  const result = await db.execute(sql`
    update helper_hours set status = ${status}, decided_by = ${by} where id = ${id} and status = 'pending'`);
  return (result.rowCount ?? 0) > 0;
}

/**
 * Hours of a month per helper, and the entries waiting for approval. Besides the rows of `helper_hours`
 * (care tasks, hours entered by hand), what a helper with an account did elsewhere counts as it stands,
 * read from where it is recorded (never copied, so a corrected shift or visit is counted corrected):
 * gate duty shifts they checked in to (到岗签到) and that have ended, and screening-campaign visits they
 * recorded, `VISIT_MINUTES` each. Months are Beijing months.
 */
export async function monthHours(db: DbOrTx, communityId: number, from: string, to: string) {
  const lo = sql`(${from}::date::timestamp at time zone ${BEIJING_ZONE})`;
  const hi = sql`(${to}::date::timestamp at time zone ${BEIJING_ZONE})`;
  const [summary, pending] = await Promise.all([
    db.execute<{
      helper_id: number;
      helper_name: string;
      approved: number;
      pending: number;
      tasks: number;
      duty: number;
      visits: number;
    }>(sql`
      with own as (
        select e.helper_id,
               coalesce(sum(e.minutes) filter (where e.status = 'approved'), 0)::int as approved,
               coalesce(sum(e.minutes) filter (where e.status = 'pending'), 0)::int as pending,
               (count(*) filter (where e.source = 'care_task'))::int as tasks
        from helper_hours e
        where e.community_id = ${communityId} and e.worked_on >= ${from} and e.worked_on < ${to}
        group by e.helper_id
      ), duty as (
        select h.id as helper_id, round(sum(extract(epoch from s.ends_at - s.starts_at)) / 60)::int as minutes
        from helpers h join gate_shifts s on s.account_id = h.account_id and s.community_id = h.community_id
        where h.community_id = ${communityId} and s.checked_in_at is not null and s.ends_at <= now()
          and s.starts_at >= ${lo} and s.starts_at < ${hi}
        group by h.id
      ), visited as (
        select h.id as helper_id, count(*)::int as n
        from campaign_visits v join helpers h on h.account_id = v.visited_by and h.community_id = v.community_id
        where v.campaign_id in (select c.id from campaigns c where c.community_id = ${communityId})
          and h.community_id = ${communityId} and v.visited_at >= ${lo} and v.visited_at < ${hi}
        group by h.id
      )
      select h.id as helper_id, h.name as helper_name,
             (coalesce(o.approved, 0) + coalesce(d.minutes, 0) + coalesce(v.n, 0) * ${VISIT_MINUTES})::int as approved,
             coalesce(o.pending, 0) as pending, coalesce(o.tasks, 0) as tasks,
             coalesce(d.minutes, 0) as duty, coalesce(v.n, 0) as visits
      from helpers h left join own o on o.helper_id = h.id left join duty d on d.helper_id = h.id
        left join visited v on v.helper_id = h.id
      where h.community_id = ${communityId}
        and (o.helper_id is not null or d.helper_id is not null or v.helper_id is not null)
      order by approved desc, h.name`),
    db.execute<HourEntryRow & Record<string, unknown>>(sql`${entrySelect}
      where e.community_id = ${communityId} and e.status = 'pending' order by e.worked_on, e.id limit 500`),
  ]);
  return { summary: summary.rows, pending: pending.rows };
}
