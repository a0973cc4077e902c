import { can } from '../../../shared/auth/roles';
import {
  EXCLUSION_LABELS,
  type ExclusionReason,
  FAILED_CALLBACKS_TO_CLOSE,
  OPEN_STATUSES,
  REOPEN_DAYS,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  type RequestStep,
  type Satisfaction,
} from '../../../shared/requests';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { need, type RequestRecords } from './request-records';
import * as repo from './requests.repo';

export interface StepInput {
  step: RequestStep;
  note?: string | null | undefined;
  reached?: boolean | undefined;
  resolved?: boolean | undefined;
  satisfaction?: Satisfaction | undefined;
  assigneeId?: number | undefined;
}

const STEP_WORDS: Record<RequestStep, string> = {
  sign: '签收',
  contact: '记录联系',
  start: '开始办理',
  resolve: '报告已解决',
  unresolve: '报告未解决',
  callback: '回访',
  close: '办结',
  reopen: '重新办理',
  assign: '指派',
  escalate: '上报街道',
  note: '备注',
};

/** From which statuses each step may be taken. */
const STEP_FROM: Record<RequestStep, readonly RequestStatus[]> = {
  sign: ['received'],
  contact: ['received', 'signed'],
  start: ['received', 'signed', 'contacted'],
  resolve: OPEN_STATUSES,
  unresolve: OPEN_STATUSES,
  callback: ['resolved', 'unresolved'],
  close: ['resolved', 'unresolved'],
  reopen: ['closed'],
  assign: [...OPEN_STATUSES, 'resolved', 'unresolved'],
  escalate: OPEN_STATUSES,
  note: [...OPEN_STATUSES, 'resolved', 'unresolved', 'closed'],
};

function refuseStep(row: repo.RequestRow, step: RequestStep): never {
  throw new AppError('request_step_invalid', {
    status: REQUEST_STATUS_LABELS[row.status as RequestStatus]?.zh ?? row.status,
    step: STEP_WORDS[step],
  });
}

/**
 * Staff's work on a request (接诉即办): sign for it, contact, handle, resolve or explain, call back, close,
 * reopen within 30 days; assign it to the community's staff, escalate it to the sub-district (the clock
 * still runs); and ask a secretary to leave it out of the rates. Each step is one `change`: timed,
 * attributed, audited.
 */
