import { sql } from 'drizzle-orm';
import { maskName } from '../../../shared/access/mask-name';
import type { AuditNames } from '../../../shared/audit/audit-parts';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import type { auditLog } from './audit.table';

type AuditRow = typeof auditLog.$inferSelect;

const ids = (values: Iterable<unknown>) => [
  ...new Set([...values].filter((v): v is number => typeof v === 'number' && Number.isInteger(v))),
];

/** The person and door an entry is about, read from the row it names when its detail does not say. */
async function subjectsOf(db: DbOrTx, rows: AuditRow[]) {
  const result = await db.execute<{
    ord: number;
    resident_id: number | null;
    household_id: number | null;
  }>(sql`
    select a.ord::int as ord,
      case a.entity
        when 'resident' then a.eid
        when 'declaration' then (select resident_id from declarations where id = a.eid)
        when 'observation' then (select resident_id from observations where id = a.eid)
        when 'observation_alert' then (select o.resident_id from observation_alerts x
          join observations o on o.id = x.observation_id where x.id = a.eid)
        when 'observation_task' then (select resident_id from observation_tasks where id = a.eid)
        when 'pass' then (select resident_id from passes where id = a.eid)
        when 'request' then (select resident_id from requests where id = a.eid)
        when 'care_need' then (select resident_id from care_needs where id = a.eid)
        when 'care_task' then (select resident_id from care_tasks where id = a.eid)
      end as resident_id,
      case a.entity
        when 'household' then a.eid
        when 'pass' then (select household_id from passes where id = a.eid)
        when 'request' then (select household_id from requests where id = a.eid)
      end as household_id
    from unnest(${sql.param(rows.map((r) => r.entity))}::text[], ${sql.param(rows.map((r) => r.entityId))}::int[])
      with ordinality as a(entity, eid, ord)`);
  const byOrd = new Map(result.rows.map((r) => [Number(r.ord), r]));
  return rows.map((row, i) => {
    const found = byOrd.get(i + 1);
    const detail = (row.detail ?? {}) as Record<string, unknown>;
    const residentId =
      typeof detail.residentId === 'number' ? detail.residentId : (found?.resident_id ?? null);
    return { residentId, householdId: found?.household_id ?? null };
  });
}

/** Doors as staff say them, compound first: 紫萝园小区 1号楼 1单元 101. Only doors in the caller's communities. */
async function doorsOf(db: DbOrTx, scope: Scope, householdIds: number[]) {
  if (householdIds.length === 0 || scope.communityIds.length === 0) return new Map<number, string>();
  const result = await db.execute<{ id: number; label: string }>(sql`
    select h.id, concat_ws(' ', (select c.name from places c where c.kind = 'compound'
        and c.id = any(string_to_array(trim(both '/' from b.path), '/')::int[]) limit 1),
      b.name, e.name, h.room) as label
    from households h join places b on b.id = h.building_id left join places e on e.id = h.entrance_id
    where h.id = any(${sql.param(householdIds)}::int[]) and h.community_id = any(${sql.param(scope.communityIds)}::int[])`);
  return new Map(result.rows.map((r) => [r.id, r.label]));
}

/** Places by name; a building or entrance says its compound (five compounds each have a 1号楼). */
async function placesOf(db: DbOrTx, placeIds: number[]) {
  if (placeIds.length === 0) return new Map<number, string>();
  const result = await db.execute<{ id: number; label: string }>(sql`
    select p.id, concat_ws(' ', case when p.kind in ('building', 'bungalow_area', 'entrance') then
        (select c.name from places c where c.kind = 'compound'
          and c.id = any(string_to_array(trim(both '/' from p.path), '/')::int[]) limit 1) end,
      case when p.kind = 'entrance' then (select b.name from places b where b.id = p.parent_id) end,
      p.name) as label
    from places p where p.id = any(${sql.param(placeIds)}::int[])`);
  return new Map(result.rows.map((r) => [r.id, r.label]));
}

