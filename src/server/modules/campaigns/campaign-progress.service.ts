// Campaign progress: counts rolled up by outcome, building, person and team; the closing summary workbook.

import { isDone, isGovernance } from '../../../shared/campaigns';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import type { AuditService } from '../audit/audit.service';
import { recordExport } from '../audit/export-audit';
import { bad, campaignLookups, campaignView, percentOf } from './campaign-common';
import { findingCounts } from './campaign-findings.repo';
import { outcomesForSummary, type ProgressData, progressOf } from './campaign-progress.repo';
import { writeCampaignWorkbook } from './campaigns-export';

export function createCampaignProgress(db: Db, audit: AuditService) {
  const { campaignInScope } = campaignLookups(db);
  const service = {
    async progress(actor: Actor, id: number, minAttempts: number) {
      const campaign = await campaignInScope(actor, id);
      const [data, counts] = await Promise.all([
        progressOf(db, campaign.id, minAttempts),
        isGovernance(campaign.kind) ? findingCounts(db, campaign.id, beijingToday()) : null,
      ]);
      const summary = summarise(campaignView(campaign), data, minAttempts);
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

    /** The closing summary as Excel: progress and every household's outcome, names masked; audited. */
    async summaryWorkbook(actor: Actor, id: number) {
      if (isGovernance((await campaignInScope(actor, id)).kind))
        throw bad('楼栋治理任务请查看问题清单，入户汇总表只用于入户排查 (the summary is for screening)');
      const progress = await service.progress(actor, id, 3);
      const rows = await outcomesForSummary(db, actor.scope, id);
      await recordExport(audit, actor, {
        kind: 'campaign_summary',
        entity: 'campaign',
        entityId: id,
        communities: [{ communityId: progress.campaign.communityId, rows: rows.length }],
      });
      return writeCampaignWorkbook(progress, rows);
    },
  };
  return service;
}

const percent = percentOf;

/**
 * Rolls the per-unit counts up by outcome, building, person and team. Who covers a household: an
 * assignment of its entrance wins over one of its whole building (as in "my households").
 */
export function summarise<C extends { targetCount: number }>(
  campaign: C,
  data: ProgressData,
  minAttempts: number,
) {
  const byOutcome: Record<string, number> = {};
  const buildings = new Map<
    number,
    {
      buildingId: number;
      name: string;
      compoundId: number | null;
      compoundName: string | null;
      total: number;
      done: number;
      nobodyHome: number;
    }
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
      compoundId: u.compound_id ?? null,
      compoundName: u.compound_name ?? null,
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
    byCompound: byCompound(buildings.values()),
    byPerson,
    byTeam: [...teams.values()].map((t) => ({ ...t, percent: percent(t.done, t.total) })),
    byHour: data.hours,
    // Behind: people more than ten points under the campaign's overall rate, the furthest behind first.
    behind: withPerson.filter((r) => r.percent < overall - 10).sort((a, b) => a.percent - b.percent),
    updatedAt: new Date().toISOString(),
  };
}

/**
 * Buildings rolled up by compound, in the buildings' order: a sweep of 紫萝园 reads as five compounds, not
 * five "1号楼". Buildings straight under the community form one group without a compound (id null).
 */
export function byCompound(
  buildings: Iterable<{
    compoundId: number | null;
    compoundName: string | null;
    total: number;
    done: number;
  }>,
) {
  const groups = new Map<
    number | null,
    { compoundId: number | null; name: string | null; buildings: number; total: number; done: number }
  >();
  for (const b of buildings) {
    const g = groups.get(b.compoundId) ?? {
      compoundId: b.compoundId,
      name: b.compoundName,
      buildings: 0,
      total: 0,
      done: 0,
    };
    g.buildings += 1;
    g.total += b.total;
    g.done += b.done;
    groups.set(b.compoundId, g);
  }
  return [...groups.values()].map((g) => ({ ...g, percent: percent(g.done, g.total) }));
}