export function createRequestSteps(db: Db, records: RequestRecords) {
  const { loadOwn, detail, change } = records;

  /** The status and fields a step moves the request to (and the event's detail where it has one). */
  async function apply(actor: Actor, row: repo.RequestRow, input: StepInput, now: Date) {
    const { step } = input;
    const note = input.note?.trim() || null;
    switch (step) {
      case 'sign':
        return change(actor, row, step, { status: 'signed', signedAt: now }, note);
      case 'contact':
        return change(
          actor,
          row,
          step,
          { status: 'contacted', contactedAt: now, signedAt: row.signedAt ?? now },
          note,
        );
      case 'start':
        return change(actor, row, step, { status: 'in_progress', signedAt: row.signedAt ?? now }, note);
      case 'resolve':
        return change(actor, row, step, { status: 'resolved', outcome: 'resolved', finishedAt: now }, note);
      case 'unresolve':
        return change(
          actor,
          row,
          step,
          {
            status: 'unresolved',
            outcome: 'unresolved',
            finishedAt: now,
            explanation: need(note, 'note', '请写明未能解决的原因'),
          },
          note,
        );
      case 'callback': {
        if (input.reached === undefined)
          throw new AppError('validation_failed', { detail: '请选择是否联系上诉求人' }, 'reached');
        if (!input.reached)
          return change(actor, row, step, { failedCallbacks: row.failedCallbacks + 1 }, note, {
            reached: false,
            attempt: row.failedCallbacks + 1,
          });
        if (input.resolved === undefined)
          throw new AppError('validation_failed', { detail: '请选择诉求人认为是否解决' }, 'resolved');
        if (!input.satisfaction)
          throw new AppError('validation_failed', { detail: '请选择满意程度' }, 'satisfaction');
        return change(
          actor,
          row,
          step,
          { callbackAt: now, callbackResolved: input.resolved, satisfaction: input.satisfaction },
          note,
          { reached: true, resolved: input.resolved, satisfaction: input.satisfaction },
        );
      }
      case 'close':
        if (row.callbackAt === null && row.failedCallbacks < FAILED_CALLBACKS_TO_CLOSE)
          throw new AppError('request_callback_required');
        return change(actor, row, step, { status: 'closed', closedAt: now }, note);
      case 'reopen': {
        const reason = need(note, 'note', '请写明重新办理的原因');
        if (!row.closedAt || now.getTime() - row.closedAt.getTime() > REOPEN_DAYS * 86_400_000)
          throw new AppError('request_reopen_expired');
        return change(
          actor,
          row,
          step,
          {
            status: 'in_progress',
            closedAt: null,
            outcome: null,
            finishedAt: null,
            explanation: null,
            callbackAt: null,
            callbackResolved: null,
            satisfaction: null,
            failedCallbacks: 0,
            reopenCount: row.reopenCount + 1,
          },
          reason,
        );
      }
      case 'assign': {
        if (input.assigneeId === undefined)
          throw new AppError('validation_failed', { detail: '请选择负责人' }, 'assigneeId');
        // Only the request's own community's secretaries and social workers: never someone elsewhere.
        const person = await repo.findCommunityStaff(db, row.communityId, input.assigneeId);
        if (!person) throw new AppError('not_found', {}, 'assigneeId');
        return change(actor, row, step, { assigneeId: person.id }, note, {
          assigneeId: person.id,
          assigneeName: person.displayName,
        });
      }
      case 'escalate':
        if (row.escalatedAt) refuseStep(row, step);
        return change(
          actor,
          row,
          step,
          { escalatedAt: now, escalationReason: need(note, 'note', '请写明需要街道协调的原因') },
          note,
        );
      default:
        return change(actor, row, 'note', {}, need(note, 'note', '请填写备注'));
    }
  }

  return {
    async step(actor: Actor, id: number, input: StepInput) {
      const row = await loadOwn(actor, id);
      if (!STEP_FROM[input.step].includes(row.status as RequestStatus)) refuseStep(row, input.step);
      return detail(await apply(actor, row, input, new Date()));
    },

    /** Staff ask for a request to be left out of the rates; it stays listed, and counts until approved. */
    async requestExclusion(actor: Actor, id: number, reason: ExclusionReason, note: string) {
      const row = await loadOwn(actor, id);
      if (row.exclusionState === 'pending' || row.exclusionState === 'approved')
        throw new AppError('request_step_invalid', {
          status: row.exclusionState === 'pending' ? '待书记审批' : '已不纳入考核',
          step: '再次申请不纳入考核',
        });
      const text = need(note, 'note', '请写明理由');
      const updated = await change(
        actor,
        row,
        'exclusion_request',
        { exclusionReason: reason, exclusionState: 'pending', exclusionNote: text },
        `${EXCLUSION_LABELS[reason].zh}：${text}`,
        { reason },
      );
      return detail(updated);
    },

    async decideExclusion(actor: Actor, id: number, approve: boolean, note: string | null | undefined) {
      const row = await loadOwn(actor, id);
      if (!can(actor.role, 'requests.approve')) throw new AppError('forbidden');
      if (row.exclusionState !== 'pending')
        throw new AppError('request_step_invalid', { status: '没有待审批的申请', step: '审批' });
      const updated = await change(
        actor,
        row,
        approve ? 'exclusion_approve' : 'exclusion_reject',
        { exclusionState: approve ? 'approved' : 'rejected' },
        note?.trim() || null,
      );
      return detail(updated);
    },
  };
}
