import type { PersonStatus } from '../../../shared/declarations';
import { addressLabel } from '../../../shared/places/address-label';
import { HOLD_REASON_LABELS, type HoldReason, type StatusSource } from '../../../shared/status';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { updateResident } from '../people/people.repo';
import { recordStatusChange } from '../status/status.service';
import { receiptNumber } from './declaration-receipt';
import * as reviews from './declaration-reviews.repo';

const CONFIRMED = {
  zh: '居民自报，经工作人员确认',
  en: "The resident's own declaration, confirmed by staff",
};

/**
 * The review queue: residents' own declarations that changed no status (the typed name is not the
 * registry's, the person is verified and it would change their status, or it would lower what staff,
 * the gate or observation set). Staff of the community confirm them — the status becomes staff's — or
 * reject them with a reason; both are audited. Volunteers never see or decide them (`declarations.review`).
 */
export function createDeclarationReviewsService(db: Db, audit: AuditService) {
  async function pendingInScope(actor: Actor, declarationId: number) {
    const found = await reviews.findReviewInScope(db, actor.scope, declarationId);
    if (!found) throw new AppError('not_found');
    if (found.review.state !== 'pending') throw new AppError('review_decided');
    return found;
  }

  return {
    async list(actor: Actor, filter: { communityId?: number | undefined; page: number; pageSize: number }) {
      const { items, total } = await reviews.listPending(db, actor.scope, filter);
      return {
        total,
        items: items.map((row) => ({
          declarationId: row.review.declarationId,
          receiptNo: receiptNumber({
            id: row.review.declarationId,
            declaredAt: row.declaredAt.toISOString(),
          }),
          residentId: row.review.residentId,
          communityId: row.review.communityId,
          /** The registry's name, and what was typed when that differs (both shown side by side). */
          name: row.name,
          typedName: row.review.typedName,
          verified: row.verified,
          address: addressLabel(row),
          reasons: row.review.reasons as HoldReason[],
          reasonLabels: (row.review.reasons as HoldReason[]).map((r) => HOLD_REASON_LABELS[r]),
          fromStatus: row.review.fromStatus as PersonStatus | null,
          currentStatus: (row.currentStatus ?? null) as PersonStatus | null,
          currentSource: (row.currentSource ?? null) as StatusSource | null,
          toStatus: row.review.toStatus as PersonStatus,
          statusReason: row.review.statusReason,
          observationUntil: row.review.observationUntil,
          declaredAt: row.declaredAt.toISOString(),
        })),
      };
    },

    /**
     * Applies the declaration's status as staff's. `expectedStatus` is the status staff saw beside it
     * (null: none): when it changed meanwhile (the gate referred the person, say) nothing is applied and
     * staff look again. The registry's name stays unless `correctName` takes the typed one.
     */
    async confirm(
      actor: Actor,
      declarationId: number,
      input: { expectedStatus?: PersonStatus | null | undefined; correctName?: boolean | undefined },
    ) {
      const found = await pendingInScope(actor, declarationId);
      const { review } = found;
      const correctName = input.correctName === true && review.typedName !== null;
      return db.transaction(async (tx) => {
        const decided = await reviews.decideReview(tx, declarationId, {
          state: 'confirmed',
          by: actor.accountId,
          note: null,
        });
        if (!decided) throw new AppError('review_decided');
        // As staff's, through the status module; when the status is no longer the one staff saw beside
        // the declaration (the gate referred the person, say), nothing is applied and staff look again.
        const applied = await recordStatusChange(tx, {
          residentId: review.residentId,
          communityId: review.communityId,
          status: review.toStatus as PersonStatus,
          source: 'staff',
          cause: 'self_declaration_confirmed',
          declarationId,
          ruleId: null,
          observationUntil: review.observationUntil,
          reason: review.statusReason,
          historyReason: {
            zh: `${CONFIRMED.zh}；${review.statusReason.zh}`,
            en: `${CONFIRMED.en}; ${review.statusReason.en}`,
          },
          ...(input.expectedStatus !== undefined ? { expectedStatus: input.expectedStatus } : {}),
        });
        if (applied.outcome === 'stale') throw new AppError('status_changed');
        if (correctName && review.typedName) {
          const updated = await updateResident(tx, review.residentId, found.version, {
            name: review.typedName,
          });
          if (!updated) throw new AppError('conflict_version');
          await audit.record(
            actor,
            {
              action: 'update',
              entity: 'resident',
              entityId: review.residentId,
              communityId: review.communityId,
              detail: { fields: ['name'], fromDeclaration: declarationId },
            },
            tx,
          );
        }
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'declaration',
            entityId: declarationId,
            communityId: review.communityId,
            detail: {
              review: 'confirmed',
              residentId: review.residentId,
              fromStatus: applied.fromStatus,
              toStatus: review.toStatus,
              reasons: review.reasons,
              ...(correctName ? { nameCorrected: true } : {}),
            },
          },
          tx,
        );
        return { declarationId, state: 'confirmed' as const, status: review.toStatus as PersonStatus };
      });
    },

    /** Closes it without touching the status; the reason is kept on the review and in the audit row. */
    async reject(actor: Actor, declarationId: number, reason: string) {
      const { review } = await pendingInScope(actor, declarationId);
      return db.transaction(async (tx) => {
        const decided = await reviews.decideReview(tx, declarationId, {
          state: 'rejected',
          by: actor.accountId,
          note: reason,
        });
        if (!decided) throw new AppError('review_decided');
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'declaration',
            entityId: declarationId,
            communityId: review.communityId,
            reason,
            detail: { review: 'rejected', residentId: review.residentId, reasons: review.reasons },
          },
          tx,
        );
        return { declarationId, state: 'rejected' as const };
      });
    },
  };
}

export type DeclarationReviewsService = ReturnType<typeof createDeclarationReviewsService>;
