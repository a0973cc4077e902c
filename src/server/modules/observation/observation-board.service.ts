import type { Readable } from 'node:stream';
import type { Board } from '../../../shared/observation/observation-responses';
import { beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { recordExport } from '../audit/export-audit';
import { assertCommunity } from '../auth/scope';
import * as repo from './observation-board.repo';
import { writeObservationWorkbook } from './observation-export';

/** What staff and officers read in bulk: the community's board, the district's counts, the workbook. */
export function createBoardService(db: Db, vault: Vault, audit: AuditService) {
  return {
    async board(actor: Actor, communityId: number): Promise<Board> {
      assertCommunity(actor.scope, communityId);
      const today = beijingToday();
      const [counts, byDay, byBuilding] = await Promise.all([
        repo.boardCounts(db, [communityId], today),
        repo.boardByDay(db, communityId, today),
        repo.boardByBuilding(db, communityId, today),
      ]);
      const c = counts[0];
      return {
        communityId,
        today,
        active: c?.active ?? 0,
        home: c?.home ?? 0,
        centralised: c?.centralised ?? 0,
        openAlerts: c?.open_alerts ?? 0,
        endingToday: c?.ending_today ?? 0,
        endingTomorrow: c?.ending_tomorrow ?? 0,
        slotsDone: c?.slots_done ?? 0,
        slotsDue: c?.slots_due ?? 0,
        slotsMissed: c?.slots_missed ?? 0,
        byDay,
        byBuilding: byBuilding.map((b) => ({
          buildingId: b.building_id,
          buildingName: b.building_name,
          compoundName: b.compound_name,
          active: b.active,
          openAlerts: b.open_alerts,
          slotsMissed: b.slots_missed,
        })),
      };
    },

    /** Sub-district and district officers: the counts of each community in scope. */
    async summary(actor: Actor) {
      const today = beijingToday();
      const ids = actor.scope.communityIds;
      const [counts, names] = await Promise.all([
        repo.boardCounts(db, ids, today),
        repo.communityNames(db, ids),
      ]);
      return counts.map((c) => ({
        communityId: c.community_id,
        communityName: names.get(c.community_id) ?? '',
        active: c.active,
        home: c.home,
        centralised: c.centralised,
        openAlerts: c.open_alerts,
        endingToday: c.ending_today,
        endingTomorrow: c.ending_tomorrow,
        slotsDone: c.slots_done,
        slotsDue: c.slots_due,
        slotsMissed: c.slots_missed,
      }));
    },

    /** Day-by-day workbook: audited first; names masked. */
    async exportWorkbook(actor: Actor, q: { communityId: number; includeEnded: boolean }): Promise<Readable> {
      assertCommunity(actor.scope, q.communityId);
      const rows = await repo.exportRows(db, actor.scope, q.communityId, q.includeEnded);
      const people = new Set(rows.map((r) => r.observation_id)).size;
      await recordExport(audit, actor, {
        kind: 'observation_days',
        entity: 'observation',
        communities: [{ communityId: q.communityId, rows: people }],
        detail: { masked: true, slots: rows.length, includeEnded: q.includeEnded },
      });
      return writeObservationWorkbook(rows, (cipher) => JSON.parse(vault.decrypt(cipher)));
    },
  };
}
