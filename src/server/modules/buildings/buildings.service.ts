import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { assertCommunity } from '../auth/scope';
import * as repo from './buildings.repo';

const view = (b: repo.BuildingFigures) => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  compoundId: b.compound_id,
  compoundName: b.compound_name,
  households: b.households,
  vacant: b.vacant,
  residents: b.residents,
  renters: b.renters,
  vulnerable: b.vulnerable,
  partyMembers: b.party_members,
  attention: b.attention,
  campaignId: b.campaign_id,
  campaignTotal: b.campaign_total,
  campaignDone: b.campaign_done,
});

/** 动态楼宇画像: each building's people and state, and the grid of a community's buildings. */
export function createBuildingsService(db: Db) {
  return {
    async grid(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      const rows = await repo.buildingFigures(db, actor.scope, communityId);
      return { items: rows.map(view) };
    },

    async profile(actor: Actor, buildingId: number) {
      const communityId = await repo.buildingCommunity(db, actor.scope, buildingId);
      if (communityId === undefined) throw new AppError('not_found');
      const [figures, entrances, volunteers, statuses, campaigns, findings] = await Promise.all([
        repo.buildingFigures(db, actor.scope, communityId, buildingId),
        repo.entrancesOf(db, buildingId),
        repo.volunteersOf(db, communityId, buildingId),
        repo.statusCounts(db, buildingId),
        repo.recentCampaigns(db, communityId, buildingId),
        repo.openFindings(db, buildingId),
      ]);
      const today = beijingToday();
      const building = figures[0];
      if (!building) throw new AppError('not_found');
      return {
        building: { ...view(building), communityId },
        entrances: entrances.map((e) => ({
          id: e.id,
          name: e.name,
          households: e.households,
          vacant: e.vacant,
        })),
        volunteers: volunteers.map((v) => ({ id: v.id, displayName: v.display_name })),
        statuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
        campaigns: campaigns.map((c) => ({
          id: c.id,
          name: c.name,
          kind: c.kind,
          status: c.status,
          createdAt: new Date(c.created_at).toISOString(),
          outcomes: c.outcomes ?? {},
          assignees: c.assignees ?? [],
        })),
        openFindings: {
          total: findings.length,
          overdue: findings.filter((f) => f.deadline < today).length,
          items: findings.map((f) => ({
            id: f.id,
            campaignId: f.campaign_id,
            campaignName: f.campaign_name,
            campaignKind: f.campaign_kind,
            itemText: f.item_text,
            entranceName: f.entrance_name,
            floor: f.floor,
            location: f.location,
            description: f.description,
            photoIds: f.photo_ids,
            deadline: f.deadline,
            overdue: f.deadline < today,
            createdAt: new Date(f.created_at).toISOString(),
          })),
        },
      };
    },
  };
}

export type BuildingsService = ReturnType<typeof createBuildingsService>;
