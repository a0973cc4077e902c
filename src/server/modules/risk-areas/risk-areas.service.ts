import { can } from '../../../shared/auth/roles';
import type { RiskArea, RiskLevel } from '../../../shared/declarations';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { placeInScope } from '../auth/scope';
import { lineOf, loadPolicyPlace } from '../places/place-line';
import type { PlaceRow } from '../places/places.repo';
import * as repo from './risk-areas.repo';

export interface RiskAreaInput {
  regionCode: string;
  regionName: string;
  level: RiskLevel;
  validFrom: string;
  validTo?: string | null | undefined;
  note?: string | null | undefined;
}

/** What changed, for the re-evaluation: the place whose communities' residents may be judged again. */
export interface RiskAreaChange {
  placeId: number;
  reason: { zh: string; en: string };
}

export function riskAreaView(row: repo.RiskAreaRow) {
  return {
    id: row.id,
    placeId: row.placeId as number,
    regionCode: row.regionCode,
    regionName: row.regionName,
    level: row.level as RiskLevel,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    replacedBy: row.replacedBy,
  };
}

function checkDates(input: RiskAreaInput) {
  if (input.validTo && input.validTo < input.validFrom)
    throw new AppError('validation_failed', { detail: '结束日期早于开始日期' }, 'validTo');
}

const LEVEL_ZH: Record<string, string> = { high: '高风险', medium: '中风险', low: '低风险' };
const levelZh = (level: string) => LEVEL_ZH[level] ?? level;

/**
 * Risk areas belong to a place: a community reads the areas of every place on its way up (the city's,
 * its district's, its sub-district's, its own), and an officer changes only those of their place and
 * below. Versioned: every change retires the row it replaces. After each change the residents of the
 * communities under that place are re-evaluated (`onChange`, wired to the declarations module).
 */
