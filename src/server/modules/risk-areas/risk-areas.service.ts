import type { RiskArea, RiskLevel } from '../../../shared/declarations';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import * as repo from './risk-areas.repo';

export interface RiskAreaInput {
  regionCode: string;
  regionName: string;
  level: RiskLevel;
  validFrom: string;
  validTo?: string | null | undefined;
  note?: string | null | undefined;
}

export function riskAreaView(row: repo.RiskAreaRow) {
  return {
    id: row.id,
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

/**
 * Risk areas are versioned: every change retires the row it replaces. After each change the people
 * whose status could depend on it are re-evaluated (`onChange`, wired to the declarations module).
 */
export function createRiskAreasService(db: Db, audit: AuditService) {
  const listeners: Array<(reason: { zh: string; en: string }) => Promise<unknown>> = [];

  async function changed(reason: { zh: string; en: string }) {
    for (const listener of listeners) await listener(reason);
  }

  return {
    onChange(listener: (reason: { zh: string; en: string }) => Promise<unknown>) {
      listeners.push(listener);
    },

    async current(): Promise<RiskArea[]> {
      return (await repo.listCurrent(db)).map((r) => ({
        regionCode: r.regionCode,
        level: r.level as RiskLevel,
        validFrom: r.validFrom,
        validTo: r.validTo,
      }));
    },

    async list(includeHistory: boolean) {
      const rows = includeHistory ? await repo.listAll(db, 500) : await repo.listCurrent(db);
      return rows.map(riskAreaView);
    },

    async create(actor: Actor, input: RiskAreaInput) {
      checkDates(input);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertArea(tx, {
          ...input,
          validTo: input.validTo ?? null,
          note: input.note ?? null,
          createdBy: actor.accountId,
        });
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'risk_area',
            entityId: created.id,
            detail: { regionCode: created.regionCode, level: created.level },
          },
          tx,
        );
        return created;
      });
      await changed({
        zh: `风险地区变更：${row.regionName}设为${levelZh(row.level)}`,
        en: `Risk area changed: ${row.regionName} set to ${row.level}`,
      });
      return riskAreaView(row);
    },

    async replace(actor: Actor, id: number, input: RiskAreaInput) {
      checkDates(input);
      const old = await repo.findCurrent(db, id);
      if (!old) throw new AppError('not_found');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertArea(tx, {
          ...input,
          validTo: input.validTo ?? null,
          note: input.note ?? null,
          createdBy: actor.accountId,
        });
        await repo.retireArea(tx, id, actor.accountId, created.id);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'risk_area',
            entityId: created.id,
            detail: { replaces: id, level: created.level },
          },
          tx,
        );
        return created;
      });
      await changed({
        zh: `风险地区变更：${row.regionName}改为${levelZh(row.level)}`,
        en: `Risk area changed: ${row.regionName} now ${row.level}`,
      });
      return riskAreaView(row);
    },

    /** A whole list at once: each region's current area is replaced, then one re-evaluation. */
    async importMany(actor: Actor, rows: RiskAreaInput[]) {
      const current = new Map((await repo.listCurrent(db)).map((r) => [r.regionCode, r]));
      await db.transaction(async (tx) => {
        for (const input of rows) {
          const created = await repo.insertArea(tx, {
            ...input,
            validTo: input.validTo ?? null,
            note: input.note ?? null,
            createdBy: actor.accountId,
          });
          const old = current.get(input.regionCode);
          if (old) await repo.retireArea(tx, old.id, actor.accountId, created.id);
        }
        await audit.record(
          actor,
          { action: 'import', entity: 'risk_area', detail: { rows: rows.length } },
          tx,
        );
      });
      await changed({
        zh: `导入风险地区名单（${rows.length}个地区）`,
        en: `Risk-area list imported (${rows.length} regions)`,
      });
      return { imported: rows.length };
    },

    async retire(actor: Actor, id: number) {
      const old = await repo.findCurrent(db, id);
      if (!old) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await repo.retireArea(tx, id, actor.accountId, null);
        await audit.record(
          actor,
          { action: 'update', entity: 'risk_area', entityId: id, detail: { retired: true } },
          tx,
        );
      });
      await changed({ zh: `风险地区撤销：${old.regionName}`, en: `Risk area lifted: ${old.regionName}` });
    },
  };
}

function levelZh(level: string) {
  return level === 'high' ? '高风险' : level === 'medium' ? '中风险' : '低风险';
}

export type RiskAreasService = ReturnType<typeof createRiskAreasService>;
