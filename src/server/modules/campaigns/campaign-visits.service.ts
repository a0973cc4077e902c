// Screening visits: door or phone (with forms), quick visits, a door's history, the phone queue.
import { isGovernance, SCREENED_OUTCOMES, type VisitOutcome } from '../../../shared/campaigns';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { DeclarationAnswers, DeclarationsService } from '../declarations/declarations.service';
import { bad, campaignLookups, phoneTime } from './campaign-common';
import {
  applyVisitToTarget,
  findVisitByClientId,
  insertVisitOnce,
  nobodyHomeTargets,
  setVisitDeclarations,
  type VisitRow,
  visitsOfTarget,
} from './campaign-visits.repo';
import { findTarget, residentsOfHouseholds } from './campaigns.repo';
import { createQuickVisitWriter } from './quick-visit-writer';
import type { VisitJson } from './quick-visits.repo';

export interface VisitInput {
  /** Made on the phone (crypto.randomUUID): the same visit sent twice is stored once. */
  id: string;
  targetId: number;
  outcome: VisitOutcome;
  notes?: string | null | undefined;
  visitedAt?: string | undefined;
  declarations?: Array<DeclarationAnswers & { residentId: number }> | undefined;
}

const notScreening = () =>
  bad('这是楼栋治理任务：请按楼栋检查，不登记入户走访 (a governance campaign checks buildings)');

