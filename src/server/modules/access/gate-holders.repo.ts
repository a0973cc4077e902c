// What the gate phone keeps about the compound's doors and who holds each active pass (gates.service.ts
// offlineBundle): names leave here masked, never whole.
import { sql } from 'drizzle-orm';
import { maskName } from '../../../shared/access';
import type { DbOrTx } from '../../db/database';
import { HOLDER_COLUMNS, HOLDER_JOINS, type HolderColumns } from './passes.repo';

/**
 * The compound's occupied doors, in the order of the place tree, with how many live at each: what a
 * guard picks a visitor's destination from, online or not.
 */
export async function compoundDoors(db: DbOrTx, communityId: number, compoundId: number) {
  const result = await db.execute<{
    id: number;
    building: string;
    unit: string | null;
    room: string;
    holders: number;
  }>(sql`
    select h.id, b.name as building, e.name as unit, h.room,
      (select count(*) from residents r where r.household_id = h.id and r.moved_out_at is null)::int as holders
    from households h
    join places b on b.id = h.building_id
    left join places e on e.id = h.entrance_id
    where h.community_id = ${communityId} and not h.vacant and b.path like ${`%/${compoundId}/%`}
    order by b.sort_key, b.id, e.sort_key nulls first, e.id nulls first, h.room, h.id`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), holders: Number(r.holders) }));
}

/** [pass number, door (household id), holder's masked name] of the compound's active passes. */
export async function activePassHolders(
  db: DbOrTx,
  communityId: number,
  compoundId: number,
): Promise<Array<[number, number, string | null]>> {
  const result = await db.execute<HolderColumns & { number: number; householdId: number }>(sql`
    select p.number, p.household_id as "householdId", ${HOLDER_COLUMNS}
    from passes p ${HOLDER_JOINS}
    where p.community_id = ${communityId} and p.compound_id = ${compoundId} and p.status = 'active'
    order by p.number`);
  return result.rows.map((r) => [
    Number(r.number),
    Number(r.householdId),
    r.holderName === null ? null : maskName(r.holderName),
  ]);
}

/** One door of the compound (a visitor's destination), or undefined when it is not one of its doors. */
export async function doorOfCompound(
  db: DbOrTx,
  communityId: number,
  compoundId: number,
  householdId: number,
) {
  const result = await db.execute<{ building: string; unit: string | null; room: string }>(sql`
    select b.name as building, e.name as unit, h.room
    from households h
    join places b on b.id = h.building_id
    left join places e on e.id = h.entrance_id
    where h.id = ${householdId} and h.community_id = ${communityId} and b.path like ${`%/${compoundId}/%`}`);
  return result.rows[0];
}
