import { sql } from 'drizzle-orm';
import type { RequestChannel, RequestList } from '../../../shared/requests';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { postgresCode } from '../../http/error-handler';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { sealPhone } from '../people/people.service';
import { findPlace } from '../places/places.repo';
import { createHotlineImport } from './hotline-import.service';
import { createRequestCategories } from './request-categories.service';
import { createRequestRecords, hashLink, need, newLinkToken } from './request-records';
import { createRequestResidentSide } from './request-resident.service';
import { createRequestSteps } from './request-steps.service';
import { createRequestWeights } from './request-weights.service';
import * as repo from './requests.repo';
import { requestView } from './requests.views';

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

/**
 * Residents' requests (接诉即办), the staff side: intake (walk-in, phone, WeChat, visit, 12345), the working
 * lists, a request's page, the phone revealed for a call, the resident's progress link. Put together with
 * the categories and time limits (`request-categories.service.ts`), the rates' weights
 * (`request-weights.service.ts`), the working steps
 * (`request-steps.service.ts`) and the resident's side (`request-resident.service.ts`) into one service;
 * the rates are `requests-rates.service.ts`.
 */
export function createRequestsService(db: Db, vault: Vault, audit: AuditService) {
  const records = createRequestRecords(db, audit);
  const { loadOwn, detail, liveCategory, phoneOf, deadlines, insertWithEvent, change } = records;

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

  return {
    ...createRequestCategories(db, audit),
    ...createRequestWeights(db, audit),
    ...createRequestSteps(db, records),
    ...createRequestResidentSide(db, vault, records),
    ...createHotlineImport(db, vault, audit, records),

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
        // The unique index (community_id, order_number): the same 12345 order recorded twice.
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
      const token = newLinkToken();
      await change(actor, row, 'note', { linkHash: hashLink(token) }, '生成居民进度链接');
      return { path: `/r/q/${token}` };
    },
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;
