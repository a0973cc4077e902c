import type { Channel, PersonStatus } from '../../../shared/declarations';
import type { StatusCause } from '../../../shared/declarations/status-causes';
import { addressLabel } from '../../../shared/places/address-label';
import type { StatusSource } from '../../../shared/status';
import { beijingToday } from '../../../shared/time/beijing';
import type { ChangeBus } from '../../db/change-bus';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { recordExport, rowsPerCommunity } from '../audit/export-audit';
import { findResident } from '../people/people.repo';
import type { RiskAreasService } from '../risk-areas/risk-areas.service';
import * as statusRepo from '../status/status.repo';
import type { DeclarationAnswers, SealedAnswers } from './declaration-answers';
import * as repo from './declarations.repo';
import { writeDeclarationsWorkbook } from './declarations-export';
import { createBasisLoader } from './evaluation-basis';
import type { FormVersionsService } from './form-versions.service';
import { createStatusRulesService } from './status-rules.service';

export type { DeclarationAnswers, SealedAnswers } from './declaration-answers';

export interface DeclarationInput extends DeclarationAnswers {
  residentId: number;
  channel: 'self' | 'door_to_door' | 'phone';
}

import {
  type AcceptedForm,
  checkAnswers,
  type EvaluationBasis,
  type RecordEntry,
  type RecordedDeclaration,
  recordDeclarations,
} from './declarations-writer';

export type { AcceptedForm, EvaluationBasis, RecordEntry, RecordedDeclaration } from './declarations-writer';

export function createDeclarationsService(
  db: Db,
  vault: Vault,
  audit: AuditService,
  riskAreas: RiskAreasService,
  formVersions: FormVersionsService,
  bus?: ChangeBus,
) {
  const bases = createBasisLoader(db, riskAreas, bus);
  const statusRules = createStatusRulesService(db, vault, audit, bases);
  const service = {
    ...statusRules,

    /**
     * The rules and risk areas that apply to a community (see evaluation-basis.ts), read before a
     * transaction opens: on the embedded database a query through the pool while a transaction holds
     * the session would wait for it forever.
     */
    basis(communityId: number): Promise<EvaluationBasis> {
      return bases.forCommunity(communityId);
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
        service.basis(resident.communityId),
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
          communityId: row.declaration.communityId,
          residentId: row.declaration.residentId,
          hasAnswers: row.declaration.answersCipher !== null,
          name: row.name,
          address: addressLabel(row),
          channel: row.declaration.channel as Channel,
          declaredAt: row.declaration.declaredAt.toISOString(),
          leftCity: row.declaration.leftCity,
          originRegion: row.declaration.originRegion,
          returnDate: row.declaration.returnDate,
          status: row.declaration.status as PersonStatus,
          currentStatus: (row.currentStatus ?? row.declaration.status) as PersonStatus,
          /** A resident's own that changed nothing and went to staff: pending, confirmed or rejected. */
          review: (row.reviewState ?? null) as 'pending' | 'confirmed' | 'rejected' | null,
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

    /** Every declaration matching the filter as Excel (at most 50,000 rows), with an audit row. */
    async exportWorkbook(actor: Actor, filter: Omit<repo.DeclarationFilter, 'page' | 'pageSize'>) {
      const rows = (await service.list(actor, { ...filter, page: 1, pageSize: 50_000 })).items;
      const communities = rowsPerCommunity(rows);
      // Nothing matched in a one-community scope: the empty export is still that community's.
      const [only] = actor.scope.communityIds;
      if (communities.length === 0 && actor.scope.communityIds.length === 1 && only !== undefined)
        communities.push({ communityId: only, rows: 0 });
      await recordExport(audit, actor, {
        kind: 'declarations',
        entity: 'declaration',
        communities,
        detail: { filter },
      });
      return writeDeclarationsWorkbook(rows);
    },

    async changesSince(actor: Actor, since: Date) {
      const rows = await statusRepo.changesSince(db, actor.scope, since, 500);
      return rows.map((r) => ({
        residentId: r.change.residentId,
        name: r.name,
        address: addressLabel(r),
        fromStatus: r.change.fromStatus as PersonStatus | null,
        toStatus: r.change.toStatus as PersonStatus,
        cause: r.change.cause as StatusCause,
        reason: r.change.reason,
        at: r.change.at.toISOString(),
      }));
    },

    async statusOf(actor: Actor, residentId: number) {
      const resident = await findResident(db, actor.scope, residentId);
      if (!resident) throw new AppError('not_found');
      const [current, history] = await Promise.all([
        statusRepo.findStatus(db, residentId),
        statusRepo.historyOf(db, residentId),
      ]);
      return {
        status: current
          ? {
              status: current.status as PersonStatus,
              reason: current.reason,
              observationUntil: current.observationUntil,
              updatedAt: current.updatedAt.toISOString(),
              source: current.source as StatusSource,
            }
          : null,
        history: history.map((h) => ({
          fromStatus: h.fromStatus as PersonStatus | null,
          toStatus: h.toStatus as PersonStatus,
          cause: h.cause as StatusCause,
          reason: h.reason,
          at: h.at.toISOString(),
        })),
      };
    },
  };
  riskAreas.onChange((change) => {
    bases.clear();
    return statusRules.reevaluate(change.reason, 'risk_area_change', change.placeId);
  });
  return service;
}

export type DeclarationsService = ReturnType<typeof createDeclarationsService>;
