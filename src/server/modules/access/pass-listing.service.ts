// Reading passes: the console's list and the print sheet (printing is audited like an export).

import { maskName } from '../../../shared/access';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import type { AuditService } from '../audit/audit.service';
import { recordExport } from '../audit/export-audit';
import * as repo from './passes.repo';
import type { PassHelpers, PassHolderSetting, PassStatusFilter } from './passes.shared';

export function createPassListingService(db: Db, audit: AuditService, helpers: PassHelpers) {
  const { compoundInScope, shownStatus } = helpers;
  return {
    async list(
      actor: Actor,
      filter: {
        communityId?: number;
        compoundId?: number;
        status?: PassStatusFilter;
        number?: number;
        page: number;
        pageSize: number;
      },
    ) {
      const today = beijingToday();
      const { rows, total } = await repo.listPasses(db, actor.scope, {
        ...filter,
        today,
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.pass.id,
          communityId: r.pass.communityId,
          compoundId: r.pass.compoundId,
          number: r.pass.number,
          holderKind: r.pass.holderKind as PassHolderSetting,
          householdId: r.pass.householdId,
          compoundName: r.compoundName,
          buildingName: r.buildingName,
          room: r.room,
          holderName: r.holderName ? maskName(r.holderName) : null,
          validUntil: r.pass.validUntil,
          status: shownStatus(r.pass, today),
          kid: r.pass.kid,
          issuedAt: r.pass.issuedAt.toISOString(),
          revokedReason: r.pass.revokedReason,
          hasLink: r.pass.linkToken !== null,
        })),
      };
    },

    /**
     * What the print page lays out: tokens with number, building/room and masked name. Printing is
     * recorded (who printed how many passes of which compound), like an export.
     */
    async printSheet(actor: Actor, input: { compoundId: number; status?: PassStatusFilter; limit: number }) {
      const compound = await compoundInScope(actor, input.compoundId);
      const today = beijingToday();
      const { rows, total } = await repo.listPasses(db, actor.scope, {
        compoundId: compound.id,
        status: input.status ?? 'active',
        today,
        limit: input.limit,
        offset: 0,
      });
      await recordExport(audit, actor, {
        kind: 'pass_print',
        entity: 'pass',
        communities: [{ communityId: compound.communityId, rows: rows.length }],
        detail: { compoundId: compound.id },
      });
      return {
        compoundName: compound.name,
        total,
        items: rows.map((r) => ({
          number: r.pass.number,
          token: r.pass.token,
          buildingName: r.buildingName,
          room: r.room,
          holderName: r.holderName ? maskName(r.holderName) : null,
          validUntil: r.pass.validUntil,
        })),
      };
    },
  };
}
