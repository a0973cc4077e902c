import { randomUUID } from 'node:crypto';
import {
  type Direction,
  encodePayload,
  type GateKnowledge,
  isFever,
  joinToken,
  judgePass,
  maskName,
  type PassPayload,
  type Verdict,
} from '../../../shared/access';
import { beijingToday } from '../../../shared/declarations';
import { maskPhone, PHONE_REASON_MESSAGES, parseIdNumber, parsePhone } from '../../../shared/identity';
import { normalizeDocumentInput } from '../../../shared/identity/normalize';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity, canSeeCommunity } from '../auth/scope';
import * as declarationsRepo from '../declarations/declarations.repo';
import { findPlace } from '../places/places.repo';
import { createCheckWriter } from './check-writer';
import * as checksRepo from './gate-checks.repo';
import * as viewRepo from './gate-view.repo';
import * as gatesRepo from './gates.repo';
import type { PassStateCache } from './pass-state-cache';
import * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';
import { createTokenReader } from './verified-tokens';
import * as visitorsRepo from './visitors.repo';

export interface CheckInput {
  uuid: string;
  gateId: number;
  checkedAt: string;
  direction: Direction;
  token?: string;
  passNumber?: number;
  temperature?: number | null;
  idChecked?: boolean;
  plate?: string | null;
  trunkChecked?: boolean;
  refused?: boolean;
  refusalReason?: string | null;
  offline?: boolean;
}

export interface CheckResult {
  uuid: string;
  verdict: Verdict;
  passNumber: number | null;
  fever: boolean;
  /** false when this uuid was already stored: a resend, recorded once. */
  stored: boolean;
}

// Gates change rarely and every check names one: kept in memory for a minute.
const GATE_CACHE_MS = 60_000;
// A check may be made offline hours before it is sent, but not in the future nor weeks ago.
const MAX_CLOCK_SKEW_MS = 10 * 60_000;
const MAX_AGE_MS = 7 * 86_400_000;

