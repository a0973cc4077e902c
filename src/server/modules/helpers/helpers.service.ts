// Helpers (volunteers and Party members) and building coverage (全覆盖): who they are, which buildings
// they answer for, and the matrix of buildings × roles with the gaps first.
import { eq, sql } from 'drizzle-orm';
import {
  COVERAGE_ROLES,
  type CoverageRequirements,
  type CoverageRole,
  coverageMatrix,
  DEFAULT_COVERAGE,
  nextReportDue,
  type PartyKind,
} from '../../../shared/helpers';
import type { Helper } from '../../../shared/helpers/helpers-responses';
import { checkNameField, checkPhoneField } from '../../../shared/people/resident-input';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity, placeInScope } from '../auth/scope';
import { sealPhone } from '../people/people.service';
import { findPlace } from '../places/places.repo';
import * as repo from './helpers.repo';
import { helpers as helpersTable } from './helpers.table';

export const bad = (detail: string, field?: string) => new AppError('validation_failed', { detail }, field);

export interface HelperInput {
  communityId: number;
  residentId?: number | null | undefined;
  name?: string | undefined;
  phone?: string | null | undefined;
  teams?: string[] | undefined;
  skills?: string[] | undefined;
  availability?: string | null | undefined;
  verified?: boolean | undefined;
  accountId?: number | null | undefined;
  partyBranchId?: number | null | undefined;
  partyKind?: PartyKind | null | undefined;
  employerPartyOrg?: string | null | undefined;
  reportedOn?: string | null | undefined;
}
export type HelperChange = Partial<Omit<HelperInput, 'communityId' | 'residentId'>>;

function helperView(row: repo.HelperRow): Helper {
  const today = beijingToday();
  return {
    id: row.id,
    communityId: row.community_id,
    residentId: row.resident_id,
    name: row.name,
    phoneMasked: row.phone_masked,
    teams: row.teams,
    skills: row.skills,
    availability: row.availability,
    verified: row.verified,
    accountId: row.account_id,
    partyBranchId: row.party_branch_id,
    partyBranchName: row.party_branch_name,
    partyKind: row.party_kind as PartyKind | null,
    employerPartyOrg: row.employer_party_org,
    reportedOn: row.reported_on,
    nextReportDue: row.next_report_due,
    reportDue: row.party_kind === 'in_service' && row.next_report_due != null && row.next_report_due <= today,
    buildings: row.buildings.map((b) => ({ ...b, role: b.role as CoverageRole })),
  };
}

