import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { can } from '../../../shared/auth/roles';
import { checkPhoneField } from '../../../shared/people/resident-input';
import {
  EXCLUSION_LABELS,
  type ExclusionReason,
  FAILED_CALLBACKS_TO_CLOSE,
  type LimitUnit,
  OPEN_STATUSES,
  REOPEN_DAYS,
  REQUEST_EVENT_LABELS,
  REQUEST_STATUS_LABELS,
  type RequestChannel,
  type RequestList,
  type RequestStatus,
  type RequestStep,
  type Satisfaction,
} from '../../../shared/requests';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { postgresCode } from '../../http/error-handler';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity, isRootScope } from '../auth/scope';
import * as posters from '../declarations/posters.repo';
import { sealPhone } from '../people/people.service';
import { findPlace } from '../places/places.repo';
import { deadlineFrom } from './deadlines';
import * as repo from './requests.repo';
import { requestView, timelineView } from './requests.views';

export interface NewRequest {
  communityId: number;
  placeId?: number | null | undefined;
  householdId?: number | null | undefined;
  residentId?: number | null | undefined;
  requesterName: string;
  phone?: string | null | undefined;
  categoryId: number;
  text: string;
  channel: Exclude<RequestChannel, 'public'>;
  orderNumber?: string | null | undefined;
  contactPreference?: string | null | undefined;
  receivedAt?: string | undefined;
}

export interface StepInput {
  step: RequestStep;
  note?: string | null | undefined;
  reached?: boolean | undefined;
  resolved?: boolean | undefined;
  satisfaction?: Satisfaction | undefined;
  assigneeId?: number | undefined;
}

export interface CategoryInput {
  name?: string | undefined;
  contactLimit?: number | undefined;
  contactUnit?: LimitUnit | undefined;
  resolveLimit?: number | undefined;
  resolveUnit?: LimitUnit | undefined;
  retired?: boolean | undefined;
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

const hashLink = (token: string) => createHash('sha256').update(token).digest('hex');
const need = (value: string | null | undefined, field: string, what: string) => {
  const text = value?.trim();
  if (!text) throw new AppError('validation_failed', { detail: what }, field);
  return text;
};

/**
 * Residents' requests (接诉即办): intake by staff and by residents, the life of a request with every step
 * timed and attributed (request_events), working lists, and the rates as the district computes them.
 */
export function createRequestsService(db: Db, vault: Vault, audit: AuditService) {
  async function loadOwn(actor: Actor, id: number) {
    const row = await repo.findInScope(db, actor.scope, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  async function posterPlace(token: string) {
    const poster = await posters.findByToken(db, token);
    if (!poster) throw new AppError('poster_unknown');
    if (poster.revokedAt) throw new AppError('poster_revoked');
    const place = await findPlace(db, poster.placeId);
    const community = place?.communityId ? await findPlace(db, place.communityId) : place;
    if (!place || !community || community.kind !== 'community') throw new AppError('poster_unknown');
    return { place, community };
  }

  async function detail(row: repo.RequestRow) {
    const [names, events] = await Promise.all([repo.namesFor(db, row), repo.listEvents(db, row.id)]);
    return { ...requestView(row, names), timeline: events.map(timelineView) };
  }

  /** The place named must be the community or a place in it; a household must be the community's. */
  async function checkPlace(communityId: number, placeId: number | null, householdId: number | null) {
    if (placeId !== null) {
      const place = await findPlace(db, placeId);
      if (!place || (place.id !== communityId && place.communityId !== communityId))
        throw new AppError('not_found', {}, 'placeId');
    }
    if (householdId !== null) {
      const { rows } = await db.execute(
        sql`select 1 from households where id = ${householdId} and community_id = ${communityId}`,
      );
      if (rows.length === 0) throw new AppError('not_found', {}, 'householdId');
    }
  }

  async function checkResident(communityId: number, residentId: number | null) {
    if (residentId === null) return;
    const { rows } = await db.execute(
      sql`select 1 from residents where id = ${residentId} and community_id = ${communityId}`,
    );
    if (rows.length === 0) throw new AppError('not_found', {}, 'residentId');
  }

  async function liveCategory(id: number) {
    const category = await repo.findCategory(db, id);
    if (!category || category.retired)
      throw new AppError('validation_failed', { detail: '请选择诉求类别' }, 'categoryId');
    return category;
  }

  function phoneOf(raw: string | null | undefined) {
    const checked = checkPhoneField(raw);
    if (!checked.ok) throw new AppError('invalid_phone', {}, 'phone');
    return checked.value;
  }

  async function insertWithEvent(
    values: Parameters<typeof repo.insertRequest>[1],
    actor: Actor | null,
    note: string,
  ) {
    return db.transaction(async (tx) => {
      const row = await repo.insertRequest(tx, values);
      await repo.insertEvent(tx, {
        requestId: row.id,
        communityId: row.communityId,
        kind: 'receive',
        at: row.receivedAt,
        accountId: actor?.accountId ?? null,
        accountName: actor?.displayName ?? null,
        note,
      });
      await audit.record(
        actor,
        { action: 'create', entity: 'request', entityId: row.id, communityId: row.communityId },
        tx,
      );
      return row;
    });
  }

  function deadlines(category: repo.CategoryRow, at: Date) {
    return {
      contactDeadline: deadlineFrom(at, category.contactLimit, category.contactUnit as LimitUnit),
      resolveDeadline: deadlineFrom(at, category.resolveLimit, category.resolveUnit as LimitUnit),
    };
  }

  async function record(
    tx: DbOrTx,
    actor: Actor | null,
    row: repo.RequestRow,
    kind: string,
    note: string | null,
    detailOf: Record<string, unknown> = {},
  ) {
    await repo.insertEvent(tx, {
      requestId: row.id,
      communityId: row.communityId,
      kind,
      accountId: actor?.accountId ?? null,
      accountName: actor?.displayName ?? '居民本人',
      note,
      detail: detailOf,
    });
  }

  async function change(
    actor: Actor | null,
    row: repo.RequestRow,
    kind: string,
    values: Parameters<typeof repo.updateRequest>[2],
    note: string | null,
    detailOf: Record<string, unknown> = {},
  ) {
    return db.transaction(async (tx) => {
      const updated = await repo.updateRequest(tx, row, values);
      if (!updated) throw new AppError('conflict_version');
      await record(tx, actor, row, kind, note, detailOf);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'request',
          entityId: row.id,
          communityId: row.communityId,
          detail: { step: kind },
        },
        tx,
      );
      return updated;
    });
  }

  function refuseStep(row: repo.RequestRow, step: RequestStep): never {
    throw new AppError('request_step_invalid', {
      status: REQUEST_STATUS_LABELS[row.status as RequestStatus]?.zh ?? row.status,
      step: STEP_WORDS[step],
    });
  }

  return {
    async categories() {
      return (await repo.listCategories(db, true)).map(categoryView);
    },

    /** Time limits are the same for every community: only an officer at the top of the tree edits them. */
    async updateCategory(actor: Actor, id: number, input: CategoryInput) {
      if (!isRootScope(actor.scope)) throw new AppError('forbidden');
      const found = await repo.findCategory(db, id);
      if (!found) throw new AppError('not_found');
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateCategory(tx, id, {
          ...input,
          updatedBy: actor.accountId,
          updatedAt: new Date(),
        });
        await audit.record(
          actor,
          { action: 'update', entity: 'request_category', entityId: id, detail: { ...input } },
          tx,
        );
        return row;
      });
      if (!updated) throw new AppError('not_found');
      return categoryView(updated);
    },

