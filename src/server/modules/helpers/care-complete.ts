// Completing a care task from a helper's phone (or by staff), through the group-commit writer.
import { can } from '../../../shared/auth/roles';
import {
  type CareOutcome,
  DEFAULT_TASK_MINUTES,
  PHOTO_OUTCOMES,
  REACHED_OUTCOMES,
} from '../../../shared/helpers';
import { beijingDate } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { phoneTime } from '../campaigns/campaign-common';
import { findTask } from './care.repo';
import { myTaskView } from './care.views';
import { createCareCompletionWriter } from './care-completion-writer';
import { bad } from './helpers.service';

export interface CompleteInput {
  clientId: string;
  outcome: CareOutcome;
  photoId?: string | undefined;
  minutes?: number | undefined;
  notes?: string | null | undefined;
  doneAt?: string | undefined;
}

export function createCareCompletion(db: Db) {
  const writer = createCareCompletionWriter(db);

  return {
    /**
     * Completes a task once. The phone's client id makes a replay answer the first completion; a task
     * completed already (another phone, another id) answers as it stands, `duplicate`, never twice.
     * Checks that need only the input are made here, but refused after the task's own checks (in the
     * statement), so a replay of a done task still answers `duplicate` whatever it carries.
     */
    async complete(actor: Actor, id: number, input: CompleteInput) {
      let early: unknown = null;
      let doneAt = new Date();
      try {
        doneAt = phoneTime(input.doneAt, 'doneAt');
      } catch (error) {
        early = error;
      }
      const needsPhoto = PHOTO_OUTCOMES.includes(input.outcome);
      if (early === null && needsPhoto && !input.photoId)
        early = bad('放在门口需要拍照留证 (a photo is required)', 'photoId');
      const answer = await writer.add({
        taskId: id,
        clientId: input.clientId,
        outcome: input.outcome,
        photoPublicId: needsPhoto ? (input.photoId ?? null) : null,
        notes: input.notes?.trim() || null,
        doneAt,
        day: beijingDate(doneAt),
        minutes: input.minutes ?? DEFAULT_TASK_MINUTES,
        reached: REACHED_OUTCOMES.includes(input.outcome),
        refused: early !== null,
        staff: can(actor.role, 'helpers.manage'),
        communityIds: actor.scope.communityIds,
        accountId: actor.accountId,
        accountName: actor.displayName,
        ip: actor.ip,
      });
      const { task, acting } = answer;
      if (!task) throw new AppError('not_found');
      switch (answer.verdict) {
        case 'not_found':
          throw new AppError('not_found');
        case 'client_other':
          throw bad('这条记录的编号已用于另一项任务 (the client id belongs to another task)', 'clientId');
        case 'duplicate':
          return { task: myTaskView(task, acting), duplicate: true };
        case 'not_accepted':
          throw bad('请先接单再完成 (accept the task first)', 'id');
        case 'cancelled':
          throw new AppError('care_task_taken');
        case 'refused':
          throw early;
        case 'photo':
          throw bad('照片不存在或已用于别的记录 (unknown photo)', 'photoId');
      }
      if (!answer.completed) {
        // Completed meanwhile by another instance — or the photo was attached elsewhere in between:
        // the task as it stands says which.
        const now = await findTask(db, actor.scope.communityIds, id);
        if (!now) throw new AppError('not_found');
        if (now.status !== 'done')
          throw bad('照片已用于别的记录，请重新拍照 (photo used elsewhere)', 'photoId');
        return { task: myTaskView(now, acting), duplicate: true };
      }
      const doneRow = { ...task, status: 'done', outcome: input.outcome, done_at: doneAt };
      return { task: myTaskView(doneRow, acting), duplicate: false };
    },
  };
}