export function createHelpersService(db: Db, vault: Vault, audit: AuditService) {
  async function helperIn(actor: Actor, id: number) {
    const row = (await repo.listHelpers(db, actor.scope.communityIds, id))[0];
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** The links a helper's fields name must be of its own community; a wrong one answers as missing. */
  async function checkLinks(communityId: number, input: HelperChange, selfId?: number) {
    if (input.accountId != null) {
      if (!(await repo.accountOfCommunity(db, communityId, input.accountId)))
        throw bad('账号不存在或不属于本社区 (no such account in this community)', 'accountId');
      const linked = await repo.helperOfAccount(db, input.accountId);
      if (linked && linked.id !== selfId)
        throw bad('该账号已关联其他志愿者 (the account is linked to another helper)', 'accountId');
    }
    if (input.partyBranchId != null && !(await repo.branchOfCommunity(db, communityId, input.partyBranchId)))
      throw bad('党支部不存在或不属于本社区 (no such Party branch in this community)', 'partyBranchId');
    if (input.reportedOn != null && input.reportedOn > beijingToday())
      throw bad('报到日期不能晚于今天 (the report date is in the future)', 'reportedOn');
  }

  function partyFields(
    input: HelperChange,
    current?: { partyKind: string | null; reportedOn: string | null },
  ) {
    const kind = input.partyKind === undefined ? (current?.partyKind ?? null) : input.partyKind;
    const reportedOn = input.reportedOn === undefined ? (current?.reportedOn ?? null) : input.reportedOn;
    return {
      ...(input.partyKind !== undefined ? { partyKind: input.partyKind } : {}),
      ...(input.partyBranchId !== undefined ? { partyBranchId: input.partyBranchId } : {}),
      ...(input.employerPartyOrg !== undefined ? { employerPartyOrg: input.employerPartyOrg } : {}),
      ...(input.reportedOn !== undefined ? { reportedOn: input.reportedOn } : {}),
      nextReportDue: kind === 'in_service' && reportedOn ? nextReportDue(reportedOn) : null,
    };
  }

  const plain = (input: HelperChange) => ({
    ...(input.teams !== undefined ? { teams: [...new Set(input.teams)] } : {}),
    ...(input.skills !== undefined
      ? { skills: [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))] }
      : {}),
    ...(input.availability !== undefined ? { availability: input.availability } : {}),
    ...(input.verified !== undefined ? { verified: input.verified } : {}),
    ...(input.accountId !== undefined ? { accountId: input.accountId } : {}),
  });

  async function requirements(communityId: number): Promise<CoverageRequirements> {
    return (await repo.requirementsOf(db, [communityId])).get(communityId) ?? DEFAULT_COVERAGE;
  }

  return {
    async list(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      return (await repo.listHelpers(db, [communityId])).map(helperView);
    },

    async create(actor: Actor, input: HelperInput) {
      assertCommunity(actor.scope, input.communityId);
      let identity: { residentId: number | null; name: string; phone: ReturnType<typeof sealPhone> };
      if (input.residentId != null) {
        const resident = await repo.residentForHelper(db, input.communityId, input.residentId);
        if (!resident) throw new AppError('not_found');
        identity = {
          residentId: resident.id,
          name: resident.name,
          phone: {
            phoneCipher: resident.phone_cipher,
            phoneHash: resident.phone_hash,
            phoneMasked: resident.phone_masked,
            phoneTail: null,
          },
        };
      } else {
        const name = checkNameField(input.name);
        if (!name.ok) throw bad(name.issue.message[actor.lang], 'name');
        const phone = checkPhoneField(input.phone);
        if (!phone.ok) throw new AppError('invalid_phone', {}, 'phone');
        identity = { residentId: null, name: name.value, phone: sealPhone(vault, phone.value) };
      }
      await checkLinks(input.communityId, input);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(helpersTable)
          .values({
            communityId: input.communityId,
            residentId: identity.residentId,
            name: identity.name,
            phoneCipher: identity.phone.phoneCipher,
            phoneHash: identity.phone.phoneHash,
            phoneMasked: identity.phone.phoneMasked,
            ...plain(input),
            ...partyFields(input),
            createdAt: new Date(),
          })
          .returning({ id: helpersTable.id });
        const helperId = (row as { id: number }).id;
        await audit.record(
          actor,
          { action: 'create', entity: 'helper', entityId: helperId, communityId: input.communityId },
          tx,
        );
        return helperId;
      });
      return helperView(await helperIn(actor, id));
    },

    async update(actor: Actor, id: number, change: HelperChange) {
      const current = await helperIn(actor, id);
      await checkLinks(current.community_id, change, id);
      const phone =
        change.phone === undefined
          ? {}
          : (() => {
              const checked = checkPhoneField(change.phone);
              if (!checked.ok) throw new AppError('invalid_phone', {}, 'phone');
              const sealed = sealPhone(vault, checked.value);
              return {
                phoneCipher: sealed.phoneCipher,
                phoneHash: sealed.phoneHash,
                phoneMasked: sealed.phoneMasked,
              };
            })();
      const name =
        change.name === undefined
          ? {}
          : (() => {
              const checked = checkNameField(change.name);
              if (!checked.ok) throw bad(checked.issue.message[actor.lang], 'name');
              return { name: checked.value };
            })();
      await db.transaction(async (tx) => {
        await tx
          .update(helpersTable)
          .set({
            ...name,
            ...phone,
            ...plain(change),
            ...partyFields(change, { partyKind: current.party_kind, reportedOn: current.reported_on }),
          })
          .where(eq(helpersTable.id, id));
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'helper',
            entityId: id,
            communityId: current.community_id,
            detail: { fields: Object.keys(change) },
          },
          tx,
        );
      });
      return helperView(await helperIn(actor, id));
    },

    async saveRequirements(actor: Actor, communityId: number, required: CoverageRequirements) {
      assertCommunity(actor.scope, communityId);
      if (COVERAGE_ROLES.every((role) => required[role] === 0))
        throw bad('至少要求一种角色 (require at least one role)', 'required');
      await db.transaction(async (tx) => {
        await repo.saveRequirements(tx, communityId, required, actor.accountId);
        await audit.record(
          actor,
          { action: 'update', entity: 'coverage_settings', communityId, detail: { required } },
          tx,
        );
      });
      return { communityId, required };
    },

    async coverage(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      const [required, data] = await Promise.all([
        requirements(communityId),
        repo.coverageData(db, communityId),
      ]);
      return { communityId, required, ...coverageMatrix(data.buildings, data.assignments, required) };
    },

    async assign(actor: Actor, input: { buildingId: number; role: CoverageRole; helperId: number }) {
      const building = await repo.buildingInScope(
        db,
        actor.scope.communityIds,
        actor.scope.buildingIds,
        input.buildingId,
      );
      if (!building) throw new AppError('not_found');
      const helper = await repo.findHelper(db, [building.community_id], input.helperId);
      if (!helper) throw new AppError('not_found');
      return db.transaction(async (tx) => {
        const row = await repo.insertAssignment(tx, {
          communityId: building.community_id,
          buildingId: building.id,
          role: input.role,
          helperId: helper.id,
          accountId: actor.accountId,
        });
        if (!row) throw new AppError('not_found');
        if (row.inserted)
          await audit.record(
            actor,
            {
              action: 'create',
              entity: 'building_role',
              entityId: row.id,
              communityId: building.community_id,
              detail: { buildingId: building.id, role: input.role, helperId: helper.id },
            },
            tx,
          );
        return { id: row.id, buildingId: building.id, role: input.role, helperId: helper.id };
      });
    },

    async unassign(actor: Actor, id: number) {
      await db.transaction(async (tx) => {
        const row = await repo.deleteAssignment(tx, actor.scope.communityIds, id);
        if (!row) throw new AppError('not_found');
        await audit.record(
          actor,
          { action: 'delete', entity: 'building_role', entityId: id, communityId: row.community_id },
          tx,
        );
      });
    },

    /** Each community under `placeId` (within the caller's scope): buildings and how many fully covered. */
    async rollup(actor: Actor, placeId: number) {
      const place = await findPlace(db, placeId);
      if (!place || !placeInScope(actor.scope, place)) throw new AppError('not_found');
      const prefix = `${place.path}${place.id}/`;
      const under = await db.execute<{ id: number }>(
        sqlCommunitiesUnder(prefix, place.id, actor.scope.communityIds),
      );
      const communities = under.rows.map((r) => r.id);
      if (communities.length === 0) return [];
      const rows = await repo.coverageRollup(db, communities, DEFAULT_COVERAGE);
      return rows.map((r) => ({
        communityId: r.community_id,
        communityName: r.community_name,
        buildings: r.buildings,
        covered: r.covered,
        share: r.buildings === 0 ? 1 : r.covered / r.buildings,
      }));
    },
  };
}

function sqlCommunitiesUnder(prefix: string, placeId: number, scoped: number[]) {
  return sql`select id from places where kind = 'community'
    and (id = ${placeId} or path like ${`${prefix}%`})
    and id = any(${`{${scoped.join(',')}}`}::int[])`;
}

export type HelpersService = ReturnType<typeof createHelpersService>;
