import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { gateChecks, gateReferrals } from './access.table';

export type GateCheckInsert = typeof gateChecks.$inferInsert;

/**
 * One statement for the whole batch, its shape the same whatever the batch size (one array per column,
 * unnested): building a many-row VALUES list through the query builder cost more CPU than the insert.
 * A uuid already stored is skipped (not updated): the first copy of a check is the true one, and a resend
 * must change nothing. Returns the uuids that were new.
 */
export async function insertChecks(db: DbOrTx, rows: GateCheckInsert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <K extends keyof GateCheckInsert>(key: K, fallback: GateCheckInsert[K] | null = null) =>
    sql.param(rows.map((r) => r[key] ?? fallback));
  const inserted = await db.execute<{ uuid: string }>(sql`
    insert into ${gateChecks} (uuid, community_id, gate_id, account_id, checked_at, subject, pass_id, pass_number,
      visitor_id, verdict, direction, temperature, fever, id_checked, plate, trunk_checked, refused,
      refusal_reason, offline)
    select * from unnest(${col('uuid')}::uuid[], ${col('communityId')}::int[], ${col('gateId')}::int[],
      ${col('accountId')}::int[], ${sql.param(rows.map((r) => r.checkedAt.toISOString()))}::timestamptz[],
      ${col('subject')}::text[], ${col('passId')}::int[], ${col('passNumber')}::int[], ${col('visitorId')}::int[],
      ${col('verdict')}::text[], ${col('direction')}::text[], ${col('temperature')}::real[], ${col('fever', false)}::bool[],
      ${col('idChecked', false)}::bool[], ${col('plate')}::text[], ${col('trunkChecked', false)}::bool[],
      ${col('refused', false)}::bool[], ${col('refusalReason')}::text[], ${col('offline', false)}::bool[])
    on conflict (uuid) do nothing
    returning uuid`);
  return new Set(inserted.rows.map((r) => r.uuid));
}

/** Stored verdicts of checks sent before (a resend answers with what was recorded the first time). */
export async function verdictsOf(db: DbOrTx, scope: Scope, uuids: string[]) {
  if (uuids.length === 0 || scope.communityIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ uuid: gateChecks.uuid, verdict: gateChecks.verdict })
    .from(gateChecks)
    .where(and(inArray(gateChecks.uuid, uuids), inArray(gateChecks.communityId, scope.communityIds)));
  return new Map(rows.map((r) => [r.uuid, r.verdict]));
}

export async function insertReferrals(db: DbOrTx, rows: Array<typeof gateReferrals.$inferInsert>) {
  if (rows.length === 0) return;
  await db.insert(gateReferrals).values(rows).onConflictDoNothing({ target: gateReferrals.checkUuid });
}

/** Checks of one gate (or all gates in scope) in a time window, newest first. */
export async function listChecks(
  db: DbOrTx,
  scope: Scope,
  filter: { gateId?: number; from: Date; to: Date; limit: number },
) {
  if (scope.communityIds.length === 0) return [];
  return db
    .select()
    .from(gateChecks)
    .where(
      and(
        inArray(gateChecks.communityId, scope.communityIds),
        filter.gateId ? eq(gateChecks.gateId, filter.gateId) : undefined,
        gte(gateChecks.checkedAt, filter.from),
        lt(gateChecks.checkedAt, filter.to),
      ),
    )
    .orderBy(desc(gateChecks.checkedAt))
    .limit(filter.limit);
}
