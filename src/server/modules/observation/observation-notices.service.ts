import { maskName } from '../../../shared/access';
import type { ObservationKind, ObservationReason } from '../../../shared/observation';
import {
  MAX_NOTICES,
  type NoticeFilter,
  type NoticeKind,
  type NoticeSheet,
} from '../../../shared/observation/observation-responses';
import { beijingDate, beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { recordExport } from '../audit/export-audit';
import { assertCommunity } from '../auth/scope';
import * as repo from './observation.repo';

export interface NoticeQuery {
  communityId: number;
  notice: NoticeKind;
  /** Ticked rows; without them, everyone the filter names. */
  ids?: number[];
  filter?: NoticeFilter;
}

/**
 * Printable notices (居家观察告知书, 解除观察通知书, door stickers): what each page needs, for one
 * community, at most MAX_NOTICES per print job. A notice is handed to the person or stuck on the door, so
 * the name stays masked (the door says who it is for) and no ID number or phone is sent. Printing is
 * recorded like an export (who printed which notices for how many people).
 */
export function createNoticesService(db: Db, audit: AuditService) {
  return {
    async notices(actor: Actor, q: NoticeQuery): Promise<NoticeSheet> {
      assertCommunity(actor.scope, q.communityId);
      const today = beijingToday();
      const communityName = await repo.communityName(db, q.communityId);
      if (communityName === null) throw new AppError('not_found');
      const filter = q.filter ?? 'active';
      const { rows, total } = await repo.noticeViews(db, actor.scope, {
        communityId: q.communityId,
        ids: q.ids,
        filter,
        today,
        limit: MAX_NOTICES,
      });
      await recordExport(audit, actor, {
        kind: 'observation_notice',
        entity: 'observation',
        communities: [{ communityId: q.communityId, rows: rows.length }],
        detail: { notice: q.notice, ...(q.ids ? { ticked: true } : { filter }) },
      });
      return {
        communityName,
        today,
        total,
        items: rows.map((r) => ({
          id: r.id,
          name: maskName(r.name),
          compoundName: r.compound_name,
          buildingName: r.building_name,
          room: r.room,
          kind: r.kind as ObservationKind,
          reason: r.reason as ObservationReason,
          dayOne: r.day_one,
          plannedEnd: r.planned_end,
          periodDays: r.period_days,
          endDay: r.ended_at ? beijingDate(r.ended_at) : null,
          site: r.site,
          siteRoom: r.site_room,
        })),
      };
    },
  };
}
