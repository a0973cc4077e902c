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
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordStatusChanges } from '../status/status.service';
import { createCheckWriter } from './check-writer';
import type { GateCache } from './gate-cache';
import * as checksRepo from './gate-checks.repo';
import { assertCheckInShift } from './on-duty';
import type { PassStateCache } from './pass-state-cache';
import type * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';
import { createTokenReader } from './verified-tokens';

export type CheckInput = GateCheckInput;
/** One check's answer; `duplicateOf` is an index in the checks given to record(). */
export type CheckResult = Omit<GateCheckResult, 'error'>;
/** A check answered, or refused with the reason (the route puts it in the caller's language). */
export type CheckAnswer = CheckResult | { refused: AppError };

interface Fever {
  uuid: string;
  gate: repo.GateRow;
  row?: repo.PassForCheck;
  temperature: number;
}

/** A verdict about a pass that exists (not a forged token, not a number no pass has). */
const isMatched = (verdict: Verdict) => verdict !== 'unknown' && verdict !== 'not_found';

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
    // No payload: a typed number no pass has (a forged token never gets here, see record()).
    if (!payload) return 'not_found';
    // A genuine token of this community's series must match the row it was issued as; its signature is
    // good, so it is not forged, but no pass stands behind it.
    const sameCompoundSeries = payload.compoundId === gate.compoundId;
    if (sameCompoundSeries && payload.holderKind !== 'visitor') {
      if (!row || row.compoundId !== payload.compoundId) return 'not_found';
    }
    const knowledge: GateKnowledge = {
      compoundId: gate.compoundId,
      today,
      revoked: new Set(row && row.status !== 'active' ? [row.number] : []),
      mustNotGoOut: new Set(row?.stayIn ? [row.number] : []),
    };
    return judgePass(payload, direction, knowledge);
  }

  /** Checks with a fever: one transaction writes them with their referrals and the resident's status. */
  async function writeWithFevers(rows: checksRepo.GateCheckInsert[], fevers: Fever[]): Promise<Set<string>> {
    return db.transaction(async (tx) => {
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
      // A known person with a fever is referred to the fever clinic, through the status module (one lock,
      // one upsert and one history insert for the batch). The policy leaves alone someone the gate
      // already referred; referred on their own word, the gate's reading makes the status the gate's
      // (the resident can no longer take it back).
      await recordStatusChanges(
        tx,
        newFevers.flatMap((f) => {
          const residentId = f.row?.residentId;
          if (!residentId) return [];
          const reason = {
            zh: `门岗测温 ${f.temperature.toFixed(1)} °C，转发热门诊`,
            en: `${f.temperature.toFixed(1)} °C at the gate: referred to the fever clinic`,
          };
          return [
            {
              residentId,
              communityId: f.gate.communityId,
              status: 'referred_to_clinic' as const,
              source: 'gate' as const,
              cause: 'gate_fever',
              reason,
            },
          ];
        }),
      );
      return inserted;
    });
  }

  return {
    /** How many tokens were answered from the verified-token memory: for the benchmark. */
    tokenStats: tokens.stats,

    /**
     * Records a batch of checks (one online, many after being offline), answering each on its own: a
     * check the service cannot take (clock far off, no pass, a gate not the guard's) is refused alone,
     * the rest are recorded. Each token is verified here again, in process (a token already proven genuine
     * is remembered: verified-tokens.ts); each pass is read once for the batch; the batch is one INSERT
     * that skips uuids already stored, so a resend never duplicates. The same uuid twice in one batch is
     * recorded once: the first copy answers, the others are duplicates naming it.
     */
    async record(actor: Actor, checks: CheckInput[]): Promise<CheckAnswer[]> {
      const now = Date.now();
      const today = beijingToday();
      const answers: Array<CheckAnswer | undefined> = checks.map(() => undefined);
      const firstOf = new Map<string, number>();
      const prepared = [];
      for (const [index, check] of checks.entries()) {
        const first = firstOf.get(check.uuid);
        if (first !== undefined) continue; // answered below, once the first copy has its answer
        try {
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
          await assertCheckInShift(db, actor, gate.id, new Date(at));
          const payload = check.token ? await tokens.read(check.token) : null;
          prepared.push({
            index,
            check,
            gate,
            payload,
            number: payload?.passNumber ?? check.passNumber ?? null,
          });
          firstOf.set(check.uuid, index);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          answers[index] = { refused: error };
        }
      }
      // The community's pass states, from memory (at most a second old; see pass-state-cache.ts).
      const byCommunity = new Map<number, Map<number, repo.PassForCheck>>();
      for (const communityId of new Set(prepared.map((p) => p.gate.communityId))) {
        let known = await states.get(communityId);
        // A genuine token (or a typed number) the memory has not heard of is most likely a pass issued a
        // moment ago on another instance, whose change notice is still on its way: those numbers are read
        // now rather than answered "unknown". Forged tokens never get here (their signature failed).
        const missing = prepared
          .filter((p) => p.gate.communityId === communityId && p.number !== null)
          .filter((p) => p.payload?.holderKind !== 'visitor' && !known.has(p.number as number))
          .map((p) => p.number as number);
        if (missing.length > 0) {
          states.invalidate(communityId, [...new Set(missing)]);
          known = await states.get(communityId);
        }
        byCommunity.set(communityId, known);
      }
      const rows: checksRepo.GateCheckInsert[] = [];
      const fevers: Fever[] = [];
      for (const { index, check, gate, payload, number } of prepared) {
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
        // Forged (or unreadable) only when a token's signature fails; a number no pass has is not found.
        const verdict =
          check.token && !payload ? 'unknown' : judge(gate, check.direction, effective, row, today);
        const matched = isMatched(verdict);
        // Whose pass it is, for the guard to compare with the face: only the row the pass really is (a token
        // of another community may share a number with a pass of this one; its holder is not shown).
        const holder =
          matched && row && visitorId === null && (!payload || payload.compoundId === row.compoundId)
            ? row.holder
            : undefined;
        const fever = isFever(check.temperature);
        rows.push({
          uuid: check.uuid,
          communityId: gate.communityId,
          gateId: gate.id,
          accountId: actor.accountId,
          checkedAt: new Date(check.checkedAt),
          subject: check.token ? 'token' : 'number',
          passId: matched ? (row?.id ?? null) : null,
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
            row: matched ? row : undefined,
            temperature: check.temperature,
          });
        const result: CheckResult = {
          uuid: check.uuid,
          outcome: 'stored',
          verdict,
          passNumber: visitorId === null ? number : null,
          ...(holder ? { holder } : {}),
          fever,
          stored: true,
        };
        answers[index] = result;
      }
      const fresh =
        rows.length === 0
          ? new Set<string>()
          : fevers.length === 0
            ? await writer.write(rows)
            : await writeWithFevers(rows, fevers);
      const resent = prepared.map((p) => p.check.uuid).filter((uuid) => !fresh.has(uuid));
      // A resend answers with the verdict recorded the first time, not a new one.
      const stored = resent.length > 0 ? await checksRepo.verdictsOf(db, actor.scope, resent) : new Map();
      for (const { index, check } of prepared) {
        if (fresh.has(check.uuid)) continue;
        const first = stored.get(check.uuid);
        const { holder, ...answer } = answers[index] as CheckResult;
        answers[index] = first
          ? {
              ...answer,
              ...(holder && isMatched(first as Verdict) ? { holder } : {}),
              outcome: 'duplicate',
              stored: false,
              verdict: first as Verdict,
            }
          : // Stored under another community (out of this guard's sight): this uuid cannot be used again.
            {
              refused: new AppError(
                'gate_check_invalid',
                { detail: '记录编号重复 · uuid already used' },
                'uuid',
              ),
            };
      }
      return checks.map((check, index) => {
        const first = firstOf.get(check.uuid);
        const own = answers[index];
        if (own !== undefined || first === undefined) return own as CheckAnswer;
        const original = answers[first] as CheckAnswer;
        return 'refused' in original
          ? original
          : { ...original, outcome: 'duplicate', stored: false, duplicateOf: first };
      });
    },
  };
}