    async create(actor: Actor, input: NewRequest) {
      assertCommunity(actor.scope, input.communityId);
      const placeId = input.placeId ?? null;
      const householdId = input.householdId ?? null;
      const residentId = input.residentId ?? null;
      await checkPlace(input.communityId, placeId, householdId);
      await checkResident(input.communityId, residentId);
      const category = await liveCategory(input.categoryId);
      const phone = phoneOf(input.phone);
      const orderNumber = input.orderNumber?.trim() || null;
      if (input.channel === 'hotline_12345' && !orderNumber)
        throw new AppError('validation_failed', { detail: '12345工单须填写工单号' }, 'orderNumber');
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
      if (receivedAt.getTime() > Date.now() + 5 * 60_000)
        throw new AppError('validation_failed', { detail: '受理时间不能晚于现在' }, 'receivedAt');
      try {
        const row = await insertWithEvent(
          {
            communityId: input.communityId,
            placeId,
            householdId,
            residentId,
            requesterName: need(input.requesterName, 'requesterName', '请填写诉求人姓名'),
            ...sealPhone(vault, phone),
            categoryId: category.id,
            text: need(input.text, 'text', '请填写诉求内容'),
            channel: input.channel,
            orderNumber,
            contactPreference: input.contactPreference?.trim() || null,
            receivedAt,
            ...deadlines(category, receivedAt),
            createdBy: actor.accountId,
          },
          actor,
          '',
        );
        return detail(row);
      } catch (error) {
        if (postgresCode(error) === '23505' && orderNumber)
          throw new AppError('order_number_taken', { orderNumber }, 'orderNumber');
        throw error;
      }
    },

