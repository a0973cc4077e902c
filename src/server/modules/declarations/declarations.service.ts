import {
  addDays,
  beijingToday,
  DEFAULT_RULES,
  evaluateStatus,
  type PersonStatus,
  type StatusRule,
  validateRules,
} from '../../../shared/declarations';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { findResident } from '../people/people.repo';
import type { RiskAreasService } from '../risk-areas/risk-areas.service';
import { type DeclarationAnswers, factsOfDeclaration, type SealedAnswers } from './declaration-answers';
import * as repo from './declarations.repo';
import { writeDeclarationsWorkbook } from './declarations-export';
import type { FormVersionsService } from './form-versions.service';

export type { DeclarationAnswers, SealedAnswers } from './declaration-answers';

export interface DeclarationInput extends DeclarationAnswers {
  residentId: number;
  channel: 'self' | 'door_to_door' | 'phone';
}

import {
  type AcceptedForm,
  checkAnswers,
  type EvaluationBasis,
  RETENTION_DAYS,
  type RecordEntry,
  type RecordedDeclaration,
  recordDeclarations,
} from './declarations-writer';

export type { AcceptedForm, EvaluationBasis, RecordEntry, RecordedDeclaration } from './declarations-writer';

// Re-evaluation looks at people who declared within this window: older declarations cannot matter to
// 14-day rules, and it must not reach past the retention period, where answers have been purged.
const REEVALUATION_WINDOW_DAYS = RETENTION_DAYS;

