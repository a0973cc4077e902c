import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { LimitUnit } from '../../../shared/requests';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { readXlsxRows } from '../imports/roster/read-xlsx';
import { sealPhone } from '../people/people.service';
import { deadlineFrom } from './deadlines';
import { type HotlineColumns, type HotlineRow, hotlineColumns, readHotlineRow } from './hotline-sheet';
import type { RequestRecords } from './request-records';
import * as repo from './requests.repo';
import { requests as requestsTable } from './requests.table';

// The header is looked for in the first rows: platform exports often put a title and a date range above it.
const HEADER_SEARCH_ROWS = 10;
const MAX_ROWS = 20_000;
// Orders written per transaction: one statement each for the requests, their events and their audit rows.
const BATCH = 500;

type NewRow = Parameters<typeof repo.insertRequestsSkippingKnown>[1][number];

export interface HotlineImportResult {
  imported: Array<{ row: number; orderNumber: string; id: number }>;
  duplicates: Array<{ row: number; orderNumber: string }>;
  refused: Array<{ row: number; orderNumber: string | null; reason: string }>;
}

/** A category named by the sheet: the exact name, else one whose name the sheet's words contain (or v.v.). */
function categoryFor(categories: repo.CategoryRow[], named: string, fallback: repo.CategoryRow) {
  const word = named.trim();
  if (!word) return fallback;
  return (
    categories.find((c) => c.name === word) ??
    categories.find((c) => word.includes(c.name) || c.name.includes(word)) ??
    fallback
  );
}

/**
 * 12345 work orders imported from the city platform's Excel export into one community's requests. Each
 * row stands alone: a bad one is refused with its Chinese reason and the others are kept. The platform's
 * order number (工单编号) is kept on the request, and the unique index (community_id, order_number) makes
 * a re-import of the same file report the rows as duplicates instead of recording them twice.
 */
