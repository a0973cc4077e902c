// Visitors at the gate (registered with a sealed phone and a day pass) and the typed-ID lookup of a pass.

import { randomUUID } from 'node:crypto';
import {
  doorLabel,
  encodePayload,
  isFever,
  joinToken,
  maskName,
  type VisitorInput,
  type VisitorPass,
} from '../../../shared/access';
import { maskPhone, PHONE_REASON_MESSAGES, parseIdNumber, parsePhone } from '../../../shared/identity';
import { normalizeDocumentInput } from '../../../shared/identity/normalize';
import { checkNameField } from '../../../shared/people/resident-input';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { type WholeNumberSearchGuard, wholeNumberKind } from '../people/whole-number-search';
import type { GateCache } from './gate-cache';
import * as checksRepo from './gate-checks.repo';
import { doorOfCompound } from './gate-holders.repo';
import { assertOnDutyAt } from './on-duty';
import * as repo from './passes.repo';
import type { PassKeyStore } from './signing-keys';
import * as visitorsRepo from './visitors.repo';

export function createVisitorsService(
  db: Db,
  audit: AuditService,
  keys: PassKeyStore,
  vault: Vault,
  gateCache: GateCache,
  numberSearches: WholeNumberSearchGuard,
) {
  const { gateFor } = gateCache;

  /** The door visited: picked from the compound's doors (stored as its address), or typed. */
  async function visitedDoor(gate: { communityId: number; compoundId: number }, input: VisitorInput) {
    if (input.householdId !== undefined) {
      const door = await doorOfCompound(db, gate.communityId, gate.compoundId, input.householdId);
      if (!door)
        throw new AppError(
          'validation_failed',
          { detail: '请选择本小区的住户 · pick a door of this compound' },
          'householdId',
        );
      return doorLabel({ compound: '', ...door });
    }
    const typed = input.visiting?.trim();
    if (!typed)
      throw new AppError(
        'validation_failed',
        { detail: '请选择到访住户 · pick the household visited' },
        'householdId',
      );
    return typed;
  }

  return {
    /**
     * A visitor at the gate: registered with a sealed phone and given a signed pass valid for today at
     * this compound. A fever stops the visit and starts a referral like any other check.
     */
    async registerVisitor(actor: Actor, input: VisitorInput): Promise<VisitorPass> {
      const gate = await gateFor(actor, input.gateId);
      // A visitor's name by the same rule as a resident's (one message for a placeholder like '/').
      const name = checkNameField(input.name);
      if (!name.ok)
        throw new AppError('validation_failed', { detail: name.issue.message[actor.lang] }, 'name');
      const phone = parsePhone(input.phone);
      if (!phone.ok)
        throw new AppError(
          'invalid_phone',
          { detail: PHONE_REASON_MESSAGES[phone.reason][actor.lang] },
          'phone',
        );
      const visiting = await visitedDoor(gate, input);
      const today = beijingToday();
      const fever = isFever(input.temperature);
      const visitor = await db.transaction(async (tx) => {
        const row = await visitorsRepo.insertVisitor(tx, {
          communityId: gate.communityId,
          gateId: gate.id,
          name: name.value,
          phoneCipher: vault.encrypt(phone.normalized),
          phoneMasked: maskPhone(phone.normalized),
          reason: input.reason.trim(),
          visiting,
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
     * A typed ID number (needs the network): the person's pass in this gate's compound, if any. Guards
     * and staff at any time; a volunteer (scope: some buildings) only during a shift at this gate.
     */
    async lookupDocument(actor: Actor, gateId: number, docNumber: string) {
      const gate = await gateFor(actor, gateId);
      // Any holder of the compound may stand at this gate: a volunteer looks them up only on duty here.
      await assertOnDutyAt(db, actor, gate.id);
      // The same candidates the registry search hashes: as typed (upper-cased) and as a parsed ID.
      const compact = normalizeDocumentInput(docNumber);
      // "Does this number have a pass here?" answers like a whole-number search: the same count applies.
      await numberSearches.admit(actor, wholeNumberKind(compact));
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
