import type { Label, PersonStatus } from '../../../shared/declarations';
import {
  type CurrentStatus,
  changeAddsNothing,
  mayChange,
  reevaluationMayChange,
  type StatusSource,
  sourceAfter,
} from '../../../shared/status';
import type { DbOrTx } from '../../db/database';
import * as repo from './status.repo';

/**
 * The one way to change a person's status (besides the public form's batch statement, which composes
 * this module's SQL: `status-batch.sql.ts`). Declarations' review queue, re-evaluation, the gate's
 * fevers and, next, observation call `recordStatusChanges` inside their own transaction; it applies the
 * policy of src/shared/status and writes the status and one history row per change.
 */

export interface StatusChangeRequest {
  communityId: number;
  residentId: number;
  /** The status to set. */
  status: PersonStatus;
  /**
   * Who changes it: `staff` (a confirmation, a staff declaration), `gate` (a fever), `observation`,
   * `self` (a resident's own word — the public form judges those in its batch statement; here a `self`
   * change is only refused or applied by `mayChange`). For a re-evaluation, on whose behalf the rules act.
   */
  source: StatusSource;
  /** Why, for the history: `gate_fever`, `self_declaration_confirmed`, `rule_change`, … */
  cause: string;
  /** The reason kept with the status. */
  reason: Label;
  /** The history row's reason when it says more than the status's (default: `reason`). */
  historyReason?: Label;
  ruleId?: string | null;
  observationUntil?: string | null;
  /** The declaration behind the new status; left out, the one behind the current status stays (a fever). */
  declarationId?: number | null;
  /**
   * The status the caller saw (null: none). When it is no longer that — someone changed it meanwhile —
   * nothing is written and the answer is `stale`, for the caller to show again.
   */
  expectedStatus?: PersonStatus | null;
  /**
   * The rules re-judging the declaration behind the status (risk areas or rules changed): allowed by
   * `reevaluationMayChange` (never a gate's or observation's status), and the status keeps its source.
   */
  reevaluation?: boolean;
}

export type StatusChangeOutcome =
  /** Written: the status and a history row. */
  | 'applied'
  /** Nothing to write: the status is already that (a re-evaluation), or the gate already referred them. */
  | 'unchanged'
  /** The policy does not let this source make this change (nothing written). */
  | 'refused'
  /** `expectedStatus` no longer holds (nothing written). */
  | 'stale';

export interface StatusChangeResult {
  outcome: StatusChangeOutcome;
  /** The status before this change (null: none). */
  fromStatus: PersonStatus | null;
  /** The source the status carries afterwards (when applied). */
  source?: StatusSource;
}

function asCurrent(row: repo.LockedStatus | undefined): CurrentStatus | null {
  return row ? { status: row.status as PersonStatus, source: row.source as StatusSource } : null;
}

/**
 * Applies status changes within the caller's transaction (`tx`): the people's rows are locked (one
 * statement, in person order), each change is judged by the policy against the status as it stands —
 * several changes of one person in order, each against the one before — and everything applied is two
 * statements: one upsert (the last status per person) and the history rows, each with its cause. A
 * rollback of the caller's transaction takes it all back.
 */
export async function recordStatusChanges(
  tx: DbOrTx,
  changes: StatusChangeRequest[],
): Promise<StatusChangeResult[]> {
  if (changes.length === 0) return [];
  const now = await repo.lockStatuses(tx, [...new Set(changes.map((c) => c.residentId))]);
  const writes = new Map<number, repo.StatusWrite>();
  const history: repo.HistoryWrite[] = [];
  const results: StatusChangeResult[] = [];
  for (const change of changes) {
    const before = now.get(change.residentId);
    const current = asCurrent(before);
    const fromStatus = current?.status ?? null;
    if (change.expectedStatus !== undefined && fromStatus !== change.expectedStatus) {
      results.push({ outcome: 'stale', fromStatus });
      continue;
    }
    let source: StatusSource;
    if (change.reevaluation) {
      if (current?.status === change.status) {
        results.push({ outcome: 'unchanged', fromStatus });
        continue;
      }
      if (
        current &&
        !reevaluationMayChange(change.source === 'self' ? 'self' : 'staff', current, change.status)
      ) {
        results.push({ outcome: 'refused', fromStatus });
        continue;
      }
      // The rules act for the declaration's author; whoever the status belonged to keeps it.
      source = current?.source ?? 'staff';
    } else {
      if (changeAddsNothing(change.source, current, change.status)) {
        results.push({ outcome: 'unchanged', fromStatus });
        continue;
      }
      if (!mayChange(change.source, current, change.status)) {
        results.push({ outcome: 'refused', fromStatus });
        continue;
      }
      source = sourceAfter(change.source, current);
    }
    const declarationId =
      change.declarationId === undefined ? (before?.declarationId ?? null) : change.declarationId;
    writes.set(change.residentId, {
      residentId: change.residentId,
      communityId: change.communityId,
      status: change.status,
      ruleId: change.ruleId ?? null,
      reason: change.reason,
      observationUntil: change.observationUntil ?? null,
      declarationId,
      source,
    });
    history.push({
      communityId: change.communityId,
      residentId: change.residentId,
      fromStatus,
      toStatus: change.status,
      cause: change.cause,
      reason: change.historyReason ?? change.reason,
    });
    now.set(change.residentId, {
      residentId: change.residentId,
      status: change.status,
      source,
      declarationId,
    });
    results.push({ outcome: 'applied', fromStatus, source });
  }
  await repo.upsertStatuses(tx, [...writes.values()]);
  await repo.insertHistory(tx, history);
  return results;
}

/** One change: `recordStatusChanges` for a single person. */
export async function recordStatusChange(
  tx: DbOrTx,
  change: StatusChangeRequest,
): Promise<StatusChangeResult> {
  const [result] = await recordStatusChanges(tx, [change]);
  if (!result) throw new Error('recordStatusChanges answered nothing');
  return result;
}

// Reading: the current status and its history (other modules' set-based statements use the fragments
// of status.repo.ts).
export { changesSince, findStatus, historyOf } from './status.repo';