export function createGateService(
  db: Db,
  audit: AuditService,
  keys: PassKeyStore,
  vault: Vault,
  states: PassStateCache,
) {
  const writer = createCheckWriter(db);
  const tokens = createTokenReader(keys);
  const gateCache = new Map<number, { until: number; gate: repo.GateRow | undefined }>();
  async function gateFor(actor: Actor, gateId: number) {
    let hit = gateCache.get(gateId);
    if (!hit || hit.until < Date.now()) {
      const rows = await repo.findGateInScope(
        db,
        { placeId: 0, placePath: '/', communityIds: actor.scope.communityIds, buildingIds: null },
        gateId,
      );
      hit = { until: Date.now() + GATE_CACHE_MS, gate: rows };
      if (rows) gateCache.set(gateId, hit);
    }
    const gate = hit.gate;
    if (!gate || !canSeeCommunity(actor.scope, gate.communityId)) throw new AppError('not_found');
    return gate;
  }

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

    /** A gate for a compound (Gongyun fitted one where there was none): name, hours, vehicles. */
    async createGate(
      actor: Actor,
      input: { compoundId: number; name: string; vehiclesAllowed: boolean; openingHours: string | null },
    ) {
      const compound = await findPlace(db, input.compoundId);
      if (compound?.kind !== 'compound') throw new AppError('not_found');
      assertCommunity(actor.scope, compound.communityId);
      const communityId = compound.communityId;
      return db.transaction(async (tx) => {
        const gate = await gatesRepo.insertGate(tx, { ...input, communityId });
        await audit.record(
          actor,
          { action: 'create', entity: 'gate', entityId: gate.id, communityId, detail: input },
          tx,
        );
        return gate;
      });
    },

    async updateGate(
      actor: Actor,
      id: number,
      input: { name?: string; vehiclesAllowed?: boolean; openingHours?: string | null },
    ) {
      const gate = await repo.findGateInScope(db, actor.scope, id);
      if (!gate) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await gatesRepo.updateGate(tx, id, input);
        await audit.record(
          actor,
          { action: 'update', entity: 'gate', entityId: id, communityId: gate.communityId, detail: input },
          tx,
        );
      });
      gateCache.delete(id);
      return { ...gate, ...input };
    },

    compounds: (actor: Actor) => gatesRepo.compoundsInScope(db, actor.scope),

    async gates(actor: Actor) {
      const rows = await repo.listGatesInScope(db, actor.scope);
      return rows.map((r) => ({
        id: r.gate.id,
        name: r.gate.name,
        communityId: r.gate.communityId,
        compoundId: r.gate.compoundId,
        compoundName: r.compoundName,
        vehiclesAllowed: r.gate.vehiclesAllowed,
        openingHours: r.gate.openingHours,
      }));
    },

    /**
     * What the gate phone keeps for working offline: public keys, the numbers to refuse and the
     * numbers that must not go out. Numbers only — no names, no ID numbers.
     */
    async offlineBundle(actor: Actor, gateId: number) {
      const gate = await gateFor(actor, gateId);
      const [revoked, stayIn, active] = await Promise.all([
        repo.revokedNumbers(db, gate.communityId),
        repo.stayInNumbers(db, gate.communityId),
        repo.activePassNumbers(db, gate.communityId, gate.compoundId),
      ]);
      return {
        gateId: gate.id,
        compoundId: gate.compoundId,
        today: beijingToday(),
        generatedAt: new Date().toISOString(),
        keys: keys.publicKeys(),
        revoked,
        mustNotGoOut: stayIn,
        activePasses: active,
      };
    },

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

    /** The log of a day (Beijing day), newest first: what the console's gate view lists. */
    async listChecks(actor: Actor, filter: { gateId?: number; day: string; limit: number }) {
      const from = new Date(`${filter.day}T00:00:00+08:00`);
      const to = new Date(from.getTime() + 86_400_000);
      const rows = await checksRepo.listChecks(db, actor.scope, {
        gateId: filter.gateId,
        from,
        to,
        limit: filter.limit,
      });
      return rows.map((r) => ({
        uuid: r.uuid,
        gateId: r.gateId,
        checkedAt: r.checkedAt.toISOString(),
        receivedAt: r.receivedAt.toISOString(),
        passNumber: r.passNumber,
        verdict: r.verdict as Verdict,
        direction: r.direction as Direction,
        temperature: r.temperature,
        fever: r.fever,
        idChecked: r.idChecked,
        plate: r.plate,
        trunkChecked: r.trunkChecked,
        refused: r.refused,
        refusalReason: r.refusalReason,
        offline: r.offline,
      }));
    },

    /**
     * A visitor at the gate: registered with a sealed phone and given a signed pass valid for today at
     * this compound. A fever stops the visit and starts a referral like any other check.
     */
    async registerVisitor(
      actor: Actor,
      input: {
        gateId: number;
        name: string;
        phone: string;
        reason: string;
        visiting: string;
        temperature: number | null;
        plate: string | null;
      },
    ) {
      const gate = await gateFor(actor, input.gateId);
      const phone = parsePhone(input.phone);
      if (!phone.ok)
        throw new AppError(
          'invalid_phone',
          { detail: PHONE_REASON_MESSAGES[phone.reason][actor.lang] },
          'phone',
        );
      const today = beijingToday();
      const fever = isFever(input.temperature);
      const visitor = await db.transaction(async (tx) => {
        const row = await visitorsRepo.insertVisitor(tx, {
          communityId: gate.communityId,
          gateId: gate.id,
          name: input.name.trim(),
          phoneCipher: vault.encrypt(phone.normalized),
          phoneMasked: maskPhone(phone.normalized),
          reason: input.reason.trim(),
          visiting: input.visiting.trim(),
          temperature: input.temperature,
          plate: input.plate?.trim().toUpperCase() || null,
          validOn: today,
          token: '',
          createdBy: actor.accountId,
        });
        // The pass number of a visitor pass is the visitor's row id (holder kind 'visitor').
        const bytes = encodePayload({
          kid: keys.activeKid,
          passNumber: row.id,
          holderKind: 'visitor',
          holderId: row.id,
          compoundId: gate.compoundId,
          validUntil: today,
        });
        const token = joinToken(bytes, keys.signPayload(bytes));
        await visitorsRepo.setVisitorToken(tx, row.id, token);
        if (fever && input.temperature != null)
          await checksRepo.insertReferrals(tx, [
            {
              communityId: gate.communityId,
              checkUuid: randomUUID(),
              gateId: gate.id,
              visitorId: row.id,
              temperature: input.temperature,
            },
          ]);
        return { ...row, token };
      });
      return {
        id: visitor.id,
        name: maskName(visitor.name),
        phone: visitor.phoneMasked,
        validOn: visitor.validOn,
        token: fever ? null : visitor.token,
        fever,
      };
    },

    /**
     * The console's gate view for one Beijing day: checks per hour per gate, fevers, refusals, visitors,
     * passes issued and revoked, and the anomalies worth a look.
     */
    async dayView(actor: Actor, filter: { communityId?: number; day: string }) {
      if (filter.communityId !== undefined && !canSeeCommunity(actor.scope, filter.communityId))
        throw new AppError('not_found');
      const communityIds = filter.communityId ? [filter.communityId] : actor.scope.communityIds;
      const from = new Date(`${filter.day}T00:00:00+08:00`);
      const to = new Date(from.getTime() + 86_400_000);
      const [gateList, hourly, visitorCounts, passCounts, odd] = await Promise.all([
        repo.listGatesInScope(db, { ...actor.scope, communityIds }),
        viewRepo.hourlyChecks(db, communityIds, from, to),
        viewRepo.visitorsPerGate(db, communityIds, filter.day),
        viewRepo.passesIssuedRevoked(db, communityIds, from, to),
        viewRepo.anomalies(db, communityIds, from, to),
      ]);
      return {
        day: filter.day,
        passesIssued: passCounts.issued,
        passesRevoked: passCounts.revoked,
        gates: gateList.map(({ gate, compoundName }) => {
          const rows = hourly.filter((h) => h.gateId === gate.id);
          const perHour = Array.from(
            { length: 24 },
            (_, hour) => rows.find((r) => r.hour === hour)?.checks ?? 0,
          );
          return {
            id: gate.id,
            name: gate.name,
            compoundName,
            perHour,
            checks: perHour.reduce((a, b) => a + b, 0),
            fevers: rows.reduce((a, r) => a + r.fevers, 0),
            refusals: rows.reduce((a, r) => a + r.refusals, 0),
            visitors: visitorCounts.find((v) => v.gateId === gate.id)?.n ?? 0,
          };
        }),
        anomalies: odd.map((a) => ({
          kind: a.kind,
          passNumber: a.passNumber,
          gateId: a.gateId,
          previousGateId: a.previousGateId,
          at: new Date(a.at).toISOString(),
          previousAt: new Date(a.previousAt).toISOString(),
        })),
      };
    },

    /** A typed ID number (needs the network): the person's pass in this gate's community, if any. */
    async lookupDocument(actor: Actor, gateId: number, docNumber: string) {
      const gate = await gateFor(actor, gateId);
      // The same candidates the registry search hashes: as typed (upper-cased) and as a parsed ID.
      const compact = normalizeDocumentInput(docNumber);
      const candidates = new Set([compact]);
      const id = parseIdNumber('resident_id', compact);
      if (id.ok) candidates.add(id.normalized);
      const found = await repo.passOfDocument(
        db,
        gate.communityId,
        gate.compoundId,
        [...candidates].map((c) => vault.hash(c)),
      );
      await audit.record(actor, {
        action: 'reveal',
        entity: 'gate_id_lookup',
        communityId: gate.communityId,
        detail: { gateId, found: Boolean(found) },
      });
      if (!found) return { found: false as const };
      return {
        found: true as const,
        name: maskName(found.name),
        passNumber: found.number,
        token: found.token,
      };
    },
  };
}

export type GateService = ReturnType<typeof createGateService>;
