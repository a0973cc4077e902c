// Recording gate checks: each token verified again, judged against the pass's current state, stored once;
// a fever also writes a referral and refers a known resident to the fever clinic.
import {
  type Direction,
  type GateCheckInput,
  type GateCheckResult,
  type GateKnowledge,
  isFever,
  judgePass,
  type PassPayload,
  type Verdict,
} from '../../../shared/access';
import { beijingToday } from '../../../shared/declarations';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import * as declarationsRepo from '../declarations/declarations.repo';
import { createCheckWriter } from './check-writer';
import type { GateCache } from './gate-cache';
import * as checksRepo from './gate-checks.repo';
import type { PassStateCache } from './pass-state-cache';
import type * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';
import { createTokenReader } from './verified-tokens';

export type CheckInput = GateCheckInput;
export type CheckResult = GateCheckResult;

// A check may be made offline hours before it is sent, but not in the future nor weeks ago.
const MAX_CLOCK_SKEW_MS = 10 * 60_000;
const MAX_AGE_MS = 7 * 86_400_000;

export function createGateChecksService(
  db: Db,
  keys: PassKeyStore,
  states: PassStateCache,
  gateCache: GateCache,
) {
  const writer = createCheckWriter(db);
  const tokens = createTokenReader(keys);
  const { gateFor } = gateCache;

  /** The verdict the server stands by, from the token (or typed number) and the pass's current row. */
  function judge(
    gate: repo.GateRow,
    direction: Direction,
    payload: PassPayload | null,
    row: repo.PassForCheck | undefined,
    today: string,
  ): Verdict {
    if (!payload) return 'unknown';
    // A genuine token of this community's series must match the row it was issued as.
    const sameCompoundSeries = payload.compoundId === gate.compoundId;
    if (sameCompoundSeries && payload.holderKind !== 'visitor') {
      if (!row || row.compoundId !== payload.compoundId) return 'unknown';
    }
    const knowledge: GateKnowledge = {
      compoundId: gate.compoundId,
      today,
      revoked: new Set(row && row.status !== 'active' ? [row.number] : []),
      mustNotGoOut: new Set(row?.stayIn ? [row.number] : []),
    };
    return judgePass(payload, direction, knowledge);
  }

  return {
    /** How many tokens were answered from the verified-token memory: for the benchmark. */
    tokenStats: tokens.stats,

    /**
     * Records a batch of checks (one online, many after being offline). Each token is verified here
     * again, in process (a token already proven genuine is remembered: verified-tokens.ts); each pass is read once for the batch; the batch
     * is one INSERT that skips uuids already stored, so a resend never duplicates.
     */
    async record(actor: Actor, checks: CheckInput[]): Promise<CheckResult[]> {
      const now = Date.now();
      const today = beijingToday();
      const prepared = [];
      for (const check of checks) {
        const at = Date.parse(check.checkedAt);
        if (Number.isNaN(at) || at > now + MAX_CLOCK_SKEW_MS || at < now - MAX_AGE_MS)
          throw new AppError(
            'gate_check_invalid',
            { detail: '检查时间不对 · check time out of range' },
            'checkedAt',
          );
        if (!check.token && check.passNumber === undefined)
          throw new AppError('gate_check_invalid', { detail: '缺少出入证 · no pass given' }, 'token');
        const gate = await gateFor(actor, check.gateId);
        const payload = check.token ? await tokens.read(check.token) : null;
        prepared.push({ check, gate, payload, number: payload?.passNumber ?? check.passNumber ?? null });
      }
      // The community's pass states, from memory (at most a second old; see pass-state-cache.ts).
      const byCommunity = new Map<number, Map<number, repo.PassForCheck>>();
      for (const communityId of new Set(prepared.map((p) => p.gate.communityId)))
        byCommunity.set(communityId, await states.get(communityId));
      const rows: checksRepo.GateCheckInsert[] = [];
      const results: CheckResult[] = [];
      const fevers: Array<{
        uuid: string;
        gate: repo.GateRow;
        row?: repo.PassForCheck;
        temperature: number;
      }> = [];
      for (const { check, gate, payload, number } of prepared) {
        // A visitor pass is numbered by its visitor row, outside the community's pass series.
        const visitorId = payload?.holderKind === 'visitor' ? payload.holderId : null;
        const row =
          number !== null && visitorId === null ? byCommunity.get(gate.communityId)?.get(number) : undefined;
        // A typed number stands for the pass row itself: the same rules apply to what it says.
        const effective: PassPayload | null =
          payload ??
          (check.token || !row
            ? null
            : {
                kid: 0,
                passNumber: row.number,
                holderKind: row.residentId ? 'resident' : 'household',
                holderId: row.residentId ?? row.householdId,
                compoundId: row.compoundId,
                validUntil: row.validUntil,
              });
        const verdict = judge(gate, check.direction, effective, row, today);
        const fever = isFever(check.temperature);
        rows.push({
          uuid: check.uuid,
          communityId: gate.communityId,
          gateId: gate.id,
          accountId: actor.accountId,
          checkedAt: new Date(check.checkedAt),
          subject: check.token ? 'token' : 'number',
          passId: verdict === 'unknown' ? null : (row?.id ?? null),
          passNumber: visitorId === null ? number : null,
          visitorId,
          verdict,
          direction: check.direction,
          temperature: check.temperature ?? null,
          fever,
          idChecked: check.idChecked ?? false,
          plate: check.plate ?? null,
          trunkChecked: check.trunkChecked ?? false,
          refused: check.refused ?? false,
          refusalReason: check.refusalReason ?? null,
          offline: check.offline ?? false,
        });
        if (fever && check.temperature != null)
          fevers.push({
            uuid: check.uuid,
            gate,
            row: verdict === 'unknown' ? undefined : row,
            temperature: check.temperature,
          });
        results.push({
          uuid: check.uuid,
          verdict,
          passNumber: visitorId === null ? number : null,
          fever,
          stored: true,
        });
      }
      const fresh =
        fevers.length === 0
          ? await writer.write(rows)
          : await db.transaction(async (tx) => {
              const inserted = await checksRepo.insertChecks(tx, rows);
              const newFevers = fevers.filter((f) => inserted.has(f.uuid));
              await checksRepo.insertReferrals(
                tx,
                newFevers.map((f) => ({
                  communityId: f.gate.communityId,
                  checkUuid: f.uuid,
                  gateId: f.gate.id,
                  residentId: f.row?.residentId ?? null,
                  householdId: f.row?.householdId ?? null,
                  temperature: f.temperature,
                })),
              );
              // A known person with a fever is referred to the fever clinic: their status says so, through
              // the same status-change writer as re-evaluations (one upsert, one history row each).
              const changes: declarationsRepo.StatusChange[] = [];
              for (const f of newFevers) {
                const residentId = f.row?.residentId;
                if (!residentId || changes.some((c) => c.residentId === residentId)) continue;
                const before = await declarationsRepo.findStatus(tx, residentId);
                if (before?.status === 'referred_to_clinic') continue;
                const reason = {
                  zh: `门岗测温 ${f.temperature.toFixed(1)} °C，转发热门诊`,
                  en: `${f.temperature.toFixed(1)} °C at the gate: referred to the fever clinic`,
                };
                changes.push({
                  residentId,
                  communityId: f.gate.communityId,
                  declarationId: before?.declarationId ?? null,
                  fromStatus: before?.status ?? null,
                  toStatus: 'referred_to_clinic',
                  ruleId: null,
                  observationUntil: null,
                  statusReason: reason,
                  historyReason: reason,
                });
              }
              await declarationsRepo.applyStatusChanges(tx, changes, 'gate_fever');
              return inserted;
            });
      const resent = results.filter((r) => !fresh.has(r.uuid)).map((r) => r.uuid);
      if (resent.length > 0) {
        // A resend answers with the verdict recorded the first time, not a new one.
        const stored = await checksRepo.verdictsOf(db, actor.scope, resent);
        for (const r of results) {
          if (fresh.has(r.uuid)) continue;
          r.stored = false;
          const first = stored.get(r.uuid);
          if (!first)
            throw new AppError('gate_check_invalid', { detail: '记录编号重复 · uuid already used' }, 'uuid');
          r.verdict = first as Verdict;
        }
      }
      return results;
    },
  };
}
