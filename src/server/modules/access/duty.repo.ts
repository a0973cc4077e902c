import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { photos } from '../photos/photos.table';
import { dutyInspections, gateShifts } from './duty.table';

export type ShiftRow = typeof gateShifts.$inferSelect;
export type InspectionRow = typeof dutyInspections.$inferSelect;

const DUTY_ROLES = ['gate_guard', 'volunteer', 'social_worker', 'community_secretary'];

/** Accounts that may stand at a gate of `communityId`: its guards, volunteers and staff, not disabled. */
export async function dutyAccounts(db: DbOrTx, communityId: number) {
  return db
    .select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
    .from(accounts)
    .where(
      and(
        eq(accounts.scopePlaceId, communityId),
        inArray(accounts.role, DUTY_ROLES),
        isNull(accounts.disabledAt),
      ),
    )
    .orderBy(asc(accounts.displayName), asc(accounts.id));
}

/** Shifts of a gate that touch [from, to), with the name of whoever stands it. */
export async function listShifts(db: DbOrTx, scope: Scope, gateId: number, from: Date, to: Date) {
  if (scope.communityIds.length === 0) return [];
  return db
    .select({ shift: gateShifts, accountName: accounts.displayName })
    .from(gateShifts)
    .leftJoin(accounts, eq(accounts.id, gateShifts.accountId))
    .where(
      and(
        eq(gateShifts.gateId, gateId),
        inArray(gateShifts.communityId, scope.communityIds),
        lt(gateShifts.startsAt, to),
        gt(gateShifts.endsAt, from),
      ),
    )
    .orderBy(asc(gateShifts.startsAt), asc(gateShifts.id));
}

/** One person's shifts (at any gate) that touch [from, to): what a new shift must not overlap. */
export async function shiftsOfAccount(db: DbOrTx, accountId: number, from: Date, to: Date) {
  return db
    .select()
    .from(gateShifts)
    .where(
      and(eq(gateShifts.accountId, accountId), lt(gateShifts.startsAt, to), gt(gateShifts.endsAt, from)),
    );
}

/** Serialises shift writes for one person until the transaction ends (two managers at once). */
export async function lockAccountShifts(tx: DbOrTx, accountId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${SHIFT_LOCK_CLASS}, ${accountId})`);
}
const SHIFT_LOCK_CLASS = 0x5348;

export async function insertShifts(db: DbOrTx, values: Array<typeof gateShifts.$inferInsert>) {
  return db.insert(gateShifts).values(values).returning();
}

export async function findShiftInScope(db: DbOrTx, scope: Scope, id: number): Promise<ShiftRow | undefined> {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(gateShifts)
    .where(and(eq(gateShifts.id, id), inArray(gateShifts.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function deleteShift(db: DbOrTx, id: number) {
  await db.delete(gateShifts).where(eq(gateShifts.id, id));
}

/** The id of the account's shift at a gate that is on now or starts by `grace` (the earliest), if any. */
export async function shiftOnNow(db: DbOrTx, accountId: number, gateId: number, now: Date, grace: Date) {
  const current = await db
    .select({ id: gateShifts.id })
    .from(gateShifts)
    .where(
      and(
        eq(gateShifts.accountId, accountId),
        eq(gateShifts.gateId, gateId),
        lte(gateShifts.startsAt, grace),
        gt(gateShifts.endsAt, now),
      ),
    )
    .orderBy(asc(gateShifts.startsAt))
    .limit(1);
  return current[0]?.id;
}

/**
 * The caller's shift at a gate that is on now, or starts within the grace: the earliest such one.
 * Checking in twice keeps the first time.
 */
export async function checkIn(db: DbOrTx, accountId: number, gateId: number, now: Date, grace: Date) {
  const id = await shiftOnNow(db, accountId, gateId, now, grace);
  if (id === undefined) return undefined;
  await db
    .update(gateShifts)
    .set({ checkedInAt: now })
    .where(and(eq(gateShifts.id, id), isNull(gateShifts.checkedInAt)));
  const rows = await db.select().from(gateShifts).where(eq(gateShifts.id, id));
  return rows[0];
}

export async function insertInspection(db: DbOrTx, values: typeof dutyInspections.$inferInsert) {
  const rows = await db.insert(dutyInspections).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

/** Inspections of a gate (or of every gate in the scope), newest first. */
export async function listInspections(
  db: DbOrTx,
  scope: Scope,
  filter: { gateId?: number; since?: Date; limit: number },
) {
  if (scope.communityIds.length === 0) return [];
  return db
    .select({
      inspection: dutyInspections,
      inspectorName: accounts.displayName,
      photoPublicId: photos.publicId,
    })
    .from(dutyInspections)
    .leftJoin(accounts, eq(accounts.id, dutyInspections.createdBy))
    .leftJoin(photos, eq(photos.id, dutyInspections.photoId))
    .where(
      and(
        inArray(dutyInspections.communityId, scope.communityIds),
        filter.gateId === undefined ? undefined : eq(dutyInspections.gateId, filter.gateId),
        filter.since === undefined ? undefined : gte(dutyInspections.inspectedAt, filter.since),
      ),
    )
    .orderBy(desc(dutyInspections.inspectedAt), desc(dutyInspections.id))
    .limit(filter.limit);
}

export async function findInspectionInScope(db: DbOrTx, scope: Scope, id: number) {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(dutyInspections)
    .where(and(eq(dutyInspections.id, id), inArray(dutyInspections.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function deleteInspection(db: DbOrTx, id: number) {
  await db.delete(dutyInspections).where(eq(dutyInspections.id, id));
}
