import {
  REQUEST_EVENT_LABELS,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  type Satisfaction,
} from '../../../shared/requests';
import type { Db } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import * as posters from '../declarations/posters.repo';
import { sealPhone } from '../people/people.service';
import { findPlace } from '../places/places.repo';
import { hashLink, need, newLinkToken, type RequestRecords } from './request-records';
import * as repo from './requests.repo';

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

/**
 * The resident's side, without an account: the request form behind a community's poster (the poster's
 * random token names the place), and the personal progress link (only its hash is stored) where they
 * follow their request and rate it.
 */
export function createRequestResidentSide(db: Db, vault: Vault, records: RequestRecords) {
  const { liveCategory, phoneOf, deadlines, insertWithEvent, change } = records;

  async function posterPlace(token: string) {
    const poster = await posters.findByToken(db, token);
    if (!poster) throw new AppError('poster_unknown');
    if (poster.revokedAt) throw new AppError('poster_revoked');
    const place = await findPlace(db, poster.placeId);
    const community = place?.communityId ? await findPlace(db, place.communityId) : place;
    if (!place || !community || community.kind !== 'community') throw new AppError('poster_unknown');
    return { place, community };
  }

  async function shown(row: repo.RequestRow) {
    return publicView(row, await repo.namesFor(db, row), await repo.listEvents(db, row.id));
  }

  return {
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
      const category = await liveCategory(input.categoryId);
      const phone = phoneOf(input.phone);
      if (!phone) throw new AppError('invalid_phone', {}, 'phone');
      const token = newLinkToken();
      const at = new Date();
      await insertWithEvent(
        {
          communityId: community.id,
          placeId: place.id,
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
      return shown(row);
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
      return shown(updated);
    },
  };
}
