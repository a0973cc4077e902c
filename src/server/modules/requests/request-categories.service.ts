import type { LimitUnit } from '../../../shared/requests';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { isRootScope } from '../auth/scope';
import * as repo from './requests.repo';

export interface CategoryInput {
  name?: string | undefined;
  contactLimit?: number | undefined;
  contactUnit?: LimitUnit | undefined;
  resolveLimit?: number | undefined;
  resolveUnit?: LimitUnit | undefined;
  retired?: boolean | undefined;
}

function categoryView(row: repo.CategoryRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contactLimit: row.contactLimit,
    contactUnit: row.contactUnit as LimitUnit,
    resolveLimit: row.resolveLimit,
    resolveUnit: row.resolveUnit as LimitUnit,
    retired: row.retired,
  };
}

/** The categories of requests and their time limits, as data (deadlines are computed in `deadlines.ts`). */
export function createRequestCategories(db: Db, audit: AuditService) {
  return {
    async categories() {
      return (await repo.listCategories(db, true)).map(categoryView);
    },

    /** Time limits are the same for every community: only an officer at the top of the tree edits them. */
    async updateCategory(actor: Actor, id: number, input: CategoryInput) {
      if (!isRootScope(actor.scope)) throw new AppError('forbidden');
      const found = await repo.findCategory(db, id);
      if (!found) throw new AppError('not_found');
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateCategory(tx, id, {
          ...input,
          updatedBy: actor.accountId,
          updatedAt: new Date(),
        });
        await audit.record(
          actor,
          { action: 'update', entity: 'request_category', entityId: id, detail: { ...input } },
          tx,
        );
        return row;
      });
      if (!updated) throw new AppError('not_found');
      return categoryView(updated);
    },
  };
}
