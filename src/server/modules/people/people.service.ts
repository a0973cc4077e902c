import type { DocumentType } from '../../../shared/identity';
import { maskIdNumber, maskPhone } from '../../../shared/identity';
import type { RevealableField } from '../../../shared/people/people-enums';
import { checkIdentity } from '../../../shared/people/resident-input';
import { HOUSEHOLD_CONTAINERS, type PlaceKind } from '../../../shared/places/place-kinds';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertBuilding, assertCommunity } from '../auth/scope';
import type { PlacesService } from '../places/places.service';
import * as repo from './people.repo';
import { createResidentSearch } from './resident-search';
import { householdLabel, residentView } from './resident-view';
import type { WholeNumberSearchGuard } from './whole-number-search';

export interface ResidentInput {
  householdId: number;
  name: string;
  gender?: 'male' | 'female' | null | undefined;
  docType: DocumentType;
  docNumber: string;
  phone?: string | null | undefined;
  birthDate?: string | null | undefined;
  relationToHead: string;
  residenceType: string;
  tags?: string[] | undefined;
  notes?: string | null | undefined;
}

/** Encrypted, hashed and masked forms of the identity fields, ready for the residents table. */
export function sealIdentity(vault: Vault, docNumber: string, phone: string | null) {
  return {
    docCipher: vault.encrypt(docNumber),
    docHash: vault.hash(docNumber),
    docMasked: maskIdNumber(docNumber),
    ...sealPhone(vault, phone),
  };
}

