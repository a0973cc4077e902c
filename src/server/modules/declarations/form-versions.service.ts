import {
  checkExtraAnswers,
  type ExtraAnswers,
  type FormQuestion,
  validateQuestions,
} from '../../../shared/declarations';
import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import { lineOf, nearestFirst } from '../places/place-line';
import { findPlace } from '../places/places.repo';
import * as repo from './form-versions.repo';

export interface FormInForce {
  /** null while no officer above the community has added questions: the core form only. */
  versionId: number | null;
  questions: FormQuestion[];
}

/**
 * The questions officers add to the registration form. A version belongs to a place (the officer's
 * district or sub-district); a community shows the newest version of the nearest place above it, so a
 * sub-district can ask more than its district without the district losing its own questions.
 */
export function createFormVersionsService(db: Db, audit: AuditService, bus?: ChangeBus) {
  // Every submit needs its community's versions: cached briefly, dropped at once by a publish here.
  const CACHE_MS = 10_000;
  const cache = new Map<number, { until: number; value: Promise<repo.FormVersionRow[]> }>();
  // A version published (or places moved) on any instance: the notice clears every instance's copy.
  bus?.on('form_versions', () => cache.clear());
  bus?.on('places', () => cache.clear());
  bus?.onResync(() => cache.clear());

  /** Versions that apply to the community, nearest place first, newest first within a place. */
  async function loadLine(communityId: number): Promise<repo.FormVersionRow[]> {
    const community = await findPlace(db, communityId);
    if (!community) return [];
    const line = lineOf(community);
    return nearestFirst(await repo.versionsAt(db, line), line);
  }

  function lineFor(communityId: number) {
    const hit = cache.get(communityId);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = loadLine(communityId);
    cache.set(communityId, { until: Date.now() + CACHE_MS, value });
    value.catch(() => cache.delete(communityId));
    if (cache.size > 5000) cache.delete(cache.keys().next().value as number);
    return value;
  }

  const service = {
    async inForce(communityId: number): Promise<FormInForce> {
      const [current] = await lineFor(communityId);
      return current
        ? { versionId: current.id, questions: current.questions }
        : { versionId: null, questions: [] };
    },

    /** The form a staff member fills for someone of this community. */
    async inForceFor(actor: Actor, communityId: number): Promise<FormInForce> {
      assertCommunity(actor.scope, communityId);
      return service.inForce(communityId);
    },

    /**
     * Checks the extra answers against the version the form was loaded with. A resident who opened the
     * form before an officer changed it may still send it on the version they saw; a version that does
     * not apply to the community is refused. Read before any transaction opens.
     */
    async accept(
      communityId: number,
      versionId: number | null | undefined,
      answers: unknown,
    ): Promise<{ formVersionId: number | null; extra: ExtraAnswers }> {
      const line = await lineFor(communityId);
      const version = versionId == null ? line[0] : line.find((v) => v.id === versionId);
      if (versionId != null && !version) {
        throw new AppError(
          'validation_failed',
          { detail: '表单已更新，请刷新页面后重新填写' },
          'formVersionId',
        );
      }
      const checked = checkExtraAnswers(version?.questions ?? [], answers ?? {});
      if (!checked.ok) {
        const [first] = checked.issues;
        const question = version?.questions.find((q) => q.key === first?.key);
        const detail = question ? `${question.label.zh}：${first?.message.zh}` : (first?.message.zh ?? '');
        throw new AppError('validation_failed', { detail }, `extra.${first?.key ?? ''}`);
      }
      return { formVersionId: version?.id ?? null, extra: checked.value };
    },

    /** A version by id, for reading old answers against the questions they answered. */
    async versionFor(communityId: number, versionId: number): Promise<repo.FormVersionRow | undefined> {
      return (await lineFor(communityId)).find((v) => v.id === versionId);
    },

    /** What the officer's editor shows: the versions set at their own place, and the keys ever used. */
    async history(actor: Actor) {
      const own = await repo.versionsAt(db, [actor.scope.placeId]);
      return {
        placeId: actor.scope.placeId,
        versions: own.map((v) => ({
          id: v.id,
          questions: v.questions,
          createdAt: v.createdAt.toISOString(),
        })),
        usedKeys: [...new Set(own.flatMap((v) => v.questions.map((q) => q.key)))],
      };
    },

    /** A new version for the officer's place: the communities below show it from their next form. */
    async publish(actor: Actor, proposed: unknown) {
      const checked = validateQuestions(proposed);
      if (!checked.ok) {
        throw new AppError(
          'validation_failed',
          { detail: checked.errors.slice(0, 10).join('；') },
          'questions',
        );
      }
      const earlier = await repo.versionsAt(db, [actor.scope.placeId]);
      // A key keeps its meaning: an old declaration's answer to q3 must still read as the same question.
      for (const question of checked.questions) {
        const before = earlier.flatMap((v) => v.questions).find((q) => q.key === question.key);
        if (before && before.kind !== question.kind) {
          throw new AppError(
            'validation_failed',
            { detail: `“${question.label.zh}”不能改题型；请删除后新增一题` },
            'questions',
          );
        }
      }
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertVersion(tx, {
          placeId: actor.scope.placeId,
          questions: checked.questions,
          createdBy: actor.accountId,
        });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'form_version',
            entityId: created.id,
            detail: { placeId: actor.scope.placeId, questions: checked.questions.length },
          },
          tx,
        );
        return created;
      });
      cache.clear();
      return { id: row.id, questions: row.questions, createdAt: row.createdAt.toISOString() };
    },
  };
  return service;
}

export type FormVersionsService = ReturnType<typeof createFormVersionsService>;
