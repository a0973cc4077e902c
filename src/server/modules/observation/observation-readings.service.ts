import { maskName } from '../../../shared/access';
import {
  type CheckinChannel,
  isAlarming,
  type ObservationKind,
  type Symptom,
} from '../../../shared/observation';
import type { CheckinAnswer, OwnObservation } from '../../../shared/observation/observation-responses';
import { beijingDate, beijingToday, daysBetween } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import { findResident } from '../people/people.repo';
import * as repo from './observation.repo';
import { createLinkCache, type LinkTarget } from './observation-link-cache';
import { endObservation, invalid, openScope } from './observation-period';
import * as readings from './observation-readings.repo';

/** Readings are kept this long after the planned end, then purged. */
export const READING_RETENTION_DAYS = 30;
/** How far a phone's recorded time may be from the server's. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export interface CheckinInput {
  clientId: string;
  temperature: number;
  symptoms: Symptom[];
  recordedAt?: string;
}

/**
 * Readings, from the three ways in (the person's own link, a staff call, a doorstep visit), into one
 * record; and what the person's own link shows.
 */
export function createReadingsService(db: Db, vault: Vault) {
  const links = createLinkCache(db);
  // Group commit: readings arriving together share one statement (one commit); each caller's promise
  // resolves only after its row is committed. Two copies of one client id in a batch: the first is written.
  const writer = createWriteBatcher<readings.CheckinWrite, readings.CheckinWritten>({
    maxBatch: 100,
    maxInFlight: 1,
    async run(items) {
      const seen = new Set<string>();
      const firsts = items.filter((w) => !seen.has(w.clientId) && seen.add(w.clientId));
      const written = new Map(
        (await readings.writeCheckins(db, firsts, READING_RETENTION_DAYS)).map((w) => [w.clientId, w]),
      );
      const answered = new Set<string>();
      return items.map((w): readings.CheckinWritten => {
        const answer = written.get(w.clientId);
        if (answered.has(w.clientId) || !answer) return { clientId: w.clientId, outcome: 'duplicate' };
        answered.add(w.clientId);
        return answer;
      });
    },
  });

  /**
   * Records a reading (any channel); a resend by client id changes nothing. `token`: the personal link it
   * came through, which the write checks is still the observation's (null for staff).
   */
  async function record(
    target: LinkTarget,
    channel: CheckinChannel,
    input: CheckinInput,
    by: { accountId: number; displayName: string } | null,
    token: string | null,
  ): Promise<CheckinAnswer> {
    const now = new Date();
    let at = now;
    if (input.recordedAt) {
      at = new Date(input.recordedAt);
      if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
        throw invalid('记录时间晚于当前时间 · recorded in the future', 'recordedAt');
      if (at.getTime() < now.getTime() - 7 * 86_400_000)
        throw invalid('记录时间早于 7 天前 · older than 7 days', 'recordedAt');
    }
    const alarming = isAlarming(input.temperature, input.symptoms);
    const written = await writer.add({
      observationId: target.observationId,
      communityId: target.communityId,
      token,
      clientId: input.clientId,
      channel,
      readingCipher: vault.encrypt(
        JSON.stringify({ temperature: input.temperature, symptoms: input.symptoms }),
      ),
      alarming,
      temperature: input.temperature,
      recordedBy: by?.accountId ?? null,
      recordedByName: by?.displayName ?? null,
      recordedAt: at,
      day: beijingDate(at),
    });
    if (written.outcome === 'refused') {
      if (token === null) throw new AppError('not_found');
      links.forget(token);
      throw new AppError('observation_link_unknown');
    }
    if (written.outcome === 'duplicate') {
      const again = await readings.findCheckinByClientId(db, input.clientId);
      if (!again) throw new AppError('conflict_duplicate');
      return duplicateAnswer(again, target.observationId);
    }
    const slot =
      written.day && written.part
        ? { day: written.day, part: written.part as 'morning' | 'afternoon' }
        : null;
    // The last day's closing check (afternoon of the planned end) ends a quiet observation — unless staff
    // ended it or moved the end in the meantime: a reading never undoes what staff decided.
    if (slot && !alarming && slot.day === written.plannedEnd && slot.part === 'afternoon')
      await db.transaction(async (tx) => {
        const locked = await repo.findRow(tx, openScope(target.communityId), target.observationId);
        if (locked && !locked.endedAt && locked.plannedEnd === slot.day)
          await endObservation(tx, locked, '观察期满，末次检测正常 · period complete', by?.accountId ?? null);
      });
    return { checkinId: written.id, duplicate: false, alarming, slot, followUp: written.followUp };
  }

  function duplicateAnswer(existing: repo.CheckinRow, observationId: number): CheckinAnswer {
    if (existing.observationId !== observationId) throw new AppError('conflict_duplicate', {}, 'clientId');
    return {
      checkinId: existing.id,
      duplicate: true,
      alarming: existing.alarming,
      slot: null,
      followUp: existing.followUp,
    };
  }

  return {
    /** Staff: a phone call or a doorstep visit (offline outbox: `clientId` makes a resend harmless). */
    async staffCheckin(
      actor: Actor,
      input: CheckinInput & { observationId: number; channel: 'phone' | 'visit' },
    ) {
      const o = await repo.findRow(db, actor.scope, input.observationId);
      if (!o) throw new AppError('not_found');
      return record({ observationId: o.id, communityId: o.communityId }, input.channel, input, actor, null);
    },

    /** The person's own link: what it shows. */
    async byLink(token: string): Promise<OwnObservation> {
      const o = await repo.findByLink(db, token);
      if (!o) throw new AppError('observation_link_unknown');
      const resident = await findResident(db, openScope(o.communityId), o.residentId);
      const today = beijingToday();
      const slots = (await repo.slotsOf(db, o.id)).filter((s) => s.day === today);
      return {
        name: maskName(resident?.name ?? ''),
        kind: o.kind as ObservationKind,
        dayOne: o.dayOne,
        plannedEnd: o.plannedEnd,
        dayOfPeriod: daysBetween(o.dayOne, today) + 1,
        ended: o.endedAt !== null,
        today: slots.map((s) => ({
          part: s.part as 'morning' | 'afternoon',
          opensAt: s.opensAt.toISOString(),
          closesAt: s.closesAt.toISOString(),
          state: s.state as 'due' | 'done' | 'missed',
        })),
      };
    },

    /** The timed purge (jobs registry): readings past their purge date are deleted. Answers how many. */
    async purgeReadings(today = beijingToday()) {
      return readings.purgeDueReadings(db, today, READING_RETENTION_DAYS);
    },

    /** The person's own link: the link → observation from memory, checked again by the write itself. */
    async selfCheckin(token: string, input: CheckinInput) {
      const target = await links.get(token);
      if (!target) throw new AppError('observation_link_unknown');
      return record(target, 'self', { ...input, recordedAt: undefined }, null, token);
    },
  };
}