export function createHotlineImport(db: Db, vault: Vault, audit: AuditService, records: RequestRecords) {
  async function readSheet(stream: Readable) {
    let columns: HotlineColumns | undefined;
    const rows: Array<
      | { ok: true; row: HotlineRow }
      | { ok: false; rowNumber: number; orderNumber: string | null; reason: string }
    > = [];
    try {
      for await (const raw of readXlsxRows(stream, { keepTime: true })) {
        if (!columns) {
          columns = hotlineColumns(raw.cells);
          if (!columns && raw.rowNumber >= HEADER_SEARCH_ROWS) break;
          continue;
        }
        if (raw.cells.every((cell) => !cell)) continue;
        if (rows.length >= MAX_ROWS)
          throw new AppError('validation_failed', { detail: `一次最多导入${MAX_ROWS}条工单` }, 'file');
        const checked = readHotlineRow(raw, columns);
        rows.push(checked.ok ? checked : { ...checked, rowNumber: raw.rowNumber });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('validation_failed', { detail: '文件无法读取，请上传 Excel（.xlsx）文件' }, 'file');
    }
    if (!columns)
      throw new AppError(
        'validation_failed',
        { detail: '没有找到表头：须有“工单编号”和“诉求内容”（或“问题描述”）两列' },
        'file',
      );
    return rows;
  }

  async function existingOrders(communityId: number, numbers: string[]) {
    const known = new Set<string>();
    for (let i = 0; i < numbers.length; i += 1000) {
      const found = await db
        .select({ orderNumber: requestsTable.orderNumber })
        .from(requestsTable)
        .where(
          and(
            eq(requestsTable.communityId, communityId),
            inArray(requestsTable.orderNumber, numbers.slice(i, i + 1000)),
          ),
        );
      for (const f of found) if (f.orderNumber) known.add(f.orderNumber);
    }
    return known;
  }

  function deadlinesOf(row: HotlineRow, category: repo.CategoryRow, receivedAt: Date) {
    const fromCategory = records.deadlines(category, receivedAt);
    const d = row.deadline;
    if (!d) return fromCategory;
    const resolveDeadline = d.kind === 'at' ? d.at : deadlineFrom(receivedAt, d.amount, d.unit as LimitUnit);
    // The first contact is never due after the resolution.
    const contactDeadline = new Date(
      Math.min(fromCategory.contactDeadline.getTime(), resolveDeadline.getTime()),
    );
    return { contactDeadline, resolveDeadline };
  }

  return {
    async importHotline(actor: Actor, communityId: number, fileName: string, stream: Readable) {
      assertCommunity(actor.scope, communityId);
      const rows = await readSheet(stream);
      const categories = await repo.listCategories(db);
      const fallback = categories.find((c) => c.code === 'general') ?? categories[0];
      if (!fallback) throw new AppError('validation_failed', { detail: '尚未设置诉求类别' }, 'categoryId');
      const result: HotlineImportResult = { imported: [], duplicates: [], refused: [] };
      const good = rows.flatMap((r) => (r.ok ? [r.row] : []));
      const known = await existingOrders(
        communityId,
        good.map((r) => r.orderNumber),
      );
      const now = Date.now();
      const batch: Array<{ row: HotlineRow; values: NewRow }> = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const pending = batch.splice(0);
        const inserted = await db.transaction(async (tx) => {
          const rows = await repo.insertRequestsSkippingKnown(
            tx,
            pending.map((p) => p.values),
          );
          await repo.insertEvents(
            tx,
            rows.map((r) => ({
              requestId: r.id,
              communityId: r.communityId,
              kind: 'receive',
              at: r.receivedAt,
              accountId: actor.accountId,
              accountName: actor.displayName,
              note: `12345工单导入（${r.orderNumber ?? ''}）`,
            })),
          );
          await audit.recordMany(
            rows.map((r) => ({
              actor,
              event: { action: 'create', entity: 'request', entityId: r.id, communityId: r.communityId },
            })),
            tx,
          );
          return rows;
        });
        const ids = new Map(inserted.map((r) => [r.orderNumber, r.id]));
        for (const { row } of pending) {
          const id = ids.get(row.orderNumber);
          // Skipped by the unique index: recorded meanwhile by someone else.
          if (id === undefined) result.duplicates.push({ row: row.rowNumber, orderNumber: row.orderNumber });
          else result.imported.push({ row: row.rowNumber, orderNumber: row.orderNumber, id });
        }
      };
      for (const checked of rows) {
        if (!checked.ok) {
          result.refused.push({
            row: checked.rowNumber,
            orderNumber: checked.orderNumber,
            reason: checked.reason,
          });
          continue;
        }
        const row = checked.row;
        if (known.has(row.orderNumber)) {
          result.duplicates.push({ row: row.rowNumber, orderNumber: row.orderNumber });
          continue;
        }
        const receivedAt = row.receivedAt ?? new Date(now);
        if (receivedAt.getTime() > now + 5 * 60_000) {
          result.refused.push({
            row: row.rowNumber,
            orderNumber: row.orderNumber,
            reason: '来电时间晚于现在',
          });
          continue;
        }
        const category = categoryFor(categories, row.category, fallback);
        // Known from here on: the same order twice in the file is a duplicate, not a second insert.
        known.add(row.orderNumber);
        batch.push({
          row,
          values: {
            communityId,
            requesterName: row.requesterName,
            ...sealPhone(vault, row.phone),
            categoryId: category.id,
            text: row.address ? `${row.text}\n地址：${row.address}` : row.text,
            channel: 'hotline_12345',
            orderNumber: row.orderNumber,
            receivedAt,
            ...deadlinesOf(row, category, receivedAt),
            createdBy: actor.accountId,
          },
        });
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      // In the order of the file, whichever batch a row was settled in.
      result.imported.sort((a, b) => a.row - b.row);
      result.duplicates.sort((a, b) => a.row - b.row);
      await audit.record(actor, {
        action: 'import',
        entity: 'request',
        communityId,
        detail: {
          source: 'hotline_12345',
          fileName: fileName.slice(0, 200),
          imported: result.imported.length,
          duplicates: result.duplicates.length,
          refused: result.refused.length,
        },
      });
      return result;
    },
  };
}
