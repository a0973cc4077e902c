import { randomBytes } from 'node:crypto';
import type { CheckinChannel } from '../../../shared/observation';
import {
  DEFAULT_OBSERVATION_RULES,
  ELIGIBILITY_CHECKLIST,
  type EligibilityAnswers,
  eligibilityFailures,
  OBSERVATION_KIND_LABELS,
  OBSERVATION_REASON_LABELS,
  type ObservationKind,
  type ObservationReason,
  type Symptom,
} from '../../../shared/observation';
import { addDays, beijingToday, daysBetween } from '../../../shared/time/beijing';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { findResident } from '../people/people.repo';
import { recordStatusChanges } from '../status/status.service';
import * as repo from './observation.repo';
import { insertTask } from './observation-alerts.repo';
import { createAlertsService } from './observation-alerts.service';
import { createBoardService } from './observation-board.service';
import { createNoticesService } from './observation-notices.service';
import { endObservation, invalid, setPlannedEndStatus, slotsFor, statusOf } from './observation-period';
import { createReadingsService } from './observation-readings.service';
import { observationView } from './observation-views';

/** A start may name a day 1 this far back (the proven departure from a risk area). */
const MAX_DAY_ONE_BACK = 30;

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

/**
 * The observation module's service: staff decisions on an observation's life here (start, extend, shorten,
 * end, a new link, home eligibility); readings (link, call, visit), alerts and tasks, and the board and
 * workbook in their own files, joined into one service.
 */
export function createObservationService(db: Db, vault: Vault, audit: AuditService) {
  async function viewOf(actor: Actor, id: number, tx: DbOrTx = db) {
    const row = await repo.findView(tx, actor.scope, id);
    if (!row) throw new AppError('not_found');
    return observationView(row, beijingToday());
  }

  async function lockedRow(tx: DbOrTx, actor: Actor, id: number) {
    const row = await repo.findRow(tx, actor.scope, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  const lifecycle = {
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
      return rows.map((r) => observationView(r, today));
    },

    async extend(actor: Actor, id: number, input: { days: number; reason: string }) {
      await db.transaction(async (tx) => {
        const o = await lockedRow(tx, actor, id);
        if (o.endedAt) throw new AppError('observation_ended');
        const plannedEnd = addDays(o.plannedEnd, input.days);
        await repo.updateObservation(tx, id, { plannedEnd });
        await repo.insertSlots(tx, slotsFor(o, addDays(o.plannedEnd, 1), plannedEnd, new Date()));
        await setPlannedEndStatus(tx, o, plannedEnd, input.reason);
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
        await setPlannedEndStatus(tx, o, input.plannedEnd, input.reason);
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
        await endObservation(tx, o, input.reason, actor.accountId);
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

    /** Home eligibility: judged by the checklist's version; a failure makes a "persuade" task. */
    async eligibility(actor: Actor, input: { residentId: number; answers: EligibilityAnswers }) {
      const resident = await findResident(db, actor.scope, input.residentId);
      if (!resident) throw new AppError('not_found');
      const failures = eligibilityFailures(input.answers);
      let taskId: number | null = null;
      if (failures.length > 0) {
        const reason = `不符合居家观察条件：${failures.map((f) => f.failure.zh).join('、')}`;
        const task = await db.transaction(async (tx) => {
          const made = await insertTask(tx, {
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
  };

  return {
    ...lifecycle,
    ...createReadingsService(db, vault),
    ...createAlertsService(db, audit),
    ...createBoardService(db, vault, audit),
    ...createNoticesService(db, audit),
  };
}

export type ObservationService = ReturnType<typeof createObservationService>;
