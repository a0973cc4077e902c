// Shared by the campaign services: validation errors, the campaign as answered, scoped look-ups.
import { type CampaignKind, maskName, type VisitOutcome } from '../../../shared/campaigns';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { type CampaignRow, findCampaign, residentsOfHouseholds, type TargetListRow } from './campaigns.repo';

export const bad = (detail: string, field?: string) => new AppError('validation_failed', { detail }, field);

export const campaignView = (c: CampaignRow, communityName?: string) => ({
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

/** Percent done with one decimal, the same figure on the list and on the progress page. */
export const percentOf = (done: number, total: number) =>
  total === 0 ? 0 : Math.round((done / total) * 1000) / 10;

/** What the campaigns list shows beside each sweep: done of total (households, or buildings) and the percent. */
export const progressFigures = (c: CampaignRow, done: number) => ({
  done,
  percent: percentOf(done, c.targetCount),
});

/** Look-ups every part needs, built once per service so the parts cannot disagree on scope or state. */
export function campaignLookups(db: Db) {
  async function campaignInScope(actor: Actor, id: number) {
    const campaign = await findCampaign(db, actor.scope, id);
    if (!campaign) throw new AppError('not_found');
    return campaign;
  }

  async function activeCampaign(actor: Actor, id: number) {
    const campaign = await campaignInScope(actor, id);
    if (campaign.status !== 'active') throw bad('该任务已结束，不能再修改 (the campaign is closed)');
    return campaign;
  }

  /** Targets as the door lists show them: each household with its residents, names masked. */
  async function withResidents(rows: TargetListRow[]) {
    const ids = rows.map((r) => r.household_id).filter((id): id is number => id != null);
    const people = await residentsOfHouseholds(db, ids);
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
      compoundName: r.compound_name,
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

  return { campaignInScope, activeCampaign, withResidents };
}

// A phone may hold a visit or a check for a while; one from the future or from long ago is a clock mistake.
const MAX_QUEUE_AGE_MS = 7 * 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/** When the phone says it happened (now when it does not say), refused when the phone's clock is off. */
export function phoneTime(value: string | undefined, field: string): Date {
  const at = value ? new Date(value) : new Date();
  const now = Date.now();
  if (at.getTime() > now + CLOCK_SKEW_MS || at.getTime() < now - MAX_QUEUE_AGE_MS)
    throw bad('时间不对，请检查手机时间 (the time is off; check the phone clock)', field);
  return at;
}
