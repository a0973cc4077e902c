// Governance campaigns: the building grid, a building's check against the checklist, findings and re-checks.

import { can } from '../../../shared/auth/roles';
import {
  CHECKED_OUTCOME,
  CLOSING_RECHECK_RESULTS,
  type FindingFilter,
  isGovernance,
  type RecheckResult,
} from '../../../shared/campaigns';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { bad, campaignLookups, campaignView, phoneTime } from './campaign-common';
import {
  buildingTargets,
  entrancesOfBuilding,
  type FindingView,
  findFinding,
  findingsOfVisit,
  insertFindings,
  listFindings,
  recheckFinding,
} from './campaign-findings.repo';
import {
  applyVisitToTarget,
  findVisitByClientId,
  insertVisitOnce,
  type VisitRow,
} from './campaign-visits.repo';
import { findTarget } from './campaigns.repo';
import { attachFindingPhotos, usableFindingPhotos } from './finding-photos';

export interface FindingInput {
  itemKey: string;
  entranceId?: number | null | undefined;
  floor?: number | null | undefined;
  location?: string | null | undefined;
  description: string;
  /** Public ids of photos this account uploaded for it (purpose campaign_finding). */
  photoIds?: string[] | undefined;
  deadline: string;
}

export interface CheckInput {
  /** Made on the phone: the same check sent twice is stored once. */
  id: string;
  targetId: number;
  results: Array<{ key: string; passed: boolean }>;
  notes?: string | null | undefined;
  findings?: FindingInput[] | undefined;
  /** When it was made on the phone: a check kept offline is sent later. */
  checkedAt?: string | undefined;
}

export interface RecheckInput {
  result: RecheckResult;
  notes?: string | null | undefined;
  photoIds?: string[] | undefined;
  /** Not fixed: the new deadline (defaults to the old one). */
  deadline?: string | undefined;
}

function findingView(f: FindingView, today: string) {
  return { ...f, overdue: f.status === 'open' && f.deadline < today };
}

