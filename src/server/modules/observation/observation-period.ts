import {
  DEFAULT_CHECKIN_WINDOWS,
  OBSERVATION_KIND_LABELS,
  type ObservationKind,
  SLOT_PARTS,
} from '../../../shared/observation';
import { addDays, beijingInstant } from '../../../shared/time/beijing';
import type { DbOrTx } from '../../db/database';
import { AppError } from '../../http/app-error';
import { recordStatusChanges } from '../status/status.service';
import * as repo from './observation.repo';

/**
 * The steps shared by staff decisions and readings that change an observation's period: its slots, the
 * person's status (through the status module, the one owner), the end.
 */

export const invalid = (detail: string, field?: string) =>
  new AppError('observation_invalid', { detail }, field);

/** A scope of one community: for what the person's own link (no account) reaches. */
export const openScope = (communityId: number) => ({
  placeId: 0,
  placePath: '/',
  communityIds: [communityId],
  buildingIds: null,
});

export const statusOf = (kind: ObservationKind) =>
  kind === 'home' ? ('home_observation' as const) : ('centralised_observation' as const);

/** The check-in slots of days `from`..`to`, leaving out windows already closed at `now`. */
export function slotsFor(o: { id: number; communityId: number }, from: string, to: string, now: Date) {
  const rows = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    for (const part of SLOT_PARTS) {
      const window = DEFAULT_CHECKIN_WINDOWS[part];
      const opensAt = beijingInstant(day, window.opens);
      const closesAt = beijingInstant(day, window.closes);
      if (closesAt <= now) continue;
      rows.push({ observationId: o.id, communityId: o.communityId, day, part, opensAt, closesAt });
    }
  return rows;
}

/** Ends an observation: the link withdrawn, no slot owed from now, the person released. */
export async function endObservation(
  tx: DbOrTx,
  o: repo.ObservationRow,
  reason: string,
  accountId: number | null,
) {
  const now = new Date();
  await repo.updateObservation(tx, o.id, {
    endedAt: now,
    endReason: reason,
    endedBy: accountId,
    linkToken: null,
  });
  await repo.deleteDueSlotsFrom(tx, o.id, now);
  await recordStatusChanges(tx, [
    {
      communityId: o.communityId,
      residentId: o.residentId,
      status: 'released',
      source: 'observation',
      cause: 'observation_end',
      reason: { zh: `解除观察：${reason}`, en: `Released from observation: ${reason}` },
    },
  ]);
}

/** The person's status carries the new planned end (the gate's "must not go out" list). */
export async function setPlannedEndStatus(
  tx: DbOrTx,
  o: repo.ObservationRow,
  plannedEnd: string,
  why: string,
) {
  await recordStatusChanges(tx, [
    {
      communityId: o.communityId,
      residentId: o.residentId,
      status: statusOf(o.kind as ObservationKind),
      source: 'observation',
      cause: 'observation_change',
      reason: {
        zh: `${OBSERVATION_KIND_LABELS[o.kind as ObservationKind].zh}至 ${plannedEnd}（${why}）`,
        en: `${OBSERVATION_KIND_LABELS[o.kind as ObservationKind].en} until ${plannedEnd} (${why})`,
      },
      observationUntil: plannedEnd,
    },
  ]);
}