/** The phone columns alone, for when only the phone changes. */
export function sealPhone(vault: Vault, phone: string | null) {
  return {
    phoneCipher: phone ? vault.encrypt(phone) : null,
    phoneHash: phone ? vault.hash(phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
    phoneTail: phone ? phone.replace(/\D/g, '').slice(-4) : null,
  };
}

function checked(
  input: Pick<ResidentInput, 'name' | 'docType' | 'docNumber' | 'phone' | 'gender' | 'birthDate'>,
  actor: Actor,
) {
  const result = checkIdentity(input);
  if (!result.ok) {
    const first = result.issues[0];
    // Names and birth dates have no error code of their own: the message says what is wrong.
    const code =
      !first || first.code === 'invalid_name' || first.code === 'invalid_birth_date'
        ? 'validation_failed'
        : first.code;
    throw new AppError(code, { detail: first?.message[actor.lang] ?? '' }, first?.field);
  }
  return result.value;
}

export function createPeopleService(
  db: Db,
  vault: Vault,
  audit: AuditService,
  places: PlacesService,
  numberSearches: WholeNumberSearchGuard,
) {
  async function visibleHousehold(actor: Actor, id: number) {
    const household = await repo.findHousehold(db, actor.scope, id);
    if (!household) throw new AppError('not_found');
    return household;
  }

  async function visibleResident(actor: Actor, id: number) {
    const resident = await repo.findResident(db, actor.scope, id);
    if (!resident) throw new AppError('not_found');
    return resident;
  }

  async function refuseDuplicate(communityId: number, docHash: string, exceptId?: number) {
    const existing = await repo.findResidentByDocHash(db, communityId, docHash);
    if (existing && existing.id !== exceptId)
      throw new AppError('duplicate_document', { name: existing.name }, 'docNumber');
  }

  return {
    ...createResidentSearch(db, vault, numberSearches),

    async listHouseholds(actor: Actor, placeId: number, page: { page: number; pageSize: number }) {
      const place = await places.loadVisible(actor, placeId);
      const result = await repo.listHouseholdsUnder(db, actor.scope, place, page);
      return { items: result.items.map((h) => ({ ...h, label: householdLabel(h) })), total: result.total };
    },

    async getHousehold(actor: Actor, id: number) {
      const household = await visibleHousehold(actor, id);
      const members = await repo.residentsOfHousehold(db, id);
      return {
        household: { ...household, label: householdLabel(household) },
        residents: members.map((r) => residentView(r, household)),
      };
    },

    async createHousehold(
      actor: Actor,
      input: {
        placeId: number;
        room: string;
        floor?: number | null | undefined;
        notes?: string | null | undefined;
      },
    ) {
      const place = await places.loadVisible(actor, input.placeId);
      if (!HOUSEHOLD_CONTAINERS.includes(place.kind as PlaceKind) || place.communityId === null) {
        throw new AppError('not_a_household_place', {}, 'placeId');
      }
      const buildingId = place.kind === 'entrance' ? (place.parentId ?? 0) : place.id;
      assertBuilding(actor.scope, buildingId);
      const entranceId = place.kind === 'entrance' ? place.id : null;
      const room = input.room.trim();
      if (await repo.findHouseholdByDoor(db, buildingId, entranceId, room))
        throw new AppError('duplicate_door', {}, 'room');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertHousehold(tx, {
          communityId: place.communityId as number,
          buildingId,
          entranceId,
          room,
          floor: input.floor ?? null,
          notes: input.notes ?? null,
        });
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'household',
            entityId: created.id,
            communityId: created.communityId,
            detail: { room },
          },
          tx,
        );
        return created;
      });
      return this.getHousehold(actor, row.id);
    },

    async getResident(actor: Actor, id: number) {
      const resident = await visibleResident(actor, id);
      const household = resident.householdId
        ? await repo.findHousehold(db, actor.scope, resident.householdId)
        : undefined;
      const moves = await repo.movesOf(db, id);
      return {
        resident: residentView(resident, household),
        history: moves.map((m) => ({
          ...m,
          label: householdLabel(m),
          fromAt: m.fromAt.toISOString(),
          toAt: m.toAt?.toISOString() ?? null,
        })),
      };
    },

    async createResident(actor: Actor, input: ResidentInput) {
      const household = await visibleHousehold(actor, input.householdId);
      const identity = checked(input, actor);
      const sealed = sealIdentity(vault, identity.docNumber, identity.phone);
      await refuseDuplicate(household.communityId, sealed.docHash);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertResident(tx, {
          communityId: household.communityId,
          householdId: household.id,
          name: identity.name,
          gender: identity.gender,
          birthDate: identity.birthDate,
          docType: input.docType,
          ...sealed,
          relationToHead: input.relationToHead,
          residenceType: input.residenceType,
          tags: input.tags ?? [],
          notes: input.notes ?? null,
        });
        await repo.insertMove(tx, {
          communityId: created.communityId,
          residentId: created.id,
          householdId: household.id,
          reason: '新增登记',
          byAccountId: actor.accountId,
        });
        await audit.record(
          actor,
          {
            action: 'create',
            entity: 'resident',
            entityId: created.id,
            communityId: created.communityId,
            // No name: the log names the person from the registry, masked (audit/audit-names.repo.ts).
            detail: { householdId: created.householdId },
          },
          tx,
        );
        return created;
      });
      return residentView(row, household);
    },

    async updateResident(
      actor: Actor,
      id: number,
      input: Partial<Omit<ResidentInput, 'householdId'>> & { version: number },
    ) {
      const current = await visibleResident(actor, id);
      const identityTouched = ['name', 'docType', 'docNumber', 'phone', 'gender', 'birthDate'].some(
        (k) => k in input,
      );
      const changes: Record<string, unknown> = {};
      if (identityTouched) {
        // Unchanged secrets come back from the vault so the whole identity is checked together.
        const identity = checked(
          {
            name: input.name ?? current.name,
            docType: input.docType ?? (current.docType as DocumentType),
            docNumber: input.docNumber ?? vault.decrypt(current.docCipher),
            phone:
              input.phone !== undefined
                ? input.phone
                : current.phoneCipher
                  ? vault.decrypt(current.phoneCipher)
                  : null,
            gender: input.gender !== undefined ? input.gender : (current.gender as 'male' | 'female' | null),
            birthDate: input.birthDate !== undefined ? input.birthDate : current.birthDate,
          },
          actor,
        );
        const sealed = sealIdentity(vault, identity.docNumber, identity.phone);
        await refuseDuplicate(current.communityId, sealed.docHash, current.id);
        Object.assign(changes, {
          name: identity.name,
          gender: identity.gender,
          birthDate: identity.birthDate,
          ...sealed,
        });
        if (input.docType) changes.docType = input.docType;
      }
      for (const key of ['relationToHead', 'residenceType', 'tags', 'notes'] as const) {
        if (input[key] !== undefined) changes[key] = input[key];
      }
      const changedFields = Object.keys(input).filter((k) => k !== 'version');
      await db.transaction(async (tx) => {
        // A staff edit confirms a person who came in unverified (e.g. from the resident form).
        if (!(await repo.updateResident(tx, id, input.version, { ...changes, verified: true }))) {
          throw new AppError('conflict_version');
        }
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'resident',
            entityId: id,
            communityId: current.communityId,
            detail: { fields: changedFields },
          },
          tx,
        );
      });
      return (await this.getResident(actor, id)).resident;
    },

    async moveResident(
      actor: Actor,
      id: number,
      input: { householdId: number; reason: string; version: number },
    ) {
      const current = await visibleResident(actor, id);
      const target = await visibleHousehold(actor, input.householdId);
      assertCommunity(actor.scope, target.communityId);
      if (target.communityId !== current.communityId) throw new AppError('out_of_scope', {}, 'householdId');
      await db.transaction(async (tx) => {
        if (!(await repo.updateResident(tx, id, input.version, { householdId: target.id })))
          throw new AppError('conflict_version');
        await repo.closeOpenMove(tx, id);
        await repo.insertMove(tx, {
          communityId: current.communityId,
          residentId: id,
          householdId: target.id,
          reason: input.reason,
          byAccountId: actor.accountId,
        });
        await audit.record(
          actor,
          {
            action: 'move',
            entity: 'resident',
            entityId: id,
            communityId: current.communityId,
            reason: input.reason,
            detail: { from: current.householdId, to: target.id },
          },
          tx,
        );
      });
      return this.getResident(actor, id);
    },

    /**
     * Staff confirm someone who registered themselves (the resident form) after checking them, without
     * having to change anything. `version` guards against confirming what someone else just edited.
     */
    async verifyResident(actor: Actor, id: number, version: number) {
      const current = await visibleResident(actor, id);
      if (current.verified) return { verified: true };
      await db.transaction(async (tx) => {
        if (!(await repo.updateResident(tx, id, version, { verified: true })))
          throw new AppError('conflict_version');
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'resident',
            entityId: id,
            communityId: current.communityId,
            detail: { verified: true },
          },
          tx,
        );
      });
      return { verified: true };
    },

    /** The full value of one sensitive field, for a stated reason, written to the audit log first. */
    async reveal(actor: Actor, id: number, field: RevealableField, reason: string) {
      if (reason.trim().length < 4) throw new AppError('reason_required', {}, 'reason');
      const resident = await visibleResident(actor, id);
      const cipher = field === 'docNumber' ? resident.docCipher : resident.phoneCipher;
      if (!cipher) throw new AppError('nothing_to_reveal');
      await audit.record(actor, {
        action: 'reveal',
        entity: 'resident',
        entityId: id,
        communityId: resident.communityId,
        reason: reason.trim(),
        detail: { field },
      });
      return { field, value: vault.decrypt(cipher) };
    },

    async organisations(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      const rows = await repo.listOrganisations(db, communityId);
      return rows.map(({ contactPhoneCipher: _c, ...rest }) => rest);
    },

    async partyBranches(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      return repo.listPartyBranches(db, communityId);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
