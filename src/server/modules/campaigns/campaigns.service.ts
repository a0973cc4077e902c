import { can } from '../../../shared/auth/roles';
import {
  type CampaignKind,
  CHECKED_OUTCOME,
  CHECKLIST_ITEM_MAX,
  CHECKLIST_MAX_ITEMS,
  type ChecklistItem,
  DEFAULT_CHECKLISTS,
  FINDING_PHOTO_PURPOSE,
  type FindingFilter,
  isDone,
  isGovernance,
  maskName,
  type RecheckResult,
  SCREENED_OUTCOMES,
  type VisitOutcome,
} from '../../../shared/campaigns';
import { beijingToday } from '../../../shared/declarations';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import type { DeclarationAnswers, DeclarationsService } from '../declarations/declarations.service';
import * as repo from './campaigns.repo';
import { writeCampaignWorkbook } from './campaigns-export';
import { createQuickVisitWriter } from './quick-visit-writer';
import type { VisitJson } from './quick-visits.repo';

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

export interface FindingInput {
  itemKey: string;
  entranceId?: number | null | undefined;
  floor?: number | null | undefined;
  location?: string | null | undefined;
  description: string;
  photoIds?: number[] | undefined;
  deadline: string;
}

export interface CheckInput {
  /** Made on the phone: the same check sent twice is stored once. */
  id: string;
  targetId: number;
  results: Array<{ key: string; passed: boolean }>;
  notes?: string | null | undefined;
  findings?: FindingInput[] | undefined;
}

export interface RecheckInput {
  result: RecheckResult;
  notes?: string | null | undefined;
  photoIds?: number[] | undefined;
  /** Not fixed: the new deadline (defaults to the old one). */
  deadline?: string | undefined;
}

export interface AssignmentInput {
  buildingId: number;
  entranceId?: number | null | undefined;
  accountId: number;
  team?: string | null | undefined;
}

export interface VisitInput {
  /** Made on the phone (crypto.randomUUID): the same visit sent twice is stored once. */
  id: string;
  targetId: number;
  outcome: VisitOutcome;
  notes?: string | null | undefined;
  visitedAt?: string | undefined;
  declarations?: Array<DeclarationAnswers & { residentId: number }> | undefined;
}

const bad = (detail: string, field?: string) => new AppError('validation_failed', { detail }, field);
const notScreening = () =>
  bad('这是楼栋治理任务：请按楼栋检查，不登记入户走访 (a governance campaign checks buildings)');

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

function findingView(f: repo.FindingView, today: string) {
  return { ...f, overdue: f.status === 'open' && f.deadline < today };
}
// A phone may hold a visit for a while; one from the future or from long ago is a clock mistake.
const MAX_QUEUE_AGE_MS = 7 * 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;