function placeIdsOf(row: AuditRow): unknown[] {
  const d = (row.detail ?? {}) as Record<string, unknown>;
  const changes = (d.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
  return [
    row.entity === 'place' ? row.entityId : null,
    row.communityId,
    d.placeId,
    d.compoundId,
    d.buildingId,
    d.scopePlaceId,
    ...list(d.scopeBuildingIds),
    changes.scopePlaceId?.from,
    changes.scopePlaceId?.to,
    ...list(changes.scopeBuildingIds?.from),
    ...list(changes.scopeBuildingIds?.to),
  ];
}

/**
 * Everything the sentences of a page of audit rows name, looked up in a few statements: the person
 * (masked name and door), doors, places, accounts and gates. Names of people are masked here — the
 * audit log shows no more of a person than a list does — and doors and gates only in the caller's
 * communities.
 */
export async function auditNames(db: DbOrTx, scope: Scope, rows: AuditRow[]): Promise<AuditNames[]> {
  if (rows.length === 0) return [];
  const subjects = await subjectsOf(db, rows);
  const communities = sql.param(scope.communityIds);
  const residentIds = ids(subjects.map((s) => s.residentId));
  const people = new Map<number, { name: string; householdId: number | null }>();
  if (residentIds.length && scope.communityIds.length) {
    const found = await db.execute<{ id: number; name: string; household_id: number | null }>(sql`
      select id, name, household_id from residents
      where id = any(${sql.param(residentIds)}::int[]) and community_id = any(${communities}::int[])`);
    for (const r of found.rows) people.set(r.id, { name: maskName(r.name), householdId: r.household_id });
  }
  const details = rows.map((r) => (r.detail ?? {}) as Record<string, unknown>);
  const doorIds = ids([
    ...subjects.map((s) => s.householdId),
    ...[...people.values()].map((p) => p.householdId),
    ...rows.flatMap((r, i) => (r.action === 'move' ? [details[i]?.from, details[i]?.to] : [])),
  ]);
  const accountIds = ids(
    rows.flatMap((r, i) => [r.entity === 'account' ? r.entityId : null, details[i]?.accountId]),
  );
  const gateIds = ids(details.map((d) => d.gateId));
  const [doors, places, accounts, gates] = await Promise.all([
    doorsOf(db, scope, doorIds),
    placesOf(db, ids(rows.flatMap(placeIdsOf))),
    accountIds.length
      ? db.execute<{ id: number; label: string }>(sql`
          select id, concat(display_name, '（', username, '）') as label from accounts
          where id = any(${sql.param(accountIds)}::int[])`)
      : Promise.resolve({ rows: [] as Array<{ id: number; label: string }> }),
    gateIds.length && scope.communityIds.length
      ? db.execute<{ id: number; label: string }>(sql`
          select id, name as label from gates
          where id = any(${sql.param(gateIds)}::int[]) and community_id = any(${communities}::int[])`)
      : Promise.resolve({ rows: [] as Array<{ id: number; label: string }> }),
  ]);
  const record = (m: Map<number, string>) => Object.fromEntries(m) as Record<number, string>;
  const shared = {
    places: record(places),
    households: record(doors),
    accounts: Object.fromEntries(accounts.rows.map((r) => [r.id, r.label])) as Record<number, string>,
    gates: Object.fromEntries(gates.rows.map((r) => [r.id, r.label])) as Record<number, string>,
  };
  return rows.map((row, i) => {
    const s = subjects[i];
    const p = s?.residentId != null ? people.get(s.residentId) : undefined;
    const door = s?.householdId != null ? doors.get(s.householdId) : undefined;
    return {
      ...shared,
      person:
        p && s?.residentId != null
          ? {
              id: s.residentId,
              name: p.name,
              householdId: p.householdId,
              address: p.householdId != null ? (doors.get(p.householdId) ?? null) : null,
            }
          : null,
      household: door && s?.householdId != null ? { id: s.householdId, address: door } : null,
      community: row.communityId != null ? (places.get(row.communityId) ?? null) : null,
    };
  });
}