export function createRiskAreasService(db: Db, audit: AuditService) {
  const listeners: Array<(change: RiskAreaChange) => Promise<unknown>> = [];

  async function changed(change: RiskAreaChange) {
    for (const listener of listeners) await listener(change);
  }

  /** A current area the actor may change, or the same 404 as a missing one. */
  async function loadOwn(actor: Actor, id: number) {
    const found = await repo.findCurrent(db, id);
    if (!found || !placeInScope(actor.scope, found.place)) throw new AppError('not_found');
    return found;
  }

  /** Refuses a second copy of an area already in force (the transaction holds the region's lock). */
  async function refuseSame(tx: DbOrTx, place: PlaceRow, input: RiskAreaInput, exceptId: number | null) {
    await repo.lockRegion(tx, place.id, input.regionCode);
    const same = await repo.findSame(
      tx,
      { ...input, placeId: place.id, validTo: input.validTo ?? null },
      exceptId,
    );
    if (same)
      throw new AppError(
        'duplicate_risk_area',
        {
          place: place.name,
          region: same.regionName,
          period: `${same.validFrom} ~ ${same.validTo ?? '…'}`,
        },
        'regionCode',
      );
  }

  const values = (place: PlaceRow, actor: Actor, input: RiskAreaInput) => ({
    ...input,
    placeId: place.id,
    validTo: input.validTo ?? null,
    note: input.note ?? null,
    createdBy: actor.accountId,
  });

  return {
    onChange(listener: (change: RiskAreaChange) => Promise<unknown>) {
      listeners.push(listener);
    },

    /** The areas in force set at any of these places (a community's line), for judging. */
    async currentAt(placeIds: number[]): Promise<Array<RiskArea & { placeId: number }>> {
      return (await repo.currentAt(db, placeIds)).map((r) => ({
        placeId: r.placeId as number,
        regionCode: r.regionCode,
        level: r.level as RiskLevel,
        validFrom: r.validFrom,
        validTo: r.validTo,
      }));
    },

    /**
     * The areas that apply at the actor's place (or a place under it): those set above it, read-only,
     * and those set at it and below, which an officer may change.
     */
    async list(actor: Actor, options: { history: boolean; placeId?: number | undefined }) {
      const place = await loadPolicyPlace(db, actor.scope, options.placeId);
      const rows = await repo.listAround(db, place, lineOf(place), options.history);
      const writer = can(actor.role, 'rules.write');
      return rows.map((row) => ({
        ...riskAreaView(row),
        placeName: row.placeName,
        editable: writer && placeInScope(actor.scope, { id: row.placeId as number, path: row.placePath }),
      }));
    },

    async create(actor: Actor, input: RiskAreaInput & { placeId?: number | undefined }) {
      checkDates(input);
      const place = await loadPolicyPlace(db, actor.scope, input.placeId);
      const { placeId: _chosen, ...area } = input;
      const row = await db.transaction(async (tx) => {
        await refuseSame(tx, place, area, null);
        const created = await repo.insertArea(tx, values(place, actor, area));
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'risk_area',
            entityId: created.id,
            detail: { placeId: place.id, regionCode: created.regionCode, level: created.level },
          },
          tx,
        );
        return created;
      });
      await changed({
        placeId: place.id,
        reason: {
          zh: `风险地区变更：${place.name}将${row.regionName}设为${levelZh(row.level)}`,
          en: `Risk area changed: ${place.name} set ${row.regionName} to ${row.level}`,
        },
      });
      return riskAreaView(row);
    },

    /** A new version of an area, at the same place (an area does not move to another place). */
    async replace(actor: Actor, id: number, input: RiskAreaInput) {
      checkDates(input);
      const { place } = await loadOwn(actor, id);
      const row = await db.transaction(async (tx) => {
        await refuseSame(tx, place, input, id);
        const created = await repo.insertArea(tx, values(place, actor, input));
        await repo.retireArea(tx, id, actor.accountId, created.id);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'risk_area',
            entityId: created.id,
            detail: { placeId: place.id, replaces: id, level: created.level },
          },
          tx,
        );
        return created;
      });
      await changed({
        placeId: place.id,
        reason: {
          zh: `风险地区变更：${place.name}将${row.regionName}改为${levelZh(row.level)}`,
          en: `Risk area changed: ${place.name} now has ${row.regionName} at ${row.level}`,
        },
      });
      return riskAreaView(row);
    },

    /**
     * A whole list at once for one place: for each region in the list, what is in force at that place
     * is replaced by the list's rows (a row identical to one in force keeps it), then one re-evaluation.
     */
    async importMany(actor: Actor, rows: RiskAreaInput[], placeId?: number) {
      const place = await loadPolicyPlace(db, actor.scope, placeId);
      const regions = [...new Set(rows.map((r) => r.regionCode))];
      const outcome = await db.transaction(async (tx) => {
        for (const region of regions.sort()) await repo.lockRegion(tx, place.id, region);
        const current = await repo.currentOfRegions(tx, place.id, regions);
        const kept = new Set<number>();
        const firstNew = new Map<string, number>();
        let imported = 0;
        for (const input of rows) {
          const same = current.find(
            (c) =>
              c.regionCode === input.regionCode &&
              c.level === input.level &&
              c.validFrom === input.validFrom &&
              c.validTo === (input.validTo ?? null) &&
              !kept.has(c.id),
          );
          if (same) {
            kept.add(same.id);
            continue;
          }
          const created = await repo.insertArea(tx, values(place, actor, input));
          if (!firstNew.has(input.regionCode)) firstNew.set(input.regionCode, created.id);
          imported += 1;
        }
        const replaced = current.filter((c) => !kept.has(c.id));
        for (const old of replaced)
          await repo.retireArea(tx, old.id, actor.accountId, firstNew.get(old.regionCode) ?? null);
        await audit.record(
          actor,
          {
            action: 'import',
            entity: 'risk_area',
            detail: { placeId: place.id, rows: rows.length, imported, unchanged: kept.size },
          },
          tx,
        );
        return { imported, unchanged: kept.size, replaced: replaced.length };
      });
      if (outcome.imported > 0 || outcome.replaced > 0)
        await changed({
          placeId: place.id,
          reason: {
            zh: `${place.name}导入风险地区名单（${rows.length}个地区）`,
            en: `${place.name} imported a risk-area list (${rows.length} regions)`,
          },
        });
      return { imported: outcome.imported, unchanged: outcome.unchanged };
    },

    async retire(actor: Actor, id: number) {
      const { area, place } = await loadOwn(actor, id);
      await db.transaction(async (tx) => {
        await repo.retireArea(tx, id, actor.accountId, null);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'risk_area',
            entityId: id,
            detail: { placeId: place.id, retired: true },
          },
          tx,
        );
      });
      await changed({
        placeId: place.id,
        reason: {
          zh: `风险地区撤销：${place.name}撤销${area.regionName}`,
          en: `Risk area lifted: ${place.name} lifted ${area.regionName}`,
        },
      });
    },
  };
}

export type RiskAreasService = ReturnType<typeof createRiskAreasService>;