export function createCampaignsService(db: Db, audit: AuditService, declarations: DeclarationsService) {
  const quickVisits = createQuickVisitWriter(db);
  async function campaignInScope(actor: Actor, id: number) {
    const campaign = await repo.findCampaign(db, actor.scope, id);
    if (!campaign) throw new AppError('not_found');
    return campaign;
  }

  async function governanceCampaign(actor: Actor, id: number) {
    const campaign = await campaignInScope(actor, id);
    if (!isGovernance(campaign.kind))
      throw bad('入户排查没有检查清单和问题登记 (only governance campaigns have checks and findings)');
    return campaign;
  }

  async function checkView(v: repo.VisitRow) {
    const rows = await repo.findingsOfVisit(db, v.id);
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
  async function resentCheck(actor: Actor, campaignId: number, visit: repo.VisitRow) {
    if (visit.campaignId !== campaignId || !actor.scope.communityIds.includes(visit.communityId))
      throw new AppError('not_found');
    return { check: await checkView(visit), duplicate: true };
  }

  async function activeCampaign(actor: Actor, id: number) {
    const campaign = await campaignInScope(actor, id);
    if (campaign.status !== 'active') throw bad('该任务已结束，不能再修改 (the campaign is closed)');
    return campaign;
  }

  const view = (c: repo.CampaignRow, communityName?: string) => ({
    id: c.id,
    communityId: c.communityId,
    communityName: communityName ?? null,
    name: c.name,
    kind: c.kind as CampaignKind,
    placeIds: c.placeIds,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status as 'active' | 'closed',
    targetCount: c.targetCount,
    checklist: c.checklist,
    createdAt: c.createdAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
  });

  async function withResidents(rows: repo.TargetListRow[]) {
    const ids = rows.map((r) => r.household_id).filter((id): id is number => id != null);
    const people = await repo.residentsOfHouseholds(db, ids);
    const byHousehold = new Map<number, typeof people>();
    for (const p of people) {
      if (p.householdId == null) continue;
      const list = byHousehold.get(p.householdId) ?? [];
      list.push(p);
      byHousehold.set(p.householdId, list);
    }
    return rows.map((r) => ({
      id: r.id,
      householdId: r.household_id,
      buildingId: r.building_id,
      buildingName: r.building_name,
      entranceId: r.entrance_id,
      entranceName: r.entrance_name,
      floor: r.floor,
      room: r.room,
      outcome: r.outcome as VisitOutcome | null,
      attempts: r.attempts,
      lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at).toISOString() : null,
      residents: (r.household_id != null ? (byHousehold.get(r.household_id) ?? []) : []).map((p) => ({
        id: p.id,
        nameMasked: maskName(p.name),
        phoneMasked: p.phoneMasked,
        relationToHead: p.relationToHead,
        tags: p.tags,
      })),
    }));
  }

  const service = {
    async create(actor: Actor, input: CampaignInput) {
      assertCommunity(actor.scope, input.communityId);
      if (actor.scope.buildingIds) throw new AppError('forbidden');
      const placeIds = [...new Set(input.placeIds ?? [])];
      const found = await repo.placesOfCommunity(db, input.communityId, placeIds);
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
        const campaign = await repo.insertCampaign(tx, {
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
          ? await repo.insertTargetsFromBuildings(tx, campaign)
          : await repo.insertTargetsFromHouseholds(tx, campaign);
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
      return view(created);
    },

    async list(actor: Actor, communityId?: number) {
      const rows = await repo.listCampaigns(db, actor.scope, communityId);
      return rows.map((r) => view(r.campaign, r.communityName));
    },

    async get(actor: Actor, id: number) {
      const campaign = await campaignInScope(actor, id);
      return view(campaign);
    },

    /** Buildings and entrances with household counts, who covers each, and who may be sent. */
    async assignments(actor: Actor, id: number) {
      const campaign = await campaignInScope(actor, id);
      const [units, assigned, people] = await Promise.all([
        repo.unitsOfCampaign(db, campaign.id),
        repo.listAssignments(db, campaign.id),
        repo.fieldAccounts(db, campaign.communityId),
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
        repo.unitsOfCampaign(db, campaign.id),
        repo.fieldAccounts(db, campaign.communityId),
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
            `第${i + 1}项：${person.displayName} 不负责 ${unit.buildingName}，请先调整其负责楼栋`,
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
        await repo.upsertAssignments(tx, rows);
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
      if (!(await repo.deleteAssignment(db, campaign.id, assignmentId))) throw new AppError('not_found');
    },

    /**
     * A balanced split of the buildings among the chosen people: largest building first, each to whoever has
     * the fewest households so far among those allowed to cover it (volunteers only their own buildings).
     */
    async suggest(actor: Actor, id: number, accountIds: number[]) {
      const campaign = await campaignInScope(actor, id);
      const [units, people] = await Promise.all([
        repo.unitsOfCampaign(db, campaign.id),
        repo.fieldAccounts(db, campaign.communityId),
      ]);
      const chosen = people.filter((p) => accountIds.includes(p.id));
      if (chosen.length !== new Set(accountIds).size)
        throw bad('只能选择本社区的工作人员或志愿者', 'accountIds');
      const buildings = new Map<number, { buildingId: number; buildingName: string; households: number }>();
      for (const u of units) {
        const b = buildings.get(u.buildingId) ?? {
          buildingId: u.buildingId,
          buildingName: u.buildingName,
          households: 0,
        };
        b.households += u.households - u.done;
        buildings.set(u.buildingId, b);
      }
      const load = new Map(chosen.map((p) => [p.id, 0]));
      const items: Array<{
        buildingId: number;
        buildingName: string;
        households: number;
        accountId: number | null;
      }> = [];
      for (const b of [...buildings.values()].sort((x, y) => y.households - x.households)) {
        const allowed = chosen.filter(
          (p) => !p.scopeBuildingIds || p.scopeBuildingIds.includes(b.buildingId),
        );
        const pick = allowed.sort((x, y) => (load.get(x.id) ?? 0) - (load.get(y.id) ?? 0))[0];
        if (pick) load.set(pick.id, (load.get(pick.id) ?? 0) + b.households);
        items.push({ ...b, accountId: pick?.id ?? null });
      }
      return {
        items,
        load: chosen.map((p) => ({
          accountId: p.id,
          displayName: p.displayName,
          households: load.get(p.id) ?? 0,
        })),
      };
    },

    /** Active campaigns of the caller's communities, each with how many households are assigned to them. */
    async mine(actor: Actor) {
      const rows = await repo.listCampaigns(db, actor.scope);
      const active = rows.filter((r) => r.campaign.status === 'active');
      return Promise.all(
        active.map(async (r) => {
          const targets = await repo.targetsOfAssignee(db, actor.scope, r.campaign.id, actor.accountId);
          return {
            ...view(r.campaign, r.communityName),
            mine: targets.length,
            left: targets.filter((t) => !isDone(t.outcome)).length,
          };
        }),
      );
    },

    async myHouseholds(actor: Actor, id: number) {
      const campaign = await campaignInScope(actor, id);
      const rows = await repo.targetsOfAssignee(db, actor.scope, campaign.id, actor.accountId);
      const items = await withResidents(rows);
      return {
        campaign: view(campaign),
        total: items.length,
        left: items.filter((t) => !isDone(t.outcome)).length,
        items,
      };
    },

    async recordVisit(actor: Actor, id: number, input: VisitInput) {
      const visitedAt = input.visitedAt ? new Date(input.visitedAt) : new Date();
      const now = Date.now();
      if (visitedAt.getTime() > now + CLOCK_SKEW_MS || visitedAt.getTime() < now - MAX_QUEUE_AGE_MS)
        throw bad('走访时间不对，请检查手机时间 (the visit time is off; check the phone clock)', 'visitedAt');
      const forms = input.declarations ?? [];
      const screened = SCREENED_OUTCOMES.includes(input.outcome);
      if (!screened && forms.length) throw bad('只有“入户排查”或“电话排查”需要填写登记表', 'declarations');
      if (!screened) return service.recordQuickVisit(actor, id, input, visitedAt);
      // The same visit again (the phone did not hear the answer): the first one stands.
      const earlier = await repo.findVisitByClientId(db, input.id);
      if (earlier) return resent(actor, id, earlier);
      const campaign = await activeCampaign(actor, id);
      if (isGovernance(campaign.kind)) throw notScreening();
      const target = await repo.findTarget(db, actor.scope, campaign.id, input.targetId);
      if (!target) throw new AppError('not_found');
      const people = target.householdId ? await repo.residentsOfHouseholds(db, [target.householdId]) : [];
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
        forms.length ? declarations.basis() : null,
        Promise.all(
          forms.map((f) => declarations.acceptForm(campaign.communityId, f.formVersionId, f.extra)),
        ),
      ]);
      const channel = input.outcome === 'phone' ? 'phone' : 'door_to_door';
      const stored = await db.transaction(async (tx) => {
        const visit = await repo.insertVisitOnce(tx, {
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
        if (declarationIds.length) await repo.setVisitDeclarations(tx, visit.id, declarationIds);
        await repo.applyVisitToTarget(tx, target.id, visit);
        return { ...visit, declarationIds };
      });
      if (!stored) {
        const winner = await repo.findVisitByClientId(db, input.id);
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
        const winner = await repo.findVisitByClientId(db, input.id);
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
      const target = await repo.findTarget(db, actor.scope, campaign.id, targetId);
      if (!target) throw new AppError('not_found');
      const visits = await repo.visitsOfTarget(db, target.id);
      return visits.map((v) => ({ ...v, visitedAt: v.visitedAt.toISOString() }));
    },

    async progress(actor: Actor, id: number, minAttempts: number) {
      const campaign = await campaignInScope(actor, id);
      const [data, counts] = await Promise.all([
        repo.progressOf(db, campaign.id, minAttempts),
        isGovernance(campaign.kind) ? repo.findingCounts(db, campaign.id, beijingToday()) : null,
      ]);
      const summary = summarise(view(campaign), data, minAttempts);
      if (!counts) return { ...summary, findings: null };
      const byBuilding = new Map(counts.map((c) => [c.building_id, c]));
      const sum = (k: 'open' | 'overdue' | 'closed') => counts.reduce((n, c) => n + c[k], 0);
      return {
        ...summary,
        byBuilding: summary.byBuilding.map((b) => ({
          ...b,
          openFindings: byBuilding.get(b.buildingId)?.open ?? 0,
          overdueFindings: byBuilding.get(b.buildingId)?.overdue ?? 0,
        })),
        findings: { open: sum('open'), overdue: sum('overdue'), closed: sum('closed') },
      };
    },

    /** Governance: the campaign's buildings (volunteers: theirs), checked or not, with open findings. */
    async buildings(actor: Actor, id: number) {
      const campaign = await governanceCampaign(actor, id);
      const rows = await repo.buildingTargets(db, actor.scope, campaign.id, beijingToday());
      return {
        campaign: view(campaign),
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
      const target = await repo.findTarget(db, actor.scope, campaign.id, targetId);
      if (!target) throw new AppError('not_found');
      return { items: await repo.entrancesOfBuilding(db, target.buildingId) };
    },

    /**
     * A governance check of one building: every checklist item passed or failed, and each failed item with
     * at least one finding (place, description, photos already uploaded, deadline). The check, its findings,
     * the target's state and the audit rows land in one transaction; the same check sent again is stored once.
     */
    async recordCheck(actor: Actor, id: number, input: CheckInput) {
      const earlier = await repo.findVisitByClientId(db, input.id);
      if (earlier) return resentCheck(actor, id, earlier);
      const campaign = await governanceCampaign(actor, id);
      if (campaign.status !== 'active') throw bad('该任务已结束，不能再修改 (the campaign is closed)');
      const target = await repo.findTarget(db, actor.scope, campaign.id, input.targetId);
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
        ? await repo.entrancesOfBuilding(db, target.buildingId)
        : [];
      const photoIds = [...new Set(findings.flatMap((f) => f.photoIds ?? []))];
      const known = await repo.findingPhotos(db, campaign.communityId, FINDING_PHOTO_PURPOSE, photoIds);
      for (const [i, f] of findings.entries()) {
        if (!failed.has(f.itemKey))
          throw bad(`第${i + 1}个问题：只能登记未通过的检查项`, `findings.${i}.itemKey`);
        if (f.entranceId != null && !entrances.some((e) => e.id === f.entranceId))
          throw bad(`第${i + 1}个问题：该单元不属于这栋楼`, `findings.${i}.entranceId`);
        if (f.description.trim().length < 2)
          throw bad(`第${i + 1}个问题：请写明发现的问题`, `findings.${i}.description`);
        if (f.deadline < today) throw bad(`第${i + 1}个问题：整改期限不能早于今天`, `findings.${i}.deadline`);
        if ((f.photoIds ?? []).some((p) => !known.includes(p)))
          throw bad(`第${i + 1}个问题：照片不存在，请重新上传`, `findings.${i}.photoIds`);
      }
      const missing = [...failed].filter((k) => !findings.some((f) => f.itemKey === k));
      if (missing.length) {
        const text = campaign.checklist.find((c) => c.key === missing[0])?.text ?? missing[0];
        throw bad(`“${text}”未通过：请登记发现的问题、照片和整改期限`, 'findings');
      }
      const stored = await db.transaction(async (tx) => {
        const visit = await repo.insertVisitOnce(tx, {
          clientId: input.id,
          campaignId: campaign.id,
          communityId: campaign.communityId,
          targetId: target.id,
          outcome: CHECKED_OUTCOME,
          notes: input.notes?.trim() || null,
          checklistResults: input.results.map((r) => ({ key: r.key, passed: r.passed })),
          visitedBy: actor.accountId,
          visitedAt: new Date(),
        });
        if (!visit) return undefined;
        const rows = await repo.insertFindings(
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
            photoIds: [...new Set(f.photoIds ?? [])],
            deadline: f.deadline,
            createdBy: actor.accountId,
          })),
        );
        await repo.applyVisitToTarget(tx, target.id, visit);
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
        const winner = await repo.findVisitByClientId(db, input.id);
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
      const rows = await repo.listFindings(db, actor.scope, campaign.id, { ...filter, today });
      return { items: rows.map((r) => findingView(r, today)) };
    },

    /** Re-check a finding: fixed closes it; not fixed keeps it open, with a new deadline when given. */
    async recheck(actor: Actor, id: number, findingId: number, input: RecheckInput) {
      const campaign = await governanceCampaign(actor, id);
      const finding = await repo.findFinding(db, actor.scope, campaign.id, findingId);
      if (!finding) throw new AppError('not_found');
      if (finding.status !== 'open') throw bad('该问题已销号，无需复查 (the finding is closed)');
      const today = beijingToday();
      const fixed = input.result === 'fixed';
      if (input.deadline && fixed) throw bad('已整改的问题不需要新的整改期限', 'deadline');
      if (input.deadline && input.deadline < today) throw bad('新的整改期限不能早于今天', 'deadline');
      const photoIds = [...new Set(input.photoIds ?? [])];
      const known = await repo.findingPhotos(db, campaign.communityId, FINDING_PHOTO_PURPOSE, photoIds);
      if (photoIds.some((p) => !known.includes(p))) throw bad('照片不存在，请重新上传', 'photoIds');
      const changed = await db.transaction(async (tx) => {
        const ok = await repo.recheckFinding(tx, finding.id, {
          result: input.result,
          recheckedOn: today,
          recheckedBy: actor.accountId,
          notes: input.notes?.trim() || null,
          photoIds,
          deadline: input.deadline ?? finding.deadline,
          close: fixed,
        });
        if (!ok) return false;
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'campaign_finding',
            entityId: finding.id,
            communityId: finding.communityId,
            detail: { recheck: input.result, closed: fixed, deadline: input.deadline ?? finding.deadline },
          },
          tx,
        );
        return true;
      });
      // Another re-check closed it between our read and our write.
      if (!changed) throw bad('该问题已销号，无需复查 (the finding is closed)');
      const after = await repo.findFinding(db, actor.scope, campaign.id, finding.id);
      if (!after) throw new AppError('not_found');
      return { finding: findingView(after, today) };
    },

    /** Households where nobody was home: to phone, then to visit again; `minAttempts` finds the never reached. */
    async queue(actor: Actor, id: number, minAttempts: number) {
      const campaign = await campaignInScope(actor, id);
      const rows = await repo.nobodyHomeTargets(db, actor.scope, campaign.id, minAttempts);
      const items = await withResidents(rows);
      return { items: items.map((item, i) => ({ ...item, assignee: rows[i]?.assignee ?? null })) };
    },

    async close(actor: Actor, id: number) {
      const campaign = await activeCampaign(actor, id);
      await db.transaction(async (tx) => {
        await repo.closeCampaign(tx, campaign.id);
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

    /** The closing summary as Excel: progress and every household's outcome, names masked; audited. */
    async summaryWorkbook(actor: Actor, id: number) {
      if (isGovernance((await campaignInScope(actor, id)).kind))
        throw bad('楼栋治理任务请查看问题清单，入户汇总表只用于入户排查 (the summary is for screening)');
      const progress = await service.progress(actor, id, 3);
      const rows = await repo.outcomesForSummary(db, actor.scope, id);
      await audit.record(actor, {
        action: 'export',
        entity: 'campaign',
        entityId: id,
        communityId: progress.campaign.communityId,
        detail: { rows: rows.length },
      });
      return writeCampaignWorkbook(progress, rows);
    },
  };
  return service;
}

const percent = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 1000) / 10);

/**
 * Rolls the per-unit counts up by outcome, building, person and team. Who covers a household: an
 * assignment of its entrance wins over one of its whole building (as in "my households").
 */
export function summarise<C extends { targetCount: number }>(
  campaign: C,
  data: repo.ProgressData,
  minAttempts: number,
) {
  const byOutcome: Record<string, number> = {};
  const buildings = new Map<
    number,
    { buildingId: number; name: string; total: number; done: number; nobodyHome: number }
  >();
  const people = new Map<
    string,
    { accountId: number | null; name: string | null; team: string | null; total: number; done: number }
  >();
  const assigned = new Map(data.assignments.map((a) => [`${a.building_id}:${a.entrance_id ?? 0}`, a]));
  let done = 0;
  let neverReached = 0;
  for (const u of data.units) {
    const key = u.outcome ?? 'not_visited';
    byOutcome[key] = (byOutcome[key] ?? 0) + u.n;
    const finished = isDone(u.outcome);
    if (finished) done += u.n;
    else neverReached += u.tried;
    const b = buildings.get(u.building_id) ?? {
      buildingId: u.building_id,
      name: u.building_name,
      total: 0,
      done: 0,
      nobodyHome: 0,
    };
    b.total += u.n;
    if (finished) b.done += u.n;
    if (u.outcome === 'nobody_home') b.nobodyHome += u.n;
    buildings.set(u.building_id, b);
    const a =
      (u.entrance_id != null ? assigned.get(`${u.building_id}:${u.entrance_id}`) : undefined) ??
      assigned.get(`${u.building_id}:0`);
    const personKey = a ? `${a.account_id}:${a.team ?? ''}` : 'none';
    const p = people.get(personKey) ?? {
      accountId: a?.account_id ?? null,
      name: a?.name ?? null,
      team: a?.team ?? null,
      total: 0,
      done: 0,
    };
    p.total += u.n;
    if (finished) p.done += u.n;
    people.set(personKey, p);
  }
  const total = campaign.targetCount;
  const overall = percent(done, total);
  const byPerson = [...people.values()]
    .map((p) => ({ ...p, percent: percent(p.done, p.total) }))
    .sort((a, b) =>
      a.accountId === null ? 1 : b.accountId === null ? -1 : (a.name ?? '').localeCompare(b.name ?? ''),
    );
  const withPerson = byPerson.filter((r) => r.accountId != null);
  const teams = new Map<string, { team: string; total: number; done: number }>();
  for (const r of withPerson) {
    const t = teams.get(r.team ?? '') ?? { team: r.team ?? '', total: 0, done: 0 };
    t.total += r.total;
    t.done += r.done;
    teams.set(r.team ?? '', t);
  }
  return {
    campaign,
    total,
    done,
    percent: overall,
    byOutcome,
    minAttempts,
    neverReached,
    byBuilding: [...buildings.values()].map((b) => ({ ...b, percent: percent(b.done, b.total) })),
    byPerson,
    byTeam: [...teams.values()].map((t) => ({ ...t, percent: percent(t.done, t.total) })),
    byHour: data.hours,
    // Behind: people more than ten points under the campaign's overall rate, the furthest behind first.
    behind: withPerson.filter((r) => r.percent < overall - 10).sort((a, b) => a.percent - b.percent),
    updatedAt: new Date().toISOString(),
  };
}

type StoredVisit = Omit<repo.VisitRow, 'receivedAt' | 'checklistResults'>;

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

export type CampaignsService = ReturnType<typeof createCampaignsService>;
