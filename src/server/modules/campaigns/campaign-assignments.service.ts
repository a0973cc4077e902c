// Who covers which building or entrance: bulk assignment, a balanced suggestion, each person's households.
import { isDone } from '../../../shared/campaigns';
import { buildingLabel } from '../../../shared/places/address-label';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import {
  deleteAssignment,
  fieldAccounts,
  listAssignments,
  targetsOfAssignee,
  unitsOfCampaign,
  upsertAssignments,
} from './campaign-assignments.repo';
import { bad, campaignLookups, campaignView } from './campaign-common';
import { listCampaigns } from './campaigns.repo';

export interface AssignmentInput {
  buildingId: number;
  entranceId?: number | null | undefined;
  accountId: number;
  team?: string | null | undefined;
}

export function createCampaignAssignments(db: Db, audit: AuditService) {
  const { campaignInScope, activeCampaign, withResidents } = campaignLookups(db);
  const service = {
    /** Buildings and entrances with household counts, who covers each, and who may be sent. */
    async assignments(actor: Actor, id: number) {
      const campaign = await campaignInScope(actor, id);
      const [units, assigned, people] = await Promise.all([
        unitsOfCampaign(db, campaign.id),
        listAssignments(db, campaign.id),
        fieldAccounts(db, campaign.communityId),
      ]);
      return {
        units,
        assignments: assigned,
        people: people.map((p) => ({
          id: p.id,
          displayName: p.displayName,
          role: p.role,
          buildingIds: p.scopeBuildingIds,
        })),
      };
    },

    async assign(actor: Actor, id: number, items: AssignmentInput[]) {
      const campaign = await activeCampaign(actor, id);
      const [units, people] = await Promise.all([
        unitsOfCampaign(db, campaign.id),
        fieldAccounts(db, campaign.communityId),
      ]);
      const rows = items.map((item, i) => {
        const entranceId = item.entranceId ?? null;
        const unit = units.find(
          (u) => u.buildingId === item.buildingId && (entranceId === null || u.entranceId === entranceId),
        );
        if (!unit) throw bad(`第${i + 1}项：该楼栋或单元不在本次排查范围内`, `items.${i}.buildingId`);
        const person = people.find((p) => p.id === item.accountId);
        if (!person) throw bad(`第${i + 1}项：只能分派给本社区的工作人员或志愿者`, `items.${i}.accountId`);
        if (person.scopeBuildingIds && !person.scopeBuildingIds.includes(item.buildingId)) {
          throw bad(
            `第${i + 1}项：${person.displayName} 不负责 ${buildingLabel(unit)}，请先调整其负责楼栋`,
            `items.${i}.accountId`,
          );
        }
        return {
          campaignId: campaign.id,
          communityId: campaign.communityId,
          buildingId: item.buildingId,
          entranceId,
          accountId: item.accountId,
          team: item.team?.trim() || null,
        };
      });
      await db.transaction(async (tx) => {
        await upsertAssignments(tx, rows);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'campaign_assignment',
            entityId: campaign.id,
            communityId: campaign.communityId,
            detail: { assigned: rows.length },
          },
          tx,
        );
      });
      return { assigned: rows.length };
    },

    async unassign(actor: Actor, id: number, assignmentId: number) {
      const campaign = await activeCampaign(actor, id);
      if (!(await deleteAssignment(db, campaign.id, assignmentId))) throw new AppError('not_found');
    },

    /**
     * A balanced split of the buildings among the chosen people (the console shows it as an editable table,
     * applied in one assign call): largest building first, each to whoever has
     * the fewest households so far among those allowed to cover it (volunteers only their own buildings).
     */
    async suggest(actor: Actor, id: number, accountIds: number[]) {
      const campaign = await campaignInScope(actor, id);
      const [units, people] = await Promise.all([
        unitsOfCampaign(db, campaign.id),
        fieldAccounts(db, campaign.communityId),
      ]);
      const chosen = people.filter((p) => accountIds.includes(p.id));
      if (chosen.length !== new Set(accountIds).size)
        throw bad('只能选择本社区的工作人员或志愿者', 'accountIds');
      const buildings = new Map<
        number,
        {
          buildingId: number;
          buildingName: string;
          compoundId: number | null;
          compoundName: string | null;
          households: number;
        }
      >();
      for (const u of units) {
        const b = buildings.get(u.buildingId) ?? {
          buildingId: u.buildingId,
          buildingName: u.buildingName,
          compoundId: u.compoundId,
          compoundName: u.compoundName,
          households: 0,
        };
        b.households += u.households - u.done;
        buildings.set(u.buildingId, b);
      }
      const load = new Map(chosen.map((p) => [p.id, 0]));
      const picked = new Map<number, number | null>();
      for (const b of [...buildings.values()].sort((x, y) => y.households - x.households)) {
        const allowed = chosen.filter(
          (p) => !p.scopeBuildingIds || p.scopeBuildingIds.includes(b.buildingId),
        );
        const pick = allowed.sort((x, y) => (load.get(x.id) ?? 0) - (load.get(y.id) ?? 0))[0];
        if (pick) load.set(pick.id, (load.get(pick.id) ?? 0) + b.households);
        picked.set(b.buildingId, pick?.id ?? null);
      }
      // Listed in walking order (compound, building) so the editable table reads like the estate.
      return {
        items: [...buildings.values()].map((b) => ({ ...b, accountId: picked.get(b.buildingId) ?? null })),
        load: chosen.map((p) => ({
          accountId: p.id,
          displayName: p.displayName,
          households: load.get(p.id) ?? 0,
        })),
      };
    },

    /** Active campaigns of the caller's communities, each with how many households are assigned to them. */
    async mine(actor: Actor) {
      const rows = await listCampaigns(db, actor.scope);
      const active = rows.filter((r) => r.campaign.status === 'active');
      return Promise.all(
        active.map(async (r) => {
          const targets = await targetsOfAssignee(db, actor.scope, r.campaign.id, actor.accountId);
          return {
            ...campaignView(r.campaign, r.communityName),
            mine: targets.length,
            left: targets.filter((t) => !isDone(t.outcome)).length,
          };
        }),
      );
    },

    async myHouseholds(actor: Actor, id: number) {
      const campaign = await campaignInScope(actor, id);
      const rows = await targetsOfAssignee(db, actor.scope, campaign.id, actor.accountId);
      const items = await withResidents(rows);
      return {
        campaign: campaignView(campaign),
        total: items.length,
        left: items.filter((t) => !isDone(t.outcome)).length,
        items,
      };
    },
  };
  return service;
}
