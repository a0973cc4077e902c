// The daily report's SQL: templates, freezing at the cut-off from the facts, corrections, confirmation.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

const ints = (ids: number[]) => sql`${sql.param(ids)}::int[]`;

export type TemplateRow = {
  id: number;
  place_id: number;
  name: string;
  cutoff: string;
  columns: { indicator: string; group: string | null }[];
};

export async function insertTemplate(
  db: DbOrTx,
  t: { placeId: number; name: string; cutoff: string; columns: TemplateRow['columns'] },
) {
  const { rows } = await db.execute<TemplateRow>(sql`
    insert into report_templates (place_id, name, cutoff, columns)
    values (${t.placeId}, ${t.name}, ${t.cutoff}, ${JSON.stringify(t.columns)}::jsonb)
    returning id, place_id, name, cutoff, columns`);
  return rows[0] as TemplateRow;
}

export async function templateById(db: DbOrTx, id: number) {
  const { rows } = await db.execute<TemplateRow>(sql`
    select id, place_id, name, cutoff, columns from report_templates where id = ${id}`);
  return rows[0];
}

/** Templates set at any of these places (a place's line: its ancestors and itself). */
export async function templatesAt(db: DbOrTx, placeIds: number[]) {
  const { rows } = await db.execute<TemplateRow>(sql`
    select id, place_id, name, cutoff, columns from report_templates where place_id = any(${ints(placeIds)})
    order by id`);
  return rows;
}

/** (template, community) pairs due at `cutoff` on `day` that have no report yet. */
export async function dueReports(db: DbOrTx, day: string, time: string) {
  const { rows } = await db.execute<{ template_id: number; community_id: number }>(sql`
    select t.id as template_id, c.id as community_id
    from report_templates t join places tp on tp.id = t.place_id
    join places c on c.kind = 'community' and c.path like tp.path || tp.id || '/%'
    where t.cutoff <= ${time}
      and not exists (select 1 from daily_reports r where r.template_id = t.id and r.day = ${day}::date
                      and r.community_id = c.id)`);
  return rows;
}

/** Freezes the listed reports from the communities' facts of the day, in one statement. */
export async function freeze(db: DbOrTx, day: string, due: { template_id: number; community_id: number }[]) {
  if (due.length === 0) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`
    with due as (
      select * from unnest(${ints(due.map((d) => d.template_id))}, ${ints(due.map((d) => d.community_id))})
        as u(template_id, community_id)
    ), ins as (
      insert into daily_reports (template_id, community_id, day, values, frozen_at)
      select d.template_id, d.community_id, ${day}::date,
             coalesce((select jsonb_object_agg(f.indicator, f.value) from dashboard_facts f
                       where f.place_id = d.community_id and f.day = ${day}::date), '{}'::jsonb),
             now()
      from due d
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  return rows[0]?.n ?? 0;
}

export type ReportRowDb = {
  community_id: number;
  day: string;
  values: Record<string, number>;
  version: number;
  frozen_at: string | Date;
  submitted_at: string | Date | null;
  confirmed_at: string | Date | null;
};

export async function reportsOf(db: DbOrTx, templateId: number, days: string[], communityIds: number[]) {
  const { rows } = await db.execute<ReportRowDb>(sql`
    select community_id, to_char(day, 'YYYY-MM-DD') as day, values, version, frozen_at, submitted_at, confirmed_at
    from daily_reports
    where template_id = ${templateId} and day = any(${sql.param(days)}::date[])
      and community_id = any(${ints(communityIds)})`);
  return rows;
}

/** A community's correction: merged into the values, a new version; never once confirmed. */
export async function resubmit(
  db: DbOrTx,
  key: { templateId: number; communityId: number; day: string },
  values: Record<string, number>,
  accountId: number,
) {
  const { rows } = await db.execute<{ confirmed: boolean }>(sql`
    update daily_reports set values = values || ${JSON.stringify(values)}::jsonb, version = version + 1,
           submitted_at = now(), submitted_by = ${accountId}
    where template_id = ${key.templateId} and community_id = ${key.communityId} and day = ${key.day}::date
      and confirmed_at is null
    returning false as confirmed`);
  return rows.length > 0;
}

export async function confirm(
  db: DbOrTx,
  key: { templateId: number; communityId: number; day: string },
  accountId: number,
) {
  const { rows } = await db.execute<{ id: number }>(sql`
    update daily_reports set confirmed_at = coalesce(confirmed_at, now()),
           confirmed_by = coalesce(confirmed_by, ${accountId})
    where template_id = ${key.templateId} and community_id = ${key.communityId} and day = ${key.day}::date
    returning 1 as id`);
  return rows.length > 0;
}

export async function communitiesUnder(db: DbOrTx, place: { id: number; path: string; kind: string }) {
  if (place.kind === 'community') return [{ id: place.id }];
  const { rows } = await db.execute<{ id: number }>(sql`
    select id from places where kind = 'community' and path like ${`${place.path}${place.id}/`} || '%'
    order by sort_key, id`);
  return rows;
}
