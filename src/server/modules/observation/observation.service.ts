import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { maskName } from '../../../shared/access';
import {
  type CheckinChannel,
  DEFAULT_CHECKIN_WINDOWS,
  DEFAULT_OBSERVATION_RULES,
  ELIGIBILITY_CHECKLIST,
  type EligibilityAnswers,
  ESCALATE_AFTER_MINUTES,
  eligibilityFailures,
  isAlarming,
  MISSED_AFTER_MINUTES,
  OBSERVATION_KIND_LABELS,
  OBSERVATION_REASON_LABELS,
  type ObservationKind,
  type ObservationReason,
  SLOT_PARTS,
  type Symptom,
} from '../../../shared/observation';
import type {
  AlertOut,
  Board,
  CheckinAnswer,
  ObservationOut,
  OwnObservation,
  TaskOut,
} from '../../../shared/observation/observation-responses';
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingToday,
  daysBetween,
} from '../../../shared/time/beijing';
import type { Db, DbOrTx } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { recordExport } from '../audit/export-audit';
import { assertCommunity } from '../auth/scope';
import { findResident } from '../people/people.repo';
import { recordStatusChanges } from '../status/status.service';
import * as repo from './observation.repo';
import { writeObservationWorkbook } from './observation-export';

/** Readings are kept this long after the planned end, then purged. */
export const READING_RETENTION_DAYS = 30;
/** A start may name a day 1 this far back (the proven departure from a risk area). */
const MAX_DAY_ONE_BACK = 30;
/** How far a phone's recorded time may be from the server's. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export interface StartInput {
  residentId: number;
  kind: ObservationKind;
  reason: ObservationReason;
  dayOne?: string;
  note?: string | null;
  eligibility?: EligibilityAnswers;
  site?: string | null;
  siteRoom?: string | null;
}

export interface CheckinInput {
  clientId: string;
  temperature: number;
  symptoms: Symptom[];
  recordedAt?: string;
}

const invalid = (detail: string, field?: string) => new AppError('observation_invalid', { detail }, field);

function view(row: repo.ObservationView, today: string): ObservationOut {
  return {
    id: row.id,
    communityId: row.community_id,
    residentId: row.resident_id,
    name: maskName(row.name),
    buildingName: row.building_name,
    compoundName: row.compound_name,
    room: row.room,
    kind: row.kind as ObservationKind,
    reason: row.reason as ObservationReason,
    note: row.note,
    dayOne: row.day_one,
    plannedEnd: row.planned_end,
    periodDays: row.period_days,
    dayOfPeriod: daysBetween(row.day_one, today) + 1,
    site: row.site,
    siteRoom: row.site_room,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
    endReason: row.end_reason,
    version: row.version,
    openAlerts: row.open_alerts,
  };
}

function alertView(a: repo.AlertView): AlertOut {
  return {
    id: a.id,
    communityId: a.community_id,
    observationId: a.observation_id,
    name: maskName(a.name),
    buildingName: a.building_name,
    compoundName: a.compound_name,
    room: a.room,
    temperature: a.temperature === null ? null : Number(a.temperature),
    raisedAt: new Date(a.raised_at).toISOString(),
    escalatedAt: a.escalated_at ? new Date(a.escalated_at).toISOString() : null,
    acknowledgedAt: a.acknowledged_at ? new Date(a.acknowledged_at).toISOString() : null,
  };
}

/** The check-in slots of days `from`..`to`, leaving out windows already closed at `now`. */
function slotsFor(o: { id: number; communityId: number }, from: string, to: string, now: Date) {
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

/** A scope of one community: for what the person's own link (no account) reaches. */
const openScope = (communityId: number) => ({
  placeId: 0,
  placePath: '/',
  communityIds: [communityId],
  buildingIds: null,
});

const statusOf = (kind: ObservationKind) =>
  kind === 'home' ? ('home_observation' as const) : ('centralised_observation' as const);

export function createObservationService(db: Db, vault: Vault, audit: AuditService) {
  // Group commit: readings arriving together share one statement (one commit); each caller's promise
  // resolves only after its row is committed. Two copies of one client id in a batch: the first is written.
  const writer = createWriteBatcher<repo.CheckinWrite, repo.CheckinWritten | undefined>({
    maxBatch: 100,
    maxInFlight: 1,
    async run(items) {
      const seen = new Set<string>();
      const firsts = items.filter((w) => !seen.has(w.clientId) && seen.add(w.clientId));
      const written = new Map((await repo.writeCheckins(db, firsts)).map((w) => [w.clientId, w]));
      const answered = new Set<string>();
      return items.map((w) => {
        if (answered.has(w.clientId)) return undefined;
        answered.add(w.clientId);
        return written.get(w.clientId);
      });
    },
  });

  async function viewOf(actor: Actor, id: number, tx: DbOrTx = db) {
    const row = await repo.findView(tx, actor.scope, id);
    if (!row) throw new AppError('not_found');
    return view(row, beijingToday());
  }

  async function lockedRow(tx: DbOrTx, actor: Actor, id: number) {
    const row = await repo.findRow(tx, actor.scope, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** Records a reading (any channel) inside a transaction; a resend by client id changes nothing. */
  async function record(
    o: repo.ObservationRow,
    channel: CheckinChannel,
    input: CheckinInput,
    by: { accountId: number; displayName: string } | null,
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
    const followUp = o.endedAt !== null;
    const written = await writer.add({
      observationId: o.id,
      communityId: o.communityId,
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
      followUp,
      purgeAfter: addDays(o.plannedEnd, READING_RETENTION_DAYS),
      day: beijingDate(at),
    });
    if (!written) {
      const again = await repo.findCheckinByClientId(db, input.clientId);
      if (!again) throw new AppError('conflict_duplicate');
      return duplicateAnswer(again, o.id);
    }
    const slot =
      written.day && written.part
        ? { day: written.day, part: written.part as 'morning' | 'afternoon' }
        : null;
    // The last day's closing check (afternoon of the planned end) ends a quiet observation.
    if (slot && !alarming && slot.day === o.plannedEnd && slot.part === 'afternoon')
      await db.transaction(async (tx) => {
        const locked = await repo.findRow(tx, openScope(o.communityId), o.id);
        if (locked && !locked.endedAt)
          await endIn(tx, locked, '观察期满，末次检测正常 · period complete', by?.accountId ?? null);
      });
    return { checkinId: written.id, duplicate: false, alarming, slot, followUp };
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

  async function endIn(tx: DbOrTx, o: repo.ObservationRow, reason: string, accountId: number | null) {
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

  async function setUntil(tx: DbOrTx, o: repo.ObservationRow, plannedEnd: string, why: string) {
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

  return {
    async start(actor: Actor, input: StartInput) {
      const resident = await findResident(db, actor.scope, input.residentId);
      if (!resident || resident.movedOutAt) throw new AppError('not_found');
      const today = beijingToday();
      const dayOne = input.dayOne ?? today;
      if (dayOne > today) throw invalid('第 1 天不能晚于今天 · day 1 is after today', 'dayOne');
      if (daysBetween(dayOne, today) > MAX_DAY_ONE_BACK)
        throw invalid(`第 1 天最早为 ${MAX_DAY_ONE_BACK} 天前 · day 1 too far back`, 'dayOne');
      let eligibility = null;
      if (input.kind === 'home' && input.eligibility) {
        const failures = eligibilityFailures(input.eligibility);
        if (failures.length > 0)
          throw new AppError('observation_home_ineligible', {
            detail: failures.map((f) => f.failure.zh).join('、'),
          });
        eligibility = { version: ELIGIBILITY_CHECKLIST.version, answers: input.eligibility, passed: true };
      }
      if (input.kind === 'home' && (input.site || input.siteRoom))
        throw invalid('居家观察不填写隔离点 · a site is for centralised observation', 'site');
      const periodDays =
        input.kind === 'home'
          ? DEFAULT_OBSERVATION_RULES.homeDays
          : DEFAULT_OBSERVATION_RULES.centralisedDays;
      const plannedEnd = addDays(dayOne, periodDays - 1);
      if (plannedEnd < today)
        throw invalid('按第 1 天计算，观察期已满 · the period is already over', 'dayOne');
      const buildingId = resident.householdId
        ? await repo.buildingOfHousehold(db, resident.householdId)
        : null;
      const id = await db.transaction(async (tx) => {
        if (await repo.findOpenByResident(tx, resident.id)) throw new AppError('observation_open_exists');
        const row = await repo.insertObservation(tx, {
          communityId: resident.communityId,
          residentId: resident.id,
          householdId: resident.householdId,
          buildingId,
          kind: input.kind,
          reason: input.reason,
          note: input.note ?? null,
          dayOne,
          plannedEnd,
          periodDays,
          eligibility,
          site: input.site ?? null,
          room: input.siteRoom ?? null,
          linkToken: randomBytes(18).toString('base64url'),
          startedBy: actor.accountId,
        });
        if (!row) throw new AppError('observation_open_exists');
        await repo.insertSlots(tx, slotsFor(row, today, plannedEnd, new Date()));
        const label = OBSERVATION_KIND_LABELS[input.kind];
        const why = OBSERVATION_REASON_LABELS[input.reason];
        await recordStatusChanges(tx, [
          {
            communityId: row.communityId,
            residentId: row.residentId,
            status: statusOf(input.kind),
            source: 'observation',
            cause: 'observation_start',
            reason: {
              zh: `${label.zh}（${why.zh}），至 ${plannedEnd}`,
              en: `${label.en} (${why.en}) until ${plannedEnd}`,
            },
            observationUntil: plannedEnd,
          },
        ]);
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'observation',
            entityId: row.id,
            communityId: row.communityId,
            detail: { kind: input.kind, reason: input.reason, dayOne, plannedEnd },
          },
          tx,
        );
        return row.id;
      });
      return viewOf(actor, id);
    },

    async get(actor: Actor, id: number) {
      const observation = await viewOf(actor, id);
      const [slots, checkins] = await Promise.all([repo.slotsOf(db, id), repo.checkinsOf(db, id)]);
      return {
        observation,
        slots: slots.map((s) => ({
          id: s.id,
          day: s.day,
          part: s.part as 'morning' | 'afternoon',
          opensAt: s.opensAt.toISOString(),
          closesAt: s.closesAt.toISOString(),
          state: s.state as 'due' | 'done' | 'missed',
        })),
        checkins: checkins.map((c) => {
          const reading = JSON.parse(vault.decrypt(c.readingCipher)) as {
            temperature: number;
            symptoms: Symptom[];
          };
          return {
            id: c.id,
            slotId: c.slotId,
            channel: c.channel as CheckinChannel,
            temperature: reading.temperature,
            symptoms: reading.symptoms,
            alarming: c.alarming,
            followUp: c.followUp,
            recordedByName: c.recordedByName,
            recordedAt: c.recordedAt.toISOString(),
          };
        }),
      };
    },

    async list(actor: Actor, q: { communityId: number; filter: repo.ListFilter; buildingId?: number }) {
      assertCommunity(actor.scope, q.communityId);
      const today = beijingToday();
      const rows = await repo.listViews(db, actor.scope, { ...q, today, limit: 2000 });
      return rows.map((r) => view(r, today));
    },

    async extend(actor: Actor, id: number, input: { days: number; reason: string }) {
      await db.transaction(async (tx) => {
        const o = await lockedRow(tx, actor, id);
        if (o.endedAt) throw new AppError('observation_ended');
        const plannedEnd = addDays(o.plannedEnd, input.days);
        await repo.updateObservation(tx, id, { plannedEnd });
        await repo.insertSlots(tx, slotsFor(o, addDays(o.plannedEnd, 1), plannedEnd, new Date()));
        await setUntil(tx, o, plannedEnd, input.reason);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'observation',
            entityId: id,
            communityId: o.communityId,
            reason: input.reason,
            detail: { change: 'extend', from: o.plannedEnd, to: plannedEnd },
          },
          tx,
        );
      });
      return viewOf(actor, id);
    },

    async shorten(actor: Actor, id: number, input: { plannedEnd: string; reason: string }) {
      await db.transaction(async (tx) => {
        const o = await lockedRow(tx, actor, id);
        if (o.endedAt) throw new AppError('observation_ended');
        if (input.plannedEnd >= o.plannedEnd)
          throw invalid('缩短后的结束日期须早于原结束日期 · must be before the planned end', 'plannedEnd');
        if (input.plannedEnd < beijingToday() || input.plannedEnd < o.dayOne)
          throw invalid('结束日期不能早于今天 · cannot end before today', 'plannedEnd');
        await repo.updateObservation(tx, id, { plannedEnd: input.plannedEnd });
        await repo.deleteDueSlotsAfter(tx, id, input.plannedEnd);
        await setUntil(tx, o, input.plannedEnd, input.reason);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'observation',
            entityId: id,
            communityId: o.communityId,
            reason: input.reason,
            detail: { change: 'shorten', from: o.plannedEnd, to: input.plannedEnd },
          },
          tx,
        );
      });
      return viewOf(actor, id);
    },

    async end(actor: Actor, id: number, input: { reason: string }) {
      await db.transaction(async (tx) => {
        const o = await lockedRow(tx, actor, id);
        if (o.endedAt) throw new AppError('observation_ended');
        await endIn(tx, o, input.reason, actor.accountId);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'observation',
            entityId: id,
            communityId: o.communityId,
            reason: input.reason,
            detail: { change: 'end' },
          },
          tx,
        );
      });
      return viewOf(actor, id);
    },

    /** A new personal check-in link (the old one stops working). */
    async newLink(actor: Actor, id: number) {
      const token = randomBytes(18).toString('base64url');
      await db.transaction(async (tx) => {
        const o = await lockedRow(tx, actor, id);
        if (o.endedAt) throw new AppError('observation_ended');
        await repo.updateObservation(tx, id, { linkToken: token });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'observation',
            entityId: id,
            communityId: o.communityId,
            detail: { change: 'link' },
          },
          tx,
        );
      });
      return { path: `/r/o/${token}` };
    },

    /** Staff: a phone call or a doorstep visit (offline outbox: `clientId` makes a resend harmless). */
    async staffCheckin(
      actor: Actor,
      input: CheckinInput & { observationId: number; channel: 'phone' | 'visit' },
    ) {
      const o = await repo.findRow(db, actor.scope, input.observationId);
      if (!o) throw new AppError('not_found');
      return record(o, input.channel, input, actor);
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

    async selfCheckin(token: string, input: CheckinInput) {
      const o = await repo.findByLink(db, token);
      if (!o) throw new AppError('observation_link_unknown');
      return record(o, 'self', { ...input, recordedAt: undefined }, null);
    },

    /** Home eligibility: judged by the checklist's version; a failure makes a "persuade" task. */
    async eligibility(actor: Actor, input: { residentId: number; answers: EligibilityAnswers }) {
      const resident = await findResident(db, actor.scope, input.residentId);
      if (!resident) throw new AppError('not_found');
      const failures = eligibilityFailures(input.answers);
      let taskId: number | null = null;
      if (failures.length > 0) {
        const reason = `不符合居家观察条件：${failures.map((f) => f.failure.zh).join('、')}`;
        const task = await db.transaction(async (tx) => {
          const made = await repo.insertTask(tx, {
            communityId: resident.communityId,
            residentId: resident.id,
            kind: 'persuade_centralised',
            reason,
          });
          await audit.record(
            actor,
            {
              action: 'create',
              entity: 'observation_task',
              entityId: made?.id ?? null,
              communityId: resident.communityId,
              detail: { kind: 'persuade_centralised', version: ELIGIBILITY_CHECKLIST.version },
            },
            tx,
          );
          return made;
        });
        taskId = task?.id ?? null;
      }
      return {
        version: ELIGIBILITY_CHECKLIST.version,
        passed: failures.length === 0,
        failures: failures.map((f) => f.failure),
        taskId,
      };
    },

    async alerts(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      return (await repo.listOpenAlerts(db, actor.scope, communityId)).map(alertView);
    },

    async acknowledge(actor: Actor, id: number) {
      const row = await db.transaction(async (tx) => {
        const acked = await repo.acknowledgeAlert(tx, actor.scope, id, actor.accountId);
        if (!acked) throw new AppError('not_found');
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'observation_alert',
            entityId: id,
            communityId: acked.community_id,
            detail: { change: 'acknowledge' },
          },
          tx,
        );
        return acked;
      });
      return alertView(row);
    },

    async tasks(actor: Actor, communityId: number, open: boolean): Promise<TaskOut[]> {
      assertCommunity(actor.scope, communityId);
      return (await repo.listTasks(db, actor.scope, communityId, open)).map((t) => ({
        id: t.id,
        kind: t.kind as TaskOut['kind'],
        communityId: t.community_id,
        residentId: t.resident_id,
        name: maskName(t.name),
        observationId: t.observation_id,
        reason: t.reason,
        createdAt: new Date(t.created_at).toISOString(),
        doneAt: t.done_at ? new Date(t.done_at).toISOString() : null,
      }));
    },

    async completeTask(actor: Actor, id: number) {
      const done = await repo.completeTask(db, actor.scope, id, actor.accountId);
      if (!done) throw new AppError('not_found');
    },

    async board(actor: Actor, communityId: number): Promise<Board> {
      assertCommunity(actor.scope, communityId);
      const today = beijingToday();
      const [counts, byDay, byBuilding] = await Promise.all([
        repo.boardCounts(db, [communityId], today),
        repo.boardByDay(db, communityId, today),
        repo.boardByBuilding(db, communityId, today),
      ]);
      const c = counts[0];
      return {
        communityId,
        today,
        active: c?.active ?? 0,
        home: c?.home ?? 0,
        centralised: c?.centralised ?? 0,
        openAlerts: c?.open_alerts ?? 0,
        endingToday: c?.ending_today ?? 0,
        endingTomorrow: c?.ending_tomorrow ?? 0,
        slotsDone: c?.slots_done ?? 0,
        slotsDue: c?.slots_due ?? 0,
        slotsMissed: c?.slots_missed ?? 0,
        byDay,
        byBuilding: byBuilding.map((b) => ({
          buildingId: b.building_id,
          buildingName: b.building_name,
          compoundName: b.compound_name,
          active: b.active,
          openAlerts: b.open_alerts,
          slotsMissed: b.slots_missed,
        })),
      };
    },

    /** Sub-district and district officers: the counts of each community in scope. */
    async summary(actor: Actor) {
      const today = beijingToday();
      const ids = actor.scope.communityIds;
      const [counts, names] = await Promise.all([
        repo.boardCounts(db, ids, today),
        repo.communityNames(db, ids),
      ]);
      return counts.map((c) => ({
        communityId: c.community_id,
        communityName: names.get(c.community_id) ?? '',
        active: c.active,
        home: c.home,
        centralised: c.centralised,
        openAlerts: c.open_alerts,
        endingToday: c.ending_today,
        endingTomorrow: c.ending_tomorrow,
        slotsDone: c.slots_done,
        slotsDue: c.slots_due,
        slotsMissed: c.slots_missed,
      }));
    },

    /** Day-by-day workbook: audited first; names masked. */
    async exportWorkbook(actor: Actor, q: { communityId: number; includeEnded: boolean }): Promise<Readable> {
      assertCommunity(actor.scope, q.communityId);
      const rows = await repo.exportRows(db, actor.scope, q.communityId, q.includeEnded);
      const people = new Set(rows.map((r) => r.observation_id)).size;
      await recordExport(audit, actor, {
        kind: 'observation_days',
        entity: 'observation',
        communities: [{ communityId: q.communityId, rows: people }],
        detail: { masked: true, slots: rows.length, includeEnded: q.includeEnded },
      });
      return writeObservationWorkbook(rows, (cipher) => JSON.parse(vault.decrypt(cipher)));
    },

    /**
     * The timed sweep (jobs registry, every minute): slots 30 minutes past their window are missed (two in
     * a row make a door-visit task); alerts open 15 minutes are escalated to the secretary (a task).
     */
    async sweep(now = new Date()) {
      return db.transaction(async (tx) => {
        const missed = await repo.markMissedSlots(tx, now, MISSED_AFTER_MINUTES);
        const pairs = await repo.twoMissedInARow(tx, [...new Set(missed.map((m) => m.observation_id))]);
        for (const p of pairs)
          await repo.insertTask(tx, {
            communityId: p.community_id,
            residentId: p.resident_id,
            observationId: p.observation_id,
            kind: 'door_visit',
            reason: '连续两次未按时报告体温，请上门查看',
            dedupeKey: `door_visit:${p.last_slot}`,
          });
        const escalated = await repo.escalateAlerts(tx, now, ESCALATE_AFTER_MINUTES);
        for (const a of escalated)
          await repo.insertTask(tx, {
            communityId: a.community_id,
            residentId: a.resident_id,
            observationId: a.observation_id,
            kind: 'alert_escalated',
            reason: `异常报告 ${ESCALATE_AFTER_MINUTES} 分钟内无人处理，已上报书记`,
            dedupeKey: `alert_escalated:${a.id}`,
          });
        return { missed: missed.length, doorVisits: pairs.length, escalated: escalated.length };
      });
    },
  };
}

export type ObservationService = ReturnType<typeof createObservationService>;