export function createCampaignGovernance(db: Db, audit: AuditService) {
  const { campaignInScope } = campaignLookups(db);

  async function governanceCampaign(actor: Actor, id: number) {
    const campaign = await campaignInScope(actor, id);
    if (!isGovernance(campaign.kind))
      throw bad('入户排查没有检查清单和问题登记 (only governance campaigns have checks and findings)');
    return campaign;
  }

  async function checkView(v: VisitRow) {
    const rows = await findingsOfVisit(db, v.id);
    return {
      id: v.id,
      clientId: v.clientId,
      targetId: v.targetId,
      results: v.checklistResults ?? [],
      notes: v.notes,
      checkedAt: v.visitedAt.toISOString(),
      findingIds: rows.map((r) => r.id),
    };
  }

  /** A check the server already has, sent again: answered as it was, but only to someone who may see it. */
  async function resentCheck(actor: Actor, campaignId: number, visit: VisitRow) {
    if (visit.campaignId !== campaignId || !actor.scope.communityIds.includes(visit.communityId))
      throw new AppError('not_found');
    return { check: await checkView(visit), duplicate: true };
  }

  const service = {
    /** Governance: the campaign's buildings (volunteers: theirs), checked or not, with open findings. */
    async buildings(actor: Actor, id: number) {
      const campaign = await governanceCampaign(actor, id);
      const rows = await buildingTargets(db, actor.scope, campaign.id, beijingToday());
      return {
        campaign: campaignView(campaign),
        items: rows.map((r) => ({
          targetId: r.id,
          buildingId: r.building_id,
          buildingName: r.building_name,
          compoundName: r.compound_name,
          checked: r.outcome === CHECKED_OUTCOME,
          lastCheckAt: r.last_visit_at ? new Date(r.last_visit_at).toISOString() : null,
          checkedBy: r.checked_by,
          assignee: r.assignee,
          openFindings: r.open_findings,
          overdueFindings: r.overdue_findings,
        })),
      };
    },

    /** The entrances of one building of a governance campaign: where a finding may be placed. */
    async entrances(actor: Actor, id: number, targetId: number) {
      const campaign = await governanceCampaign(actor, id);
      const target = await findTarget(db, actor.scope, campaign.id, targetId);
      if (!target) throw new AppError('not_found');
      return { items: await entrancesOfBuilding(db, target.buildingId) };
    },

    /**
     * A governance check of one building: every checklist item passed or failed, and each failed item with
     * at least one finding (place, description, photos already uploaded, deadline). The check, its findings,
     * the target's state and the audit rows land in one transaction; the same check sent again is stored once.
     */
    async recordCheck(actor: Actor, id: number, input: CheckInput) {
      const earlier = await findVisitByClientId(db, input.id);
      if (earlier) return resentCheck(actor, id, earlier);
      const checkedAt = phoneTime(input.checkedAt, 'checkedAt');
      const campaign = await governanceCampaign(actor, id);
      if (campaign.status !== 'active') throw bad('该任务已结束，不能再修改 (the campaign is closed)');
      const target = await findTarget(db, actor.scope, campaign.id, input.targetId);
      if (!target) throw new AppError('not_found');
      const keys = campaign.checklist.map((c) => c.key);
      const given = input.results.map((r) => r.key);
      if (
        given.length !== keys.length ||
        new Set(given).size !== given.length ||
        !keys.every((k) => given.includes(k))
      )
        throw bad('请逐项填写检查清单的每一项 (answer every checklist item once)', 'results');
      const failed = new Set(input.results.filter((r) => !r.passed).map((r) => r.key));
      const findings = input.findings ?? [];
      const today = beijingToday();
      const entrances = findings.some((f) => f.entranceId != null)
        ? await entrancesOfBuilding(db, target.buildingId)
        : [];
      // Photos are the volunteer's own uploads, not attached yet; each goes with one finding only.
      const publicIds = [...new Set(findings.flatMap((f) => f.photoIds ?? []))];
      const known = await usableFindingPhotos(db, actor, campaign.communityId, publicIds);
      const used = new Set<string>();
      for (const [i, f] of findings.entries()) {
        if (!failed.has(f.itemKey))
          throw bad(`第${i + 1}个问题：只能登记未通过的检查项`, `findings.${i}.itemKey`);
        if (f.entranceId != null && !entrances.some((e) => e.id === f.entranceId))
          throw bad(`第${i + 1}个问题：该单元不属于这栋楼`, `findings.${i}.entranceId`);
        if (f.description.trim().length < 2)
          throw bad(`第${i + 1}个问题：请写明发现的问题`, `findings.${i}.description`);
        if (f.deadline < today) throw bad(`第${i + 1}个问题：整改期限不能早于今天`, `findings.${i}.deadline`);
        if ((f.photoIds ?? []).some((p) => !known.has(p)))
          throw bad(`第${i + 1}个问题：照片不存在，请重新上传`, `findings.${i}.photoIds`);
        if ((f.photoIds ?? []).some((p) => used.has(p)))
          throw bad(`第${i + 1}个问题：同一张照片只能用于一个问题`, `findings.${i}.photoIds`);
        for (const p of f.photoIds ?? []) used.add(p);
      }
      const missing = [...failed].filter((k) => !findings.some((f) => f.itemKey === k));
      if (missing.length) {
        const text = campaign.checklist.find((c) => c.key === missing[0])?.text ?? missing[0];
        throw bad(`“${text}”未通过：请登记发现的问题、照片和整改期限`, 'findings');
      }
      const stored = await db.transaction(async (tx) => {
        const visit = await insertVisitOnce(tx, {
          clientId: input.id,
          campaignId: campaign.id,
          communityId: campaign.communityId,
          targetId: target.id,
          outcome: CHECKED_OUTCOME,
          notes: input.notes?.trim() || null,
          checklistResults: input.results.map((r) => ({ key: r.key, passed: r.passed })),
          visitedBy: actor.accountId,
          visitedAt: checkedAt,
        });
        if (!visit) return undefined;
        const rows = await insertFindings(
          tx,
          findings.map((f) => ({
            campaignId: campaign.id,
            communityId: campaign.communityId,
            targetId: target.id,
            buildingId: target.buildingId,
            visitId: visit.id,
            itemKey: f.itemKey,
            itemText: campaign.checklist.find((c) => c.key === f.itemKey)?.text ?? f.itemKey,
            entranceId: f.entranceId ?? null,
            floor: f.floor ?? null,
            location: f.location?.trim() || null,
            description: f.description.trim(),
            photoIds: [...new Set(f.photoIds ?? [])].map((p) => known.get(p) as number),
            deadline: f.deadline,
            createdBy: actor.accountId,
          })),
        );
        for (const r of rows) await attachFindingPhotos(tx, actor, r.photoIds, r.id);
        await applyVisitToTarget(tx, target.id, visit);
        await audit.recordMany(
          rows.map((r) => ({
            actor,
            event: {
              action: 'create' as const,
              entity: 'campaign_finding',
              entityId: r.id,
              communityId: r.communityId,
              detail: {
                campaignId: campaign.id,
                buildingId: r.buildingId,
                item: r.itemText,
                deadline: r.deadline,
              },
            },
          })),
          tx,
        );
        return visit;
      });
      if (!stored) {
        const winner = await findVisitByClientId(db, input.id);
        if (!winner) throw new AppError('conflict_duplicate');
        return resentCheck(actor, id, winner);
      }
      return { check: await checkView(stored), duplicate: false };
    },

    async findings(
      actor: Actor,
      id: number,
      filter: { status?: FindingFilter | undefined; buildingId?: number | undefined },
    ) {
      if (!can(actor.role, 'campaigns.read') && !can(actor.role, 'campaigns.visit'))
        throw new AppError('forbidden');
      const campaign = await governanceCampaign(actor, id);
      const today = beijingToday();
      const rows = await listFindings(db, actor.scope, campaign.id, { ...filter, today });
      return { items: rows.map((r) => findingView(r, today)) };
    },

    /**
     * Re-check a finding: fixed closes it; withdrawn closes it with a reason; not fixed keeps it open,
     * with a new deadline when given.
     */
    async recheck(actor: Actor, id: number, findingId: number, input: RecheckInput) {
      const campaign = await governanceCampaign(actor, id);
      const finding = await findFinding(db, actor.scope, campaign.id, findingId);
      if (!finding) throw new AppError('not_found');
      if (finding.status !== 'open') throw bad('该问题已销号，无需复查 (the finding is closed)');
      const today = beijingToday();
      const closes = CLOSING_RECHECK_RESULTS.includes(input.result);
      if (input.deadline && closes) throw bad('销号的问题不需要新的整改期限', 'deadline');
      if (input.result === 'withdrawn' && (input.notes?.trim().length ?? 0) < 2)
        throw bad('撤销问题请在备注里写明原因 (say why the finding is withdrawn)', 'notes');
      if (input.deadline && input.deadline < today) throw bad('新的整改期限不能早于今天', 'deadline');
      // New photos of the re-check, or ones already attached to this finding.
      const given = [...new Set(input.photoIds ?? [])];
      const known = await usableFindingPhotos(db, actor, campaign.communityId, given, finding.id);
      if (given.some((p) => !known.has(p))) throw bad('照片不存在，请重新上传', 'photoIds');
      const photoIds = given.map((p) => known.get(p) as number);
      const changed = await db.transaction(async (tx) => {
        const ok = await recheckFinding(tx, finding.id, {
          result: input.result,
          recheckedOn: today,
          recheckedBy: actor.accountId,
          notes: input.notes?.trim() || null,
          photoIds,
          deadline: input.deadline ?? finding.deadline,
          close: closes,
        });
        if (!ok) return false;
        await attachFindingPhotos(tx, actor, photoIds, finding.id);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'campaign_finding',
            entityId: finding.id,
            communityId: finding.communityId,
            detail: { recheck: input.result, closed: closes, deadline: input.deadline ?? finding.deadline },
          },
          tx,
        );
        return true;
      });
      // Another re-check closed it between our read and our write.
      if (!changed) throw bad('该问题已销号，无需复查 (the finding is closed)');
      const after = await findFinding(db, actor.scope, campaign.id, finding.id);
      if (!after) throw new AppError('not_found');
      return { finding: findingView(after, today) };
    },
  };
  return service;
}
