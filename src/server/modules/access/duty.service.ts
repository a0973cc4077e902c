import {
  CHECK_IN_GRACE_MINUTES,
  checkInState,
  MAX_SHIFT_HOURS,
  overlaps,
  uncoveredSpans,
} from '../../../shared/access';
import { INSPECTION_PHOTO_PURPOSE } from '../../../shared/photos';
import {
  addDays,
  beijingDayEnd,
  beijingDayStart,
  daysBetween,
  formatBeijingDateTime,
} from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { attachablePhotos, attachPhotos } from '../photos/photos.repo';
import * as repo from './duty.repo';
import { findGateInScope } from './passes.repo';

/** The longest range of days the week grid (or any list) may ask for. */
export const MAX_DUTY_DAYS = 31;
/** The most shifts one bulk create may make (a month of two shifts a day). */
export const MAX_BULK_SHIFTS = 62;
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export interface ShiftInput {
  gateId: number;
  accountId: number;
  note: string | null;
  shifts: Array<{ startsAt: string; endsAt: string }>;
}

export interface InspectionInput {
  gateId: number;
  inspectedAt?: string;
  staffed: boolean;
  thermometerOk: boolean;
  logComplete: boolean;
  visitorsRegistered: boolean;
  notes: string | null;
  /** The public id of an inspection photo this account uploaded (the photo store). */
  photoId: string | null;
}

const at = (d: Date) => formatBeijingDateTime(d);

