// Volunteers take gate shifts, but their scope is a few buildings: what a gate shows of the whole
// community (a pass found by ID number, the offline lists of pass numbers) is theirs only while they
// stand at that gate, so the gate app is never a directory of the community to browse from home.
import { CHECK_IN_GRACE_MINUTES } from '../../../shared/access';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { shiftOnNow } from './duty.repo';

/** A volunteer, or any account limited to some buildings: sees the community at a gate only on duty. */
export const needsShiftAtGate = (actor: Actor) =>
  actor.role === 'volunteer' || actor.scope.buildingIds !== null;

/**
 * Passes for guards and staff (their scope is the community); for a volunteer, only with a shift at
 * this gate that is on now or starts within the check-in grace (30 minutes), as check-in itself.
 */
export async function assertOnDutyAt(db: DbOrTx, actor: Actor, gateId: number, now = new Date()) {
  if (!needsShiftAtGate(actor)) return;
  const grace = new Date(now.getTime() + CHECK_IN_GRACE_MINUTES * 60_000);
  if ((await shiftOnNow(db, actor.accountId, gateId, now, grace)) === undefined)
    throw new AppError('gate_shift_required', {}, 'gateId');
}

/**
 * A check a volunteer records must fall in one of their shifts at that gate (from the grace before it to
 * its end), judged at the check's own time since checks queued offline arrive later: otherwise the answer
 * ("must not go out") would tell someone at home who is under observation.
 */
export async function assertCheckInShift(db: DbOrTx, actor: Actor, gateId: number, at: Date) {
  if (!needsShiftAtGate(actor)) return;
  const grace = new Date(at.getTime() + CHECK_IN_GRACE_MINUTES * 60_000);
  if ((await shiftOnNow(db, actor.accountId, gateId, at, grace)) === undefined)
    throw new AppError('gate_check_off_shift', {}, 'checkedAt');
}