export function createDeclarationsService(
  db: Db,
  vault: Vault,
  audit: AuditService,
  riskAreas: RiskAreasService,
  formVersions: FormVersionsService,
) {
  async function rules(): Promise<StatusRule[]> {
    const latest = await repo.latestRuleSet(db);
    if (!latest) return DEFAULT_RULES;
    const checked = validateRules(latest.rules);
    return checked.ok ? checked.rules : DEFAULT_RULES;
  }

  const factsOf = (row: repo.DeclarationRow) => factsOfDeclaration(vault, row);

  let basisCache: { until: number; value: Promise<EvaluationBasis> } | undefined;
  const service = {
    rules,

    /**
     * Rules and risk areas in force, read before a transaction opens: on the embedded database a
     * query through the pool while a transaction holds the session would wait for it forever.
     */
    async basis(): Promise<EvaluationBasis> {
      // Every submit needs the same rules and areas; they change rarely and a change clears this.
      if (!basisCache || basisCache.until < Date.now()) {
        const value = Promise.all([rules(), riskAreas.current()]).then(([currentRules, areas]) => ({
          rules: currentRules,
          areas,
        }));
        basisCache = { until: Date.now() + 5_000, value };
        value.catch(() => {
          basisCache = undefined;
        });
      }
      return basisCache.value;
    },

    /** What the form cannot check alone (dates against today); thrown before anything is written. */
    checkAnswers,

    /**
     * Evaluates and writes many declarations with their status changes inside the caller's transaction,
     * in a fixed number of statements whatever their number: the public form batches concurrent submits
     * through here. Entries for the same person apply in order; the last one sets the status.
     */
    async recordManyIn(
      tx: DbOrTx,
      entries: RecordEntry[],
      basis: EvaluationBasis,
    ): Promise<RecordedDeclaration[]> {
      return recordDeclarations(tx, vault, entries, basis);
    },

    /** One declaration with its status change, inside the caller's transaction. */
    async recordIn(
      tx: DbOrTx,
      resident: { id: number; communityId: number },
      input: DeclarationAnswers,
      channel: DeclarationInput['channel'],
      actor: Actor | null,
      basis: EvaluationBasis,
      form: AcceptedForm,
    ): Promise<RecordedDeclaration> {
      const [recorded] = await service.recordManyIn(tx, [{ resident, input, channel, actor, form }], basis);
      if (!recorded) throw new Error('nothing recorded');
      return recorded;
    },

    /** Checks extra answers against their form version (read before a transaction opens). */
    acceptForm(communityId: number, versionId: number | null | undefined, extra: unknown) {
      return formVersions.accept(communityId, versionId, extra);
    },

    async submitByStaff(actor: Actor, input: DeclarationInput) {
      const resident = await findResident(db, actor.scope, input.residentId);
      if (!resident) throw new AppError('not_found');
      const [basis, form] = await Promise.all([
        service.basis(),
        formVersions.accept(resident.communityId, input.formVersionId, input.extra),
      ]);
      return db.transaction((tx) => service.recordIn(tx, resident, input, input.channel, actor, basis, form));
    },

    /**
     * The sealed answers of one declaration (health answers and the officers' extra questions, read
     * against the version they were given on). Like any reveal: a role, a reason, the audit row first.
     */
    async revealAnswers(actor: Actor, id: number, reason: string) {
      const row = await repo.findDeclarationInScope(db, actor.scope, id);
      if (!row) throw new AppError('not_found');
      if (!row.answersCipher) throw new AppError('nothing_to_reveal');
      await audit.record(actor, {
        action: 'reveal',
        entity: 'declaration',
        entityId: id,
        communityId: row.communityId,
        reason,
        detail: { residentId: row.residentId },
      });
      const answers = JSON.parse(vault.decrypt(row.answersCipher)) as Partial<SealedAnswers>;
      const version = row.formVersionId
        ? await formVersions.versionFor(row.communityId, row.formVersionId)
        : undefined;
      const extra = answers.extra ?? {};
      return {
        id: row.id,
        riskRegionsVisited: answers.riskRegionsVisited ?? [],
        contactConfirmedCase: answers.contactConfirmedCase ?? false,
        contactRiskAreaPeople: answers.contactRiskAreaPeople ?? false,
        symptoms: answers.symptoms ?? [],
        temperature: answers.temperature ?? null,
        homeConditionsMet: answers.homeConditionsMet ?? null,
        transportNumber: answers.transportNumber ?? null,
        seat: answers.seat ?? null,
        companions: answers.companions ?? null,
        formVersionId: row.formVersionId,
        // Questions of the version answered, in its order; an answer whose question is unknown still shows.
        extra: [
          ...(version?.questions ?? []).map((q) => ({
            key: q.key,
            label: q.label,
            value: extra[q.key] ?? null,
          })),
          ...Object.entries(extra)
            .filter(([key]) => !version?.questions.some((q) => q.key === key))
            .map(([key, value]) => ({ key, label: { zh: key, en: key }, value })),
        ],
      };
    },

    async list(actor: Actor, filter: repo.DeclarationFilter) {
      const result = await repo.listDeclarations(db, actor.scope, filter);
      return {
        total: result.total,
        items: result.items.map((row) => ({
          id: row.declaration.id,
          residentId: row.declaration.residentId,
          hasAnswers: row.declaration.answersCipher !== null,
          name: row.name,
          address: [row.buildingName, row.room].filter(Boolean).join(' '),
          channel: row.declaration.channel,
          declaredAt: row.declaration.declaredAt.toISOString(),
          leftCity: row.declaration.leftCity,
          originRegion: row.declaration.originRegion,
          returnDate: row.declaration.returnDate,
          status: row.declaration.status as PersonStatus,
          currentStatus: (row.currentStatus ?? row.declaration.status) as PersonStatus,
        })),
      };
    },

    /**
     * Deletes health answers whose purpose has ended (purge date passed). What stays — who declared,
     * when, where from and the resulting status — is what the registry and the daily report need.
     */
    async purgeDue() {
      const purged = await repo.purgeDueAnswers(db, beijingToday());
      if (purged > 0)
        await audit.record(null, {
          action: 'update',
          entity: 'declaration',
          detail: { purgedAnswers: purged },
        });
      return purged;
    },

    async currentRules() {
      const latest = await repo.latestRuleSet(db);
      return { version: latest?.id ?? 0, rules: await rules(), isDefault: !latest };
    },

    /** A new version of the rules (validated), then everyone who declared recently is re-judged by it. */
    async replaceRules(actor: Actor, proposed: unknown) {
      const checked = validateRules(proposed);
      if (!checked.ok)
        throw new AppError('validation_failed', { detail: checked.errors.slice(0, 10).join('；') }, 'rules');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertRuleSet(tx, checked.rules, actor.accountId);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'status_rules',
            entityId: created.id,
            detail: { rules: checked.rules.length },
          },
          tx,
        );
        return created;
      });
      basisCache = undefined;
      const outcome = await service.reevaluate(
        { zh: `判定规则更新为第${row.id}版`, en: `Rules updated to version ${row.id}` },
        'rule_change',
      );
      return { version: row.id, ...outcome };
    },

    /** Every declaration matching the filter as Excel (at most 50,000 rows), with an audit row. */
    async exportWorkbook(actor: Actor, filter: Omit<repo.DeclarationFilter, 'page' | 'pageSize'>) {
      const rows = (await service.list(actor, { ...filter, page: 1, pageSize: 50_000 })).items;
      await audit.record(actor, {
        action: 'export',
        entity: 'declaration',
        detail: { rows: rows.length, filter },
      });
      return writeDeclarationsWorkbook(rows);
    },

    async changesSince(actor: Actor, since: Date) {
      const rows = await repo.changesSince(db, actor.scope, since, 500);
      return rows.map((r) => ({
        residentId: r.change.residentId,
        name: r.name,
        address: [r.buildingName, r.room].filter(Boolean).join(' '),
        fromStatus: r.change.fromStatus,
        toStatus: r.change.toStatus,
        cause: r.change.cause,
        reason: r.change.reason,
        at: r.change.at.toISOString(),
      }));
    },

    async statusOf(actor: Actor, residentId: number) {
      const resident = await findResident(db, actor.scope, residentId);
      if (!resident) throw new AppError('not_found');
      const [current, history] = await Promise.all([
        repo.findStatus(db, residentId),
        repo.historyOf(db, residentId),
      ]);
      return {
        status: current
          ? {
              status: current.status as PersonStatus,
              reason: current.reason,
              observationUntil: current.observationUntil,
              updatedAt: current.updatedAt.toISOString(),
            }
          : null,
        history: history.map((h) => ({
          fromStatus: h.fromStatus,
          toStatus: h.toStatus,
          cause: h.cause,
          reason: h.reason,
          at: h.at.toISOString(),
        })),
      };
    },

    /**
     * Re-runs the rules over everyone who declared recently, after risk areas or rules changed.
     * Only changed statuses are written, each with a history row naming the change.
     */
    async reevaluate(
      because: { zh: string; en: string },
      cause: 'risk_area_change' | 'rule_change' = 'risk_area_change',
    ) {
      const today = beijingToday();
      const [basis, latest] = await Promise.all([
        service.basis(),
        repo.latestDeclarationsWithStatus(db, addDays(today, -REEVALUATION_WINDOW_DAYS)),
      ]);
      const changes: repo.StatusChange[] = [];
      for (const row of latest) {
        const outcome = evaluateStatus(
          factsOf(row),
          basis.rules,
          basis.areas,
          today,
          beijingToday(row.declaredAt),
        );
        if (row.currentStatus === outcome.status) continue;
        changes.push({
          residentId: row.residentId,
          communityId: row.communityId,
          declarationId: row.id,
          fromStatus: row.currentStatus,
          toStatus: outcome.status,
          ruleId: outcome.ruleId,
          observationUntil: outcome.observationUntil,
          statusReason: outcome.reason,
          historyReason: {
            zh: `${because.zh}；${outcome.reason.zh}`,
            en: `${because.en}; ${outcome.reason.en}`,
          },
        });
      }
      // Written in slices, each slice two statements: thousands of changes stay within seconds.
      await db.transaction(async (tx) => {
        for (let i = 0; i < changes.length; i += 5000)
          await repo.applyStatusChanges(tx, changes.slice(i, i + 5000), cause);
      });
      return { examined: latest.length, changed: changes.length };
    },
  };
  riskAreas.onChange((because) => {
    basisCache = undefined;
    return service.reevaluate(because);
  });
  return service;
}

export type DeclarationsService = ReturnType<typeof createDeclarationsService>;