export function createCampaignVisits(db: Db, declarations: DeclarationsService) {
  const quickVisits = createQuickVisitWriter(db);
  const { campaignInScope, activeCampaign, withResidents } = campaignLookups(db);
  const service = {
    async recordVisit(actor: Actor, id: number, input: VisitInput) {
      const visitedAt = phoneTime(input.visitedAt, 'visitedAt');
      const forms = input.declarations ?? [];
      const screened = SCREENED_OUTCOMES.includes(input.outcome);
      if (!screened && forms.length) throw bad('只有“入户排查”或“电话排查”需要填写登记表', 'declarations');
      if (!screened) return service.recordQuickVisit(actor, id, input, visitedAt);
      // The same visit again (the phone did not hear the answer): the first one stands.
      const earlier = await findVisitByClientId(db, input.id);
      if (earlier) return resent(actor, id, earlier);
      const campaign = await activeCampaign(actor, id);
      if (isGovernance(campaign.kind)) throw notScreening();
      const target = await findTarget(db, actor.scope, campaign.id, input.targetId);
      if (!target) throw new AppError('not_found');
      const people = target.householdId ? await residentsOfHouseholds(db, [target.householdId]) : [];
      if (people.length > 0 && forms.length === 0) throw bad('请至少为一位居民填写登记表', 'declarations');
      if (people.length === 0 && (input.notes?.trim().length ?? 0) < 2)
        throw bad('这户没有登记居民：请在备注里写明住的是谁', 'notes');
      for (const [i, form] of forms.entries()) {
        if (!people.some((p) => p.id === form.residentId))
          throw bad(`第${i + 1}份登记表：该居民不住在这户`, `declarations.${i}.residentId`);
      }
      if (new Set(forms.map((f) => f.residentId)).size !== forms.length)
        throw bad('同一位居民只需填写一份登记表', 'declarations');
      // Rules, areas and each form's extra questions are read (and checked) before the transaction opens.
      for (const form of forms) declarations.checkAnswers(form);
      const [basis, accepted] = await Promise.all([
        forms.length ? declarations.basis(campaign.communityId) : null,
        Promise.all(
          forms.map((f) => declarations.acceptForm(campaign.communityId, f.formVersionId, f.extra)),
        ),
      ]);
      const channel = input.outcome === 'phone' ? 'phone' : 'door_to_door';
      const stored = await db.transaction(async (tx) => {
        const visit = await insertVisitOnce(tx, {
          clientId: input.id,
          campaignId: campaign.id,
          communityId: campaign.communityId,
          targetId: target.id,
          outcome: input.outcome,
          notes: input.notes?.trim() || null,
          visitedBy: actor.accountId,
          visitedAt,
        });
        // Another request with the same id won the race: nothing more to write.
        if (!visit) return undefined;
        const declared = basis
          ? await declarations.recordManyIn(
              tx,
              forms.map(({ residentId, ...answers }, i) => ({
                resident: { id: residentId, communityId: campaign.communityId },
                input: answers,
                channel,
                actor,
                form: accepted[i] ?? { formVersionId: null, extra: {} },
              })),
              basis,
            )
          : [];
        const declarationIds = declared.map((d) => d.id);
        if (declarationIds.length) await setVisitDeclarations(tx, visit.id, declarationIds);
        await applyVisitToTarget(tx, target.id, visit);
        return { ...visit, declarationIds };
      });
      if (!stored) {
        const winner = await findVisitByClientId(db, input.id);
        if (!winner) throw new AppError('conflict_duplicate');
        return resent(actor, id, winner);
      }
      return { visit: visitView(stored), duplicate: false };
    },

    /** Nobody home, vacant, refused: no form, so visits arriving together share one statement. */
    async recordQuickVisit(actor: Actor, id: number, input: VisitInput, visitedAt: Date) {
      const row = await quickVisits.add({
        scope: actor.scope,
        campaignId: id,
        clientId: input.id,
        targetId: input.targetId,
        outcome: input.outcome,
        notes: input.notes?.trim() || null,
        visitedBy: actor.accountId,
        visitedAt,
      });
      if (row.existing) return resent(actor, id, fromJson(row.existing));
      if (row.inserted) return { visit: visitView(fromJson(row.inserted)), duplicate: false };
      if (row.found) {
        // Found but not inserted: a simultaneous send with the same id won; that one stands.
        const winner = await findVisitByClientId(db, input.id);
        if (winner) return resent(actor, id, winner);
        throw new AppError('conflict_duplicate');
      }
      // Not found: out of scope, no such household, the campaign has closed or is not a screening.
      const campaign = await activeCampaign(actor, id);
      if (isGovernance(campaign.kind)) throw notScreening();
      throw new AppError('not_found');
    },

    async visitsOf(actor: Actor, id: number, targetId: number) {
      const campaign = await campaignInScope(actor, id);
      const target = await findTarget(db, actor.scope, campaign.id, targetId);
      if (!target) throw new AppError('not_found');
      const visits = await visitsOfTarget(db, target.id);
      return visits.map((v) => ({ ...v, visitedAt: v.visitedAt.toISOString() }));
    },

    /** Households where nobody was home: to phone, then to visit again; `minAttempts` finds the never reached. */
    async queue(actor: Actor, id: number, minAttempts: number) {
      const campaign = await campaignInScope(actor, id);
      const rows = await nobodyHomeTargets(db, actor.scope, campaign.id, minAttempts);
      const items = await withResidents(rows);
      return { items: items.map((item, i) => ({ ...item, assignee: rows[i]?.assignee ?? null })) };
    },
  };
  return service;
}

type StoredVisit = Omit<VisitRow, 'receivedAt' | 'checklistResults'>;

/** A visit the server already has, sent again: answered as it was, but only to someone who may see it. */
function resent(actor: Actor, campaignId: number, visit: StoredVisit) {
  if (visit.campaignId !== campaignId || !actor.scope.communityIds.includes(visit.communityId))
    throw new AppError('not_found');
  return { visit: visitView(visit), duplicate: true };
}

function fromJson(v: VisitJson): StoredVisit {
  return {
    id: v.id,
    clientId: v.client_id,
    campaignId: v.campaign_id,
    communityId: v.community_id,
    targetId: v.target_id,
    outcome: v.outcome,
    notes: v.notes,
    declarationIds: v.declaration_ids,
    visitedBy: v.visited_by,
    visitedAt: new Date(v.visited_at),
  };
}

function visitView(v: StoredVisit) {
  return {
    id: v.id,
    clientId: v.clientId,
    targetId: v.targetId,
    outcome: v.outcome as VisitOutcome,
    notes: v.notes,
    declarationIds: v.declarationIds,
    visitedAt: v.visitedAt.toISOString(),
  };
}
