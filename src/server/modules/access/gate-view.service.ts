// What the console shows of the gates: the log of a day's checks and the day view with its anomalies.
import type { Direction, Verdict } from '../../../shared/access';
import { beijingDayEnd, beijingDayStart } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { canSeeCommunity } from '../auth/scope';
import * as checksRepo from './gate-checks.repo';
import * as viewRepo from './gate-view.repo';
import * as repo from './passes.repo';

export function createGateViewService(db: Db) {
  return {
    /** The log of a day (Beijing day), newest first: what the console's gate view lists. */
    async listChecks(actor: Actor, filter: { gateId?: number; day: string; limit: number }) {
      const from = beijingDayStart(filter.day);
      const to = beijingDayEnd(filter.day);
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
     * The console's gate view for one Beijing day: checks per hour per gate, fevers, refusals, visitors,
     * passes issued and revoked, and the anomalies worth a look.
     */
    async dayView(actor: Actor, filter: { communityId?: number; day: string }) {
      if (filter.communityId !== undefined && !canSeeCommunity(actor.scope, filter.communityId))
        throw new AppError('not_found');
      const communityIds = filter.communityId ? [filter.communityId] : actor.scope.communityIds;
      const from = beijingDayStart(filter.day);
      const to = beijingDayEnd(filter.day);
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
  };
}