    async list(
      actor: Actor,
      filter: {
        list: RequestList;
        communityId?: number | undefined;
        status?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const { rows, total } = await repo.listRequests(db, actor.scope, {
        list: filter.list,
        communityId: filter.communityId,
        status: filter.status,
        accountId: actor.accountId,
        now: new Date(),
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return {
        total,
        items: rows.map((r) =>
          requestView(r.request, {
            categoryName: r.categoryName ?? '',
            communityName: r.communityName ?? '',
            placeName: null,
            assigneeName: r.assigneeName,
          }),
        ),
      };
    },

    async get(actor: Actor, id: number) {
      return detail(await loadOwn(actor, id));
    },

    async staff(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      return repo.listCommunityStaff(db, [communityId]);
    },

    async step(actor: Actor, id: number, input: StepInput) {
      const row = await loadOwn(actor, id);
      const { step } = input;
      if (!STEP_FROM[step].includes(row.status as RequestStatus)) refuseStep(row, step);
      const now = new Date();
      const note = input.note?.trim() || null;
      let updated: repo.RequestRow;
      switch (step) {
        case 'sign':
          updated = await change(actor, row, step, { status: 'signed', signedAt: now }, note);
          break;
        case 'contact':
          updated = await change(
            actor,
            row,
            step,
            { status: 'contacted', contactedAt: now, signedAt: row.signedAt ?? now },
            note,
          );
          break;
        case 'start':
          updated = await change(
            actor,
            row,
            step,
            { status: 'in_progress', signedAt: row.signedAt ?? now },
            note,
          );
          break;
        case 'resolve':
          updated = await change(
            actor,
            row,
            step,
            { status: 'resolved', outcome: 'resolved', finishedAt: now },
            note,
          );
          break;
        case 'unresolve':
          updated = await change(
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
          break;
        case 'callback': {
          if (input.reached === undefined)
            throw new AppError('validation_failed', { detail: '请选择是否联系上诉求人' }, 'reached');
          if (!input.reached) {
            updated = await change(actor, row, step, { failedCallbacks: row.failedCallbacks + 1 }, note, {
              reached: false,
              attempt: row.failedCallbacks + 1,
            });
            break;
          }
          if (input.resolved === undefined)
            throw new AppError('validation_failed', { detail: '请选择诉求人认为是否解决' }, 'resolved');
          if (!input.satisfaction)
            throw new AppError('validation_failed', { detail: '请选择满意程度' }, 'satisfaction');
          updated = await change(
            actor,
            row,
            step,
            { callbackAt: now, callbackResolved: input.resolved, satisfaction: input.satisfaction },
            note,
            { reached: true, resolved: input.resolved, satisfaction: input.satisfaction },
          );
          break;
        }
        case 'close':
          if (row.callbackAt === null && row.failedCallbacks < FAILED_CALLBACKS_TO_CLOSE)
            throw new AppError('request_callback_required');
          updated = await change(actor, row, step, { status: 'closed', closedAt: now }, note);
          break;
        case 'reopen': {
          const reason = need(note, 'note', '请写明重新办理的原因');
          if (!row.closedAt || now.getTime() - row.closedAt.getTime() > REOPEN_DAYS * 86_400_000)
            throw new AppError('request_reopen_expired');
          updated = await change(
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
          break;
        }
        case 'assign': {
          if (input.assigneeId === undefined)
            throw new AppError('validation_failed', { detail: '请选择负责人' }, 'assigneeId');
          const person = await repo.findCommunityStaff(db, row.communityId, input.assigneeId);
          if (!person) throw new AppError('not_found', {}, 'assigneeId');
          updated = await change(actor, row, step, { assigneeId: person.id }, note, {
            assigneeId: person.id,
            assigneeName: person.displayName,
          });
          break;
        }
        case 'escalate':
          if (row.escalatedAt) refuseStep(row, step);
          updated = await change(
            actor,
            row,
            step,
            { escalatedAt: now, escalationReason: need(note, 'note', '请写明需要街道协调的原因') },
            note,
          );
          break;
        default:
          updated = await change(actor, row, 'note', {}, need(note, 'note', '请填写备注'));
      }
      return detail(updated);
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

    /** The requester's phone in full, for a call: with a reason, audited before it is returned. */
    async revealPhone(actor: Actor, id: number, reason: string) {
      const row = await loadOwn(actor, id);
      const text = need(reason, 'reason', '请填写查看原因');
      await audit.record(actor, {
        action: 'reveal',
        entity: 'request',
        entityId: row.id,
        communityId: row.communityId,
        reason: text,
        detail: { field: 'phone' },
      });
      return { phone: row.phoneCipher ? vault.decrypt(row.phoneCipher) : null };
    },

    /** A new personal progress link (the old one stops working); the token is shown once. */
    async makeLink(actor: Actor, id: number) {
      const row = await loadOwn(actor, id);
      const token = randomBytes(18).toString('base64url');
      await change(actor, row, 'note', { linkHash: hashLink(token) }, '生成居民进度链接');
      return { path: `/r/q/${token}` };
    },

    // ── the resident's side ────────────────────────────────────────────────────────────────────────
    /** What the request form behind a poster offers: where it is and the categories. */
    async posterForm(token: string) {
      const { place, community } = await posterPlace(token);
      const categories = await repo.listCategories(db);
      return {
        communityName: community.name,
        placeName: place.name,
        categories: categories.map((c) => ({ id: c.id, name: c.name })),
      };
    },

    /** A resident files a request from the poster; they get their personal progress link (shown once). */
    async fileByPoster(
      posterToken: string,
      input: {
        name: string;
        phone: string;
        categoryId: number;
        text: string;
        contactPreference?: string | null | undefined;
      },
    ) {
      const { place, community } = await posterPlace(posterToken);
      const communityId = community.id;
      const placeId = place.id;
      const category = await liveCategory(input.categoryId);
      const phone = phoneOf(input.phone);
      if (!phone) throw new AppError('invalid_phone', {}, 'phone');
      const token = randomBytes(18).toString('base64url');
      const at = new Date();
      await insertWithEvent(
        {
          communityId,
          placeId,
          requesterName: need(input.name, 'name', '请填写姓名'),
          ...sealPhone(vault, phone),
          categoryId: category.id,
          text: need(input.text, 'text', '请写下您的诉求'),
          channel: 'public',
          contactPreference: input.contactPreference?.trim() || null,
          receivedAt: at,
          ...deadlines(category, at),
          linkHash: hashLink(token),
        },
        null,
        '居民扫码提交',
      );
      return { path: `/r/q/${token}` };
    },

    async byLink(token: string) {
      const row = await repo.findByLinkHash(db, hashLink(token));
      if (!row) throw new AppError('request_link_unknown');
      return publicView(row, await repo.namesFor(db, row), await repo.listEvents(db, row.id));
    },

    /** The resident's own rating through their link: it is the callback when staff have not made one. */
    async rateByLink(
      token: string,
      input: { resolved: boolean; satisfaction: Satisfaction; note?: string | null | undefined },
    ) {
      const row = await repo.findByLinkHash(db, hashLink(token));
      if (!row) throw new AppError('request_link_unknown');
      if (row.status !== 'resolved' && row.status !== 'unresolved' && row.status !== 'closed')
        throw new AppError('request_step_invalid', {
          status: REQUEST_STATUS_LABELS[row.status as RequestStatus]?.zh ?? row.status,
          step: '评价（办理完毕后才能评价）',
        });
      if (row.callbackAt) throw new AppError('request_step_invalid', { status: '已评价', step: '再次评价' });
      const updated = await change(
        null,
        row,
        'rate',
        { callbackAt: new Date(), callbackResolved: input.resolved, satisfaction: input.satisfaction },
        input.note?.trim() || null,
        { resolved: input.resolved, satisfaction: input.satisfaction },
      );
      return publicView(updated, await repo.namesFor(db, updated), await repo.listEvents(db, updated.id));
    },
  };
}

function categoryView(row: repo.CategoryRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contactLimit: row.contactLimit,
    contactUnit: row.contactUnit as LimitUnit,
    resolveLimit: row.resolveLimit,
    resolveUnit: row.resolveUnit as LimitUnit,
    retired: row.retired,
  };
}

/** What the resident sees behind their link: the status and the steps, never staff's names or notes. */
function publicView(
  row: repo.RequestRow,
  names: Awaited<ReturnType<typeof repo.namesFor>>,
  events: repo.EventRow[],
) {
  return {
    status: row.status as RequestStatus,
    categoryName: names.categoryName,
    communityName: names.communityName,
    text: row.text,
    receivedAt: row.receivedAt.toISOString(),
    resolveDeadline: row.resolveDeadline.toISOString(),
    explanation: row.explanation,
    rated: row.callbackAt !== null,
    satisfaction: (row.satisfaction as Satisfaction | null) ?? null,
    steps: events
      .filter((e) => e.kind !== 'note' && !e.kind.startsWith('exclusion') && e.kind !== 'assign')
      .map((e) => ({
        kind: e.kind as keyof typeof REQUEST_EVENT_LABELS,
        label: REQUEST_EVENT_LABELS[e.kind as keyof typeof REQUEST_EVENT_LABELS]?.zh ?? e.kind,
        at: e.at.toISOString(),
      })),
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;
