import { sql } from 'drizzle-orm';
import { BEIJING_ZONE } from '../../db/beijing-sql';
import type { DbOrTx } from '../../db/database';

/** Checks per gate and Beijing hour of one day, with fevers and refusals. */
export async function hourlyChecks(db: DbOrTx, communityIds: number[], from: Date, to: Date) {
  const result = await db.execute<{
    gateId: number;
    hour: number;
    checks: number;
    fevers: number;
    refusals: number;
  }>(sql`
    select gate_id as "gateId", extract(hour from checked_at at time zone ${BEIJING_ZONE})::int as hour,
      count(*)::int as checks, count(*) filter (where fever)::int as fevers, count(*) filter (where refused)::int as refusals
    from gate_checks
    where community_id = any(${sql.param(communityIds)}::int[]) and checked_at >= ${from} and checked_at < ${to}
    group by 1, 2`);
  return result.rows;
}

export async function visitorsPerGate(db: DbOrTx, communityIds: number[], day: string) {
  const result = await db.execute<{ gateId: number; n: number }>(sql`
    select gate_id as "gateId", count(*)::int as n from visitors
    where community_id = any(${sql.param(communityIds)}::int[]) and valid_on = ${day} group by 1`);
  return result.rows;
}

export async function passesIssuedRevoked(db: DbOrTx, communityIds: number[], from: Date, to: Date) {
  const result = await db.execute<{ issued: number; revoked: number }>(sql`
    select count(*) filter (where issued_at >= ${from} and issued_at < ${to})::int as issued,
      count(*) filter (where status = 'revoked' and revoked_at >= ${from} and revoked_at < ${to})::int as revoked
    from passes where community_id = any(${sql.param(communityIds)}::int[])`);
  return result.rows[0] ?? { issued: 0, revoked: 0 };
}

/**
 * Passages that do not add up, from the same pass's consecutive accepted checks: in twice without an
 * out between (a lent or copied pass), or two different gates within a minute (a copied pass).
 */
export async function anomalies(db: DbOrTx, communityIds: number[], from: Date, to: Date) {
  const result = await db.execute<{
    kind: 'double_entry' | 'two_gates';
    passNumber: number;
    gateId: number;
    previousGateId: number;
    at: Date;
    previousAt: Date;
  }>(sql`
    select case when x.direction = 'in' and x.prev_direction = 'in' then 'double_entry' else 'two_gates' end as kind,
      x.pass_number as "passNumber", x.gate_id as "gateId", x.prev_gate as "previousGateId",
      x.checked_at as at, x.prev_at as "previousAt"
    from (
      select pass_number, gate_id, checked_at, direction,
        lag(direction) over w as prev_direction, lag(gate_id) over w as prev_gate, lag(checked_at) over w as prev_at
      from gate_checks
      where community_id = any(${sql.param(communityIds)}::int[]) and pass_id is not null and not refused
        and verdict = 'valid' and checked_at >= ${new Date(from.getTime() - 86_400_000)} and checked_at < ${to}
      window w as (partition by pass_id order by checked_at)
    ) x
    where x.checked_at >= ${from}
      and ((x.direction = 'in' and x.prev_direction = 'in')
        or (x.gate_id <> x.prev_gate and x.checked_at - x.prev_at < interval '1 minute'))
    order by x.checked_at desc
    limit 200`);
  return result.rows;
}