export function createDutyService(db: Db, audit: AuditService) {
  async function gateOf(actor: Actor, gateId: number) {
    const gate = await findGateInScope(db, actor.scope, gateId);
    if (!gate) throw new AppError('not_found');
    return gate;
  }

  return {
    /** Who may be put on a shift at this gate: the guards, volunteers and staff of its community. */
    async accounts(actor: Actor, gateId: number) {
      const gate = await gateOf(actor, gateId);
      return repo.dutyAccounts(db, gate.communityId);
    },

    /** A gate's shifts over days `from`..`to` (Beijing), each with its check-in state, and the gaps. */
    async list(actor: Actor, query: { gateId: number; from: string; to: string }, now = new Date()) {
      const span = daysBetween(query.from, query.to);
      if (span < 0)
        throw new AppError('shift_invalid', { detail: '结束日期早于开始日期 · to is before from' }, 'to');
      if (span >= MAX_DUTY_DAYS)
        throw new AppError(
          'shift_invalid',
          { detail: `最多查询 ${MAX_DUTY_DAYS} 天 · at most ${MAX_DUTY_DAYS} days` },
          'to',
        );
      const gate = await gateOf(actor, query.gateId);
      const days = Array.from({ length: span + 1 }, (_, i) => addDays(query.from, i));
      const rows = await repo.listShifts(
        db,
        actor.scope,
        gate.id,
        beijingDayStart(query.from),
        beijingDayEnd(query.to),
      );
      const items = rows.map(({ shift, accountName }) => ({
        id: shift.id,
        gateId: shift.gateId,
        accountId: shift.accountId,
        accountName: accountName ?? '',
        startsAt: shift.startsAt.toISOString(),
        endsAt: shift.endsAt.toISOString(),
        note: shift.note,
        checkedInAt: shift.checkedInAt?.toISOString() ?? null,
        state: checkInState(shift, now),
      }));
      return {
        gate: { id: gate.id, name: gate.name, openingHours: gate.openingHours },
        days,
        items,
        uncovered: uncoveredSpans(days, gate.openingHours, items),
      };
    },

    /** Several shifts of one person at one gate (the same hours every day of a week, say), all or none. */
    async create(actor: Actor, input: ShiftInput) {
      const gate = await gateOf(actor, input.gateId);
      const shifts = input.shifts
        .map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      for (const s of shifts) {
        if (s.endsAt <= s.startsAt)
          throw new AppError(
            'shift_invalid',
            { detail: '结束时间须晚于开始时间 · the end must be after the start' },
            'endsAt',
          );
        if (s.endsAt.getTime() - s.startsAt.getTime() > MAX_SHIFT_HOURS * 3_600_000)
          throw new AppError(
            'shift_invalid',
            { detail: `一个班次最长 ${MAX_SHIFT_HOURS} 小时 · at most ${MAX_SHIFT_HOURS} hours a shift` },
            'endsAt',
          );
      }
      const people = await repo.dutyAccounts(db, gate.communityId);
      const person = people.find((p) => p.id === input.accountId);
      if (!person)
        throw new AppError(
          'shift_invalid',
          {
            detail:
              '只能排本社区的门岗、志愿者或工作人员 · only this community’s guards, volunteers or staff',
          },
          'accountId',
        );
      for (let i = 1; i < shifts.length; i++) {
        const [prev, cur] = [shifts[i - 1], shifts[i]] as [(typeof shifts)[0], (typeof shifts)[0]];
        if (overlaps(prev, cur))
          throw new AppError('shift_overlap', { name: person.displayName, at: at(cur.startsAt) }, 'shifts');
      }
      const first = shifts[0] as (typeof shifts)[0];
      const last = Math.max(...shifts.map((s) => s.endsAt.getTime()));
      return db.transaction(async (tx) => {
        // Checked under a per-person lock, so two managers adding at once cannot both pass.
        await repo.lockAccountShifts(tx, person.id);
        const existing = await repo.shiftsOfAccount(tx, person.id, first.startsAt, new Date(last));
        for (const s of shifts) {
          const clash = existing.find((e) => overlaps(e, s));
          if (clash)
            throw new AppError(
              'shift_overlap',
              { name: person.displayName, at: at(clash.startsAt) },
              'shifts',
            );
        }
        const rows = await repo.insertShifts(
          tx,
          shifts.map((s) => ({
            communityId: gate.communityId,
            gateId: gate.id,
            accountId: person.id,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            note: input.note,
            createdBy: actor.accountId,
          })),
        );
        await audit.recordMany(
          rows.map((r) => ({
            actor,
            event: {
              action: 'create' as const,
              entity: 'gate_shift',
              entityId: r.id,
              communityId: gate.communityId,
              detail: {
                gateId: gate.id,
                accountId: person.id,
                startsAt: r.startsAt.toISOString(),
                endsAt: r.endsAt.toISOString(),
              },
            },
          })),
          tx,
        );
        return rows.map((r) => r.id);
      });
    },

    async remove(actor: Actor, id: number) {
      const shift = await repo.findShiftInScope(db, actor.scope, id);
      if (!shift) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await repo.deleteShift(tx, id);
        await audit.record(
          actor,
          {
            action: 'delete',
            entity: 'gate_shift',
            entityId: id,
            communityId: shift.communityId,
            detail: {
              gateId: shift.gateId,
              accountId: shift.accountId,
              startsAt: shift.startsAt.toISOString(),
              endsAt: shift.endsAt.toISOString(),
            },
          },
          tx,
        );
      });
    },

    /** 到岗签到: stamps the caller's current shift at this gate (from 30 minutes before its start). */
    async checkIn(actor: Actor, gateId: number, now = new Date()) {
      const gate = await gateOf(actor, gateId);
      const grace = new Date(now.getTime() + CHECK_IN_GRACE_MINUTES * 60_000);
      const shift = await repo.checkIn(db, actor.accountId, gate.id, now, grace);
      if (!shift) throw new AppError('no_shift_now', {}, 'gateId');
      return {
        id: shift.id,
        gateId: shift.gateId,
        startsAt: shift.startsAt.toISOString(),
        endsAt: shift.endsAt.toISOString(),
        checkedInAt: shift.checkedInAt?.toISOString() ?? null,
        state: checkInState(shift, now),
      };
    },

    /** A duty inspection: the four checks, notes and an optional photo from the photo store. */
    async inspect(actor: Actor, input: InspectionInput, now = new Date()) {
      const gate = await gateOf(actor, input.gateId);
      const inspectedAt = input.inspectedAt ? new Date(input.inspectedAt) : now;
      if (inspectedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
        throw new AppError(
          'inspection_invalid',
          { detail: '巡查时间不能在将来 · the time is in the future' },
          'inspectedAt',
        );
      // The secretary's own upload for an inspection of this community, not attached to anything yet.
      const photo = { purpose: INSPECTION_PHOTO_PURPOSE, accountId: actor.accountId } as const;
      const known = await attachablePhotos(db, {
        ...photo,
        communityId: gate.communityId,
        publicIds: input.photoId === null ? [] : [input.photoId],
      });
      const photoId = input.photoId === null ? null : (known.get(input.photoId) ?? null);
      if (input.photoId !== null && photoId === null) throw noSuchPhoto();
      return db.transaction(async (tx) => {
        const row = await repo.insertInspection(tx, {
          communityId: gate.communityId,
          gateId: gate.id,
          inspectedAt,
          staffed: input.staffed,
          thermometerOk: input.thermometerOk,
          logComplete: input.logComplete,
          visitorsRegistered: input.visitorsRegistered,
          notes: input.notes,
          photoId,
          createdBy: actor.accountId,
        });
        if (photoId !== null && !(await attachPhotos(tx, { ...photo, ids: [photoId], target: row.id })))
          throw noSuchPhoto();
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'duty_inspection',
            entityId: row.id,
            communityId: gate.communityId,
            detail: { gateId: gate.id },
          },
          tx,
        );
        return inspectionView(row, actor.displayName, input.photoId);
      });
    },

    async inspections(actor: Actor, query: { gateId?: number; limit: number }) {
      if (query.gateId !== undefined) await gateOf(actor, query.gateId);
      const rows = await repo.listInspections(db, actor.scope, query);
      return rows.map(({ inspection, inspectorName, photoPublicId }) =>
        inspectionView(inspection, inspectorName ?? '', photoPublicId),
      );
    },

    async removeInspection(actor: Actor, id: number) {
      const row = await repo.findInspectionInScope(db, actor.scope, id);
      if (!row) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await repo.deleteInspection(tx, id);
        await audit.record(
          actor,
          {
            action: 'delete',
            entity: 'duty_inspection',
            entityId: id,
            communityId: row.communityId,
            detail: { gateId: row.gateId, inspectedAt: row.inspectedAt.toISOString() },
          },
          tx,
        );
      });
    },
  };
}

const noSuchPhoto = () =>
  new AppError('inspection_invalid', { detail: '照片不存在或已用过 · no such inspection photo' }, 'photoId');

function inspectionView(row: repo.InspectionRow, inspectorName: string, photoId: string | null) {
  return {
    id: row.id,
    gateId: row.gateId,
    inspectedAt: row.inspectedAt.toISOString(),
    staffed: row.staffed,
    thermometerOk: row.thermometerOk,
    logComplete: row.logComplete,
    visitorsRegistered: row.visitorsRegistered,
    notes: row.notes,
    photoId,
    inspectorName,
  };
}

export type DutyService = ReturnType<typeof createDutyService>;
