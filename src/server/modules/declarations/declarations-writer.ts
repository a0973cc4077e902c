import {
  type ExtraAnswers,
  evaluateStatus,
  type PersonStatus,
  type RiskArea,
  type StatusRule,
} from '../../../shared/declarations';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import { auditRow } from '../audit/audit.service';
import { type DeclarationAnswers, factsOfInput, sealedAnswersOf } from './declaration-answers';
import * as repo from './declarations-batch.repo';

// Health answers are kept for the 14-day window plus two weeks of follow-up, then purged.
export const RETENTION_DAYS = 28;

/** Extra answers already checked against their form version (`formVersions.accept`), before a transaction. */
export interface AcceptedForm {
  formVersionId: number | null;
  extra: ExtraAnswers;
}

export interface RecordEntry {
  resident: { id: number; communityId: number };
  input: DeclarationAnswers;
  channel: 'self' | 'door_to_door' | 'phone';
  actor: Actor | null;
  form: AcceptedForm;
}

export interface RecordedDeclaration {
  id: number;
  residentId: number;
  status: PersonStatus;
  reason: { zh: string; en: string };
  observationUntil: string | null;
  declaredAt: string;
}

export interface EvaluationBasis {
  rules: StatusRule[];
  areas: RiskArea[];
}

/** What the form cannot check alone (dates against today); thrown before anything is written. */
export function checkAnswers(input: DeclarationAnswers, today = beijingToday()) {
  if (input.leftCity && !input.returnDate) {
    throw new AppError('validation_failed', { detail: '离京后返京的，请填写返京日期' }, 'returnDate');
  }
  if (input.returnDate && input.returnDate > today) {
    throw new AppError('validation_failed', { detail: '返京日期不能晚于今天' }, 'returnDate');
  }
}

/** A declaration checked, judged and sealed, ready for `declarationBatchSql`; its person is not needed yet. */
export interface PreparedDeclaration {
  write: repo.DeclarationWrite;
  outcome: ReturnType<typeof evaluateStatus>;
}

/**
 * Everything about a batch of declarations that needs no database: the date checks, the status each
 * one leads to under `basis`, the sealed answers. Throws before anything is written.
 */
export function prepareDeclarations(
  vault: Vault,
  entries: Array<
    Omit<RecordEntry, 'resident'> & {
      communityId: number;
      /** The public form's: the phone's id for this submit, and the name typed on it. */
      clientId?: string;
      typedName?: string;
    }
  >,
  basis: EvaluationBasis,
): PreparedDeclaration[] {
  const today = beijingToday();
  for (const entry of entries) checkAnswers(entry.input, today);
  return entries.map((entry) => {
    const answers = sealedAnswersOf(entry.input, entry.form.extra);
    const outcome = evaluateStatus(
      factsOfInput(entry.input, answers),
      basis.rules,
      basis.areas,
      today,
      today,
    );
    return {
      outcome,
      write: {
        declaration: {
          communityId: entry.communityId,
          channel: entry.channel,
          recordedBy: entry.actor?.accountId ?? null,
          leftCity: entry.input.leftCity,
          originRegion: entry.input.originRegion ?? null,
          returnDate: entry.input.returnDate ?? null,
          transport: entry.input.transport ?? null,
          answersCipher: vault.encrypt(JSON.stringify(answers)),
          status: outcome.status,
          ruleId: outcome.ruleId,
          formVersionId: entry.form.formVersionId,
          purgeAfter: addDays(today, RETENTION_DAYS),
          clientId: entry.clientId ?? null,
        },
        statusReason: outcome.reason,
        observationUntil: outcome.observationUntil,
        audit: auditRow(entry.actor, { action: 'create', entity: 'declaration' }),
        typedName: entry.typedName ?? null,
      },
    };
  });
}

/** What the one who declared is told, from a prepared declaration and the row written for it. */
export function recordedOf(prepared: PreparedDeclaration, row: repo.WrittenDeclaration): RecordedDeclaration {
  return {
    id: row.id,
    residentId: row.residentId,
    status: prepared.outcome.status,
    reason: prepared.outcome.reason,
    observationUntil: prepared.outcome.observationUntil,
    declaredAt: row.declaredAt.toISOString(),
  };
}

/**
 * Evaluates and writes many declarations of known people with their status changes, in one statement
 * whatever their number. Entries for the same person apply in order; the last one sets the status.
 */
export async function recordDeclarations(
  tx: DbOrTx,
  vault: Vault,
  entries: RecordEntry[],
  basis: EvaluationBasis,
): Promise<RecordedDeclaration[]> {
  if (entries.length === 0) return [];
  const prepared = prepareDeclarations(
    vault,
    entries.map((e) => ({ ...e, communityId: e.resident.communityId })),
    basis,
  );
  const written = await repo.writeDeclarationBatch(
    tx,
    prepared.map((p, i) => ({ ...p.write, residentId: entries[i]?.resident.id as number })),
  );
  return prepared.map((p, i) => {
    const row = written[i];
    if (!row) throw new Error('fewer declarations written than asked');
    return recordedOf(p, row);
  });
}
