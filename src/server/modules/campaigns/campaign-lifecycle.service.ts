// Campaign lifecycle: start a sweep (targets; governance: the edited checklist), list, read, close.

import {
  type CampaignKind,
  CHECKLIST_ITEM_MAX,
  CHECKLIST_MAX_ITEMS,
  type ChecklistItem,
  DEFAULT_CHECKLISTS,
  isGovernance,
} from '../../../shared/campaigns';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { bad, campaignLookups, campaignView, progressFigures } from './campaign-common';
import {
  closeCampaign,
  insertCampaign,
  insertTargetsFromBuildings,
  insertTargetsFromHouseholds,
  listCampaigns,
  placesOfCommunity,
} from './campaigns.repo';

export interface CampaignInput {
  communityId: number;
  name: string;
  kind: CampaignKind;
  placeIds?: number[] | undefined;
  startsOn?: string | undefined;
  endsOn?: string | null | undefined;
  /** Governance kinds: the checklist as edited; absent = the kind's default items. */
  checklist?: string[] | undefined;
}

/** The checklist as stored: trimmed, no blanks or repeats, keys given in order (i1, i2…). */
export function checklistOf(texts: string[]): ChecklistItem[] {
  const items = texts.map((t) => t.trim().replace(/\s+/g, ' '));
  if (items.length === 0) throw bad('检查清单至少要有一项', 'checklist');
  if (items.length > CHECKLIST_MAX_ITEMS) throw bad(`检查清单最多 ${CHECKLIST_MAX_ITEMS} 项`, 'checklist');
  for (const [i, text] of items.entries()) {
    if (text.length < 2 || text.length > CHECKLIST_ITEM_MAX)
      throw bad(`检查清单第${i + 1}项：请写 2–${CHECKLIST_ITEM_MAX} 个字`, `checklist.${i}`);
  }
  if (new Set(items).size !== items.length) throw bad('检查清单有重复的项', 'checklist');
  return items.map((text, i) => ({ key: `i${i + 1}`, text }));
}

export function createCampaignLifecycle(db: Db, audit: AuditService) {
  const { campaignInScope, activeCampaign } = campaignLookups(db);
  const service = {
    async create(actor: Actor, input: CampaignInput) {
      assertCommunity(actor.scope, input.communityId);
      if (actor.scope.buildingIds) throw new AppError('forbidden');
      const placeIds = [...new Set(input.placeIds ?? [])];
      const found = await placesOfCommunity(db, input.communityId, placeIds);
      const wrong = placeIds.filter(
        (id) => !found.some((p) => p.id === id && (p.kind === 'compound' || p.kind === 'building')),
      );
      if (wrong.length)
        throw bad('只能选择本社区的小区或楼栋 (choose compounds or buildings of this community)', 'placeIds');
      const startsOn = input.startsOn ?? beijingToday();
      if (input.endsOn && input.endsOn < startsOn) throw bad('结束日期不能早于开始日期', 'endsOn');
      const governance = isGovernance(input.kind);
      const checklist = isGovernance(input.kind)
        ? checklistOf(input.checklist ?? DEFAULT_CHECKLISTS[input.kind])
        : [];
      if (!governance && input.checklist?.length)
        throw bad('入户排查不使用检查清单 (screening has no checklist)', 'checklist');
      const created = await db.transaction(async (tx) => {
        const campaign = await insertCampaign(tx, {
          communityId: input.communityId,
          name: input.name.trim(),
          kind: input.kind,
          placeIds,
          startsOn,
          endsOn: input.endsOn ?? null,
          checklist,
          createdBy: actor.accountId,
        });
        const targetCount = governance
          ? await insertTargetsFromBuildings(tx, campaign)
          : await insertTargetsFromHouseholds(tx, campaign);
        // Nothing to visit: the whole start is rolled back rather than leave an empty sweep behind.
        if (targetCount === 0)
          throw governance
            ? bad('所选范围内没有楼栋，无法开始检查 (no buildings in the chosen area)', 'placeIds')
            : bad('所选范围内没有住户，无法开始排查 (no households in the chosen area)', 'placeIds');
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'campaign',
            entityId: campaign.id,
            communityId: campaign.communityId,
            detail: { kind: campaign.kind, targets: targetCount },
          },
          tx,
        );
        return { ...campaign, targetCount };
      });
      return campaignView(created);
    },

    async list(actor: Actor, communityId?: number) {
      const rows = await listCampaigns(db, actor.scope, communityId);
      return rows.map((r) => ({
        ...campaignView(r.campaign, r.communityName),
        ...progressFigures(r.campaign, r.done),
      }));
    },

    async get(actor: Actor, id: number) {
      const campaign = await campaignInScope(actor, id);
      return campaignView(campaign);
    },

    async close(actor: Actor, id: number) {
      const campaign = await activeCampaign(actor, id);
      await db.transaction(async (tx) => {
        await closeCampaign(tx, campaign.id);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'campaign',
            entityId: campaign.id,
            communityId: campaign.communityId,
            detail: { closed: true },
          },
          tx,
        );
      });
      return service.get(actor, id);
    },
  };
  return service;
}
