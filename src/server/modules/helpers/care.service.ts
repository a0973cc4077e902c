// People who need care, care tasks (offered to the building's helpers, accepted on a phone, escalated to
// staff after 30 minutes, completed once) and the hours they make.

import { can } from '../../../shared/auth/roles';
import { maskName } from '../../../shared/campaigns';
import {
  ACTIVE_HOURS_PER_MONTH,
  CARE_PHOTO_PURPOSE,
  type CareOutcome,
  type CareTaskKind,
  type CareTaskStatus,
  DEFAULT_TASK_MINUTES,
  defaultContactDays,
  type HourSource,
  type HourStatus,
  PHOTO_OUTCOMES,
  REACHED_OUTCOMES,
} from '../../../shared/helpers';
import type { CareNeed, CareTask, MyCareTask } from '../../../shared/helpers/helpers-responses';
import { beijingDate, beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { phoneTime } from '../campaigns/campaign-common';
import { attachablePhotos } from '../photos/photos.repo';
import * as care from './care.repo';
import { findHelper, helperOfAccount } from './helpers.repo';
import { bad } from './helpers.service';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

function needView(row: care.NeedRow): CareNeed {
  return {
    id: row.id,
    communityId: row.community_id,
    residentId: row.resident_id,
    name: row.name,
    buildingName: row.building_name ?? '',
    compoundName: row.compound_name,
    room: row.room ?? '',
    tags: row.tags,
    contactEveryDays: row.contact_every_days,
    lastContactAt: iso(row.last_contact_at),
    dueAt: new Date(row.due_at).toISOString(),
    overdue: row.overdue,
  };
}

function taskView(row: care.TaskRow): CareTask {
  return {
    id: row.id,
    communityId: row.community_id,
    buildingId: row.building_id,
    buildingName: row.building_name,
    compoundName: row.compound_name,
    room: row.room,
    residentId: row.resident_id,
    residentName: row.resident_name,
    kind: row.kind as CareTaskKind,
    what: row.what,
    status: row.status as CareTaskStatus,
    offeredAt: new Date(row.offered_at).toISOString(),
    helperId: row.helper_id,
    helperName: row.helper_name,
    acceptedAt: iso(row.accepted_at),
    escalatedAt: iso(row.escalated_at),
    outcome: row.outcome as CareOutcome | null,
    photoId: row.photo_public_id,
    notes: row.notes,
    doneAt: iso(row.done_at),
    minutes: row.minutes,
  };
}

/** What a helper's phone shows: the address, a masked name and phone, what to bring — nothing else. */
function myTaskView(row: care.TaskRow, helperId: number | null): MyCareTask {
  return {
    id: row.id,
    communityId: row.community_id,
    kind: row.kind as CareTaskKind,
    what: row.what,
    status: row.status as CareTaskStatus,
    address: row.address,
    personName: maskName(row.resident_name),
    phoneMasked: row.phone_masked,
    offeredAt: new Date(row.offered_at).toISOString(),
    mine: helperId != null && row.helper_id === helperId,
    outcome: row.outcome as CareOutcome | null,
    doneAt: iso(row.done_at),
  };
}

export interface CompleteInput {
  clientId: string;
  outcome: CareOutcome;
  photoId?: string | undefined;
  minutes?: number | undefined;
  notes?: string | null | undefined;
  doneAt?: string | undefined;
}

export function createCareService(db: Db, audit: AuditService) {
  /** Staff act for any helper of their community; a volunteer only as the helper their account is. */
  const staff = (actor: Actor) => can(actor.role, 'helpers.manage');

  async function taskIn(actor: Actor, id: number) {
    const row = await care.findTask(db, actor.scope.communityIds, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** The helper the caller acts as on this task (a volunteer: their own; staff: the one named, or none). */
  async function actingHelper(actor: Actor, task: care.TaskRow, named: number | undefined) {
    if (staff(actor)) {
      if (named === undefined) return (await helperOfAccount(db, actor.accountId))?.id ?? null;
      const helper = await findHelper(db, [task.community_id], named);
      if (!helper) throw new AppError('not_found');
      return helper.id;
    }
    const own = await helperOfAccount(db, actor.accountId);
    // A volunteer who is not a helper of this task's building sees it as missing.
    if (!own || own.community_id !== task.community_id) throw new AppError('not_found');
    if (task.helper_id !== own.id && !(await care.helperCoversBuilding(db, own.id, task.building_id)))
      throw new AppError('not_found');
    return own.id;
  }

  return {
    async needs(actor: Actor, communityId: number, onlyOverdue: boolean) {
      assertCommunity(actor.scope, communityId);
      return (await care.listNeeds(db, communityId, onlyOverdue)).map(needView);
    },

    async saveNeed(
      actor: Actor,
      input: { residentId: number; tags: string[]; contactEveryDays?: number; notes?: string | null },
    ) {
      const resident = await care.residentAtHome(db, actor.scope.communityIds, input.residentId);
      if (!resident) throw new AppError('not_found');
      const tags = [...new Set(input.tags)];
      const id = await db.transaction(async (tx) => {
        const needId = await care.upsertNeed(tx, {
          communityId: resident.community_id,
          residentId: resident.id,
          tags,
          days: input.contactEveryDays ?? defaultContactDays(tags),
          notes: input.notes ?? null,
        });
        await audit.record(
          actor,
          { action: 'update', entity: 'care_need', entityId: needId, communityId: resident.community_id },
          tx,
        );
        return needId;
      });
      const row = (await care.listNeeds(db, resident.community_id, false, id))[0];
      if (!row) throw new AppError('not_found');
      return needView(row);
    },

    async tasks(actor: Actor, communityId: number, status?: CareTaskStatus) {
      assertCommunity(actor.scope, communityId);
      return (await care.listTasks(db, communityId, status)).map(taskView);
    },

    async createTask(actor: Actor, input: { residentId: number; kind: CareTaskKind; what?: string | null }) {
      const resident = await care.residentAtHome(db, actor.scope.communityIds, input.residentId);
      if (!resident) throw new AppError('not_found');
      const id = await db.transaction(async (tx) => {
        const taskId = await care.insertTask(tx, {
          communityId: resident.community_id,
          buildingId: resident.building_id,
          householdId: resident.household_id,
          residentId: resident.id,
          kind: input.kind,
          what: input.what?.trim() || null,
          createdBy: actor.accountId,
        });
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'care_task',
            entityId: taskId,
            communityId: resident.community_id,
            detail: { kind: input.kind },
          },
          tx,
        );
        return taskId;
      });
      return taskView(await taskIn(actor, id));
    },

    /** The caller's phone list: offers at their buildings, what they took, what they did this week. */
    async mine(actor: Actor) {
      const own = await helperOfAccount(db, actor.accountId);
      if (!own) return [];
      return (await care.tasksOfHelper(db, own.id, own.community_id)).map((r) => myTaskView(r, own.id));
    },

    async accept(actor: Actor, id: number, helperId?: number) {
      const task = await taskIn(actor, id);
      const helper = await actingHelper(actor, task, helperId);
      if (helper === null) throw bad('请选择由哪位志愿者接单 (name the helper)', 'helperId');
      if (task.status === 'accepted' && task.helper_id === helper) return myTaskView(task, helper);
      if (!(await care.acceptTask(db, id, helper))) throw new AppError('care_task_taken');
      await audit.record(actor, {
        action: 'update',
        entity: 'care_task',
        entityId: id,
        communityId: task.community_id,
        detail: { accepted: helper },
      });
      return myTaskView(await taskIn(actor, id), helper);
    },

    async decline(actor: Actor, id: number, helperId?: number) {
      const task = await taskIn(actor, id);
      const helper = await actingHelper(actor, task, helperId);
      if (helper === null) throw bad('请选择是哪位志愿者 (name the helper)', 'helperId');
      await care.declineTask(db, id, helper);
      return myTaskView(await taskIn(actor, id), helper);
    },

    /**
     * Completes a task once. The phone's client id makes a replay answer the first completion; a task
     * completed already (another phone, another id) answers as it stands, `duplicate`, never twice.
     */
    async complete(actor: Actor, id: number, input: CompleteInput) {
      const task = await care.findTask(db, actor.scope.communityIds, id, input.clientId);
      if (!task) throw new AppError('not_found');
      if (task.client_task_id !== null && task.client_task_id !== id)
        throw bad('这条记录的编号已用于另一项任务 (the client id belongs to another task)', 'clientId');
      const helper = staff(actor) ? task.helper_id : await actingHelper(actor, task, undefined);
      if (task.status === 'done') return { task: myTaskView(task, helper), duplicate: true };
      if (!staff(actor) && task.helper_id !== helper)
        throw bad('请先接单再完成 (accept the task first)', 'id');
      if (task.status === 'cancelled') throw new AppError('care_task_taken');
      const doneAt = phoneTime(input.doneAt, 'doneAt');
      let photoRowId: number | null = null;
      if (PHOTO_OUTCOMES.includes(input.outcome)) {
        if (!input.photoId) throw bad('放在门口需要拍照留证 (a photo is required)', 'photoId');
        const usable = await attachablePhotos(db, {
          communityId: task.community_id,
          purpose: CARE_PHOTO_PURPOSE,
          accountId: actor.accountId,
          publicIds: [input.photoId],
          target: id,
        });
        photoRowId = usable.get(input.photoId) ?? null;
        if (photoRowId === null) throw bad('照片不存在或已用于别的记录 (unknown photo)', 'photoId');
      }
      const minutes = input.minutes ?? DEFAULT_TASK_MINUTES;
      const completed = await care.completeTask(db, {
        id,
        clientId: input.clientId,
        outcome: input.outcome,
        photoId: photoRowId,
        notes: input.notes?.trim() || null,
        doneAt,
        day: beijingDate(doneAt),
        minutes,
        reached: REACHED_OUTCOMES.includes(input.outcome),
        actor,
      });
      if (!completed) {
        // Completed meanwhile (another phone, the same replay at the same moment) — or the photo was
        // attached elsewhere in between: the task as it stands says which.
        const now = await taskIn(actor, id);
        if (now.status !== 'done')
          throw bad('照片已用于别的记录，请重新拍照 (photo used elsewhere)', 'photoId');
        return { task: myTaskView(now, helper), duplicate: true };
      }
      const doneRow = {
        ...task,
        status: 'done',
        outcome: input.outcome,
        done_at: doneAt,
      };
      return { task: myTaskView(doneRow, helper), duplicate: false };
    },

    escalateOverdue: () => care.escalateOverdue(db),

    async hours(actor: Actor, communityId: number, month?: string) {
      assertCommunity(actor.scope, communityId);
      const m = month ?? beijingToday().slice(0, 7);
      const [y, mm] = m.split('-').map(Number) as [number, number];
      const next = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
      const { summary, pending } = await care.monthHours(db, communityId, `${m}-01`, `${next}-01`);
      return {
        month: m,
        items: summary.map((s) => ({
          helperId: s.helper_id,
          helperName: s.helper_name,
          approvedMinutes: s.approved,
          pendingMinutes: s.pending,
          tasks: s.tasks,
          active: s.approved >= ACTIVE_HOURS_PER_MONTH * 60,
        })),
        pending: pending.map(entryView),
      };
    },

    async addHours(
      actor: Actor,
      input: { helperId: number; workedOn: string; minutes: number; note?: string | null },
    ) {
      const helper = await findHelper(db, actor.scope.communityIds, input.helperId);
      if (!helper) throw new AppError('not_found');
      if (input.workedOn > beijingToday())
        throw bad('日期不能晚于今天 (the day is in the future)', 'workedOn');
      const id = await db.transaction(async (tx) => {
        const entryId = await care.insertHours(tx, {
          communityId: helper.community_id,
          helperId: helper.id,
          source: 'manual',
          taskId: null,
          workedOn: input.workedOn,
          minutes: input.minutes,
          note: input.note?.trim() || null,
          status: 'pending',
          enteredBy: actor.accountId,
        });
        if (entryId === undefined) throw new AppError('not_found');
        await audit.record(
          actor,
          { action: 'create', entity: 'helper_hours', entityId: entryId, communityId: helper.community_id },
          tx,
        );
        return entryId;
      });
      const row = await care.findEntry(db, actor.scope.communityIds, id);
      if (!row) throw new AppError('not_found');
      return entryView(row);
    },

    async decideHours(actor: Actor, id: number, approve: boolean) {
      const entry = await care.findEntry(db, actor.scope.communityIds, id);
      if (!entry) throw new AppError('not_found');
      const status = approve ? 'approved' : 'rejected';
      if (entry.status !== 'pending') {
        if (entry.status === status) return entryView(entry);
        throw new AppError('review_decided');
      }
      await db.transaction(async (tx) => {
        await care.decideEntry(tx, id, status, actor.accountId);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'helper_hours',
            entityId: id,
            communityId: entry.community_id,
            detail: { status },
          },
          tx,
        );
      });
      return entryView({ ...entry, status });
    },
  };
}

function entryView(row: care.HourEntryRow) {
  return {
    id: row.id,
    helperId: row.helper_id,
    helperName: row.helper_name,
    source: row.source as HourSource,
    workedOn: row.worked_on,
    minutes: row.minutes,
    note: row.note,
    status: row.status as HourStatus,
  };
}

export type CareService = ReturnType<typeof createCareService>;
