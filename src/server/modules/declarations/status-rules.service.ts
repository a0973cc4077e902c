import { can } from '../../../shared/auth/roles';
import { evaluateStatus, validateRules } from '../../../shared/declarations';
import { addDays, beijingDayStart, beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { loadPolicyPlace } from '../places/place-line';
import { communityIdsUnder, findPlace } from '../places/places.repo';
import { recordStatusChanges, type StatusChangeRequest } from '../status/status.service';
import { factsOfDeclaration } from './declaration-answers';
import * as repo from './declarations.repo';
import { RETENTION_DAYS } from './declarations-writer';
import type { BasisLoader } from './evaluation-basis';
import * as rulesRepo from './status-rules.repo';

// Re-evaluation looks at people who declared within this window: older declarations cannot matter to
// 14-day rules, and it must not reach past the retention period, where answers have been purged.
const REEVALUATION_WINDOW_DAYS = RETENTION_DAYS;

type Cause = 'risk_area_change' | 'rule_change';

/**
 * Status rule sets per place: a community is judged by the newest set of the nearest place above it. An
 * officer reads the set that applies at their place (or one under it) and saves a new version for it;
 * then the residents of the communities that set now governs are judged again.
 */
export function createStatusRulesService(db: Db, vault: Vault, audit: AuditService, basis: BasisLoader) {
  const service = {
    /** The rules in force at a place (the caller's own unless named), and the place that set them. */
    async currentRules(actor: Actor, placeId?: number) {
      const place = await loadPolicyPlace(db, actor.scope, placeId);
      const applies = (await basis.loadMany([place.id])).get(place.id);
      const setAt = applies?.rulesPlaceId ? await findPlace(db, applies.rulesPlaceId) : undefined;
      return {
        version: applies?.ruleSetId ?? 0,
        rules: applies?.rules ?? [],
        isDefault: !applies?.ruleSetId,
        place: { id: place.id, name: place.name, kind: place.kind },
        /** Where the set in force was made; null for the built-in defaults. */
        setAt: setAt ? { id: setAt.id, name: setAt.name, kind: setAt.kind } : null,
        /** The place has no set of its own: it follows the one above (or the defaults). */
        inherited: applies?.rulesPlaceId !== place.id,
        editable: can(actor.role, 'rules.write'),
      };
    },

    /** A new version of the rules for a place (validated), then its communities' residents are re-judged. */
    async replaceRules(actor: Actor, proposed: unknown, placeId?: number) {
      const checked = validateRules(proposed);
      if (!checked.ok)
        throw new AppError('validation_failed', { detail: checked.errors.slice(0, 10).join('；') }, 'rules');
      const place = await loadPolicyPlace(db, actor.scope, placeId);
      const row = await db.transaction(async (tx) => {
        const created = await rulesRepo.insertRuleSet(tx, {
          placeId: place.id,
          rules: checked.rules,
          createdBy: actor.accountId,
        });
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'status_rules',
            entityId: created.id,
            detail: { placeId: place.id, rules: checked.rules.length },
          },
          tx,
        );
        return created;
      });
      basis.clear();
      const outcome = await service.reevaluate(
        {
          zh: `${place.name}的判定规则更新为第${row.id}版`,
          en: `${place.name}'s rules updated to version ${row.id}`,
        },
        'rule_change',
        place.id,
      );
      return { version: row.id, placeId: place.id, ...outcome };
    },

    /**
     * Re-runs the rules over the people of the communities under `placeId` who declared recently, after
     * its risk areas or rules changed; for a rule change, only the communities that place's set governs
     * (a sub-district with its own set is not touched by its district's). Each community is judged by
     * its own basis. Only changed statuses are written, each with a history row naming the change, and
     * only those the policy lets that declaration change (`reevaluationMayChange`).
     */
    async reevaluate(because: { zh: string; en: string }, cause: Cause, placeId: number) {
      const place = await findPlace(db, placeId);
      if (!place) return { examined: 0, changed: 0 };
      const today = beijingToday();
      const communities = await communityIdsUnder(db, place);
      const bases = await basis.loadMany(communities);
      const governed =
        cause === 'rule_change'
          ? communities.filter((id) => bases.get(id)?.rulesPlaceId === place.id)
          : communities;
      // From the start of that Beijing day: a date compared with declared_at would be read in the
      // database session's time zone (UTC on most servers), eight hours late.
      const latest = await repo.latestDeclarationsWithStatus(
        db,
        beijingDayStart(addDays(today, -REEVALUATION_WINDOW_DAYS)),
        governed,
      );
      const changes: StatusChangeRequest[] = [];
      for (const row of latest) {
        const own = bases.get(row.statusCommunityId);
        if (!own) continue;
        const outcome = evaluateStatus(
          factsOfDeclaration(vault, row),
          own.rules,
          own.areas,
          today,
          beijingToday(row.declaredAt),
        );
        if (row.currentStatus === outcome.status) continue;
        // The rules act for whoever the declaration came from; the status module applies the policy
        // (`reevaluationMayChange`: a resident's own word never lowers what staff set, and the gate's and
        // observation's statuses are not the rules' to change) against the status as it stands.
        changes.push({
          residentId: row.residentId,
          communityId: row.statusCommunityId,
          declarationId: row.id,
          status: outcome.status,
          source: row.byStaff ? 'staff' : 'self',
          reevaluation: true,
          cause,
          ruleId: outcome.ruleId,
          observationUntil: outcome.observationUntil,
          reason: outcome.reason,
          historyReason: {
            zh: `${because.zh}；${outcome.reason.zh}`,
            en: `${because.en}; ${outcome.reason.en}`,
          },
        });
      }
      // Written in slices, each slice three statements: thousands of changes stay within seconds. In
      // person order across slices too, as every writer locks status rows, so none waits in a circle.
      changes.sort((a, b) => a.residentId - b.residentId);
      const changed = await db.transaction(async (tx) => {
        let applied = 0;
        for (let i = 0; i < changes.length; i += 5000) {
          const results = await recordStatusChanges(tx, changes.slice(i, i + 5000));
          applied += results.filter((r) => r.outcome === 'applied').length;
        }
        return applied;
      });
      return { examined: latest.length, changed };
    },
  };

  return service;
}

export type StatusRulesService = ReturnType<typeof createStatusRulesService>;
