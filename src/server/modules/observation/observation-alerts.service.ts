import { maskName } from '../../../shared/access';
import { ESCALATE_AFTER_MINUTES, MISSED_AFTER_MINUTES } from '../../../shared/observation';
import type { TaskOut } from '../../../shared/observation/observation-responses';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { assertCommunity } from '../auth/scope';
import * as repo from './observation-alerts.repo';
import { alertView } from './observation-views';

/** Alerts (a fever, a symptom) and staff tasks (door visits, escalations), and the sweep that makes them. */
export function createAlertsService(db: Db, audit: AuditService) {
  return {
    async alerts(actor: Actor, communityId: number) {
      assertCommunity(actor.scope, communityId);
      return (await repo.listOpenAlerts(db, actor.scope, communityId)).map(alertView);
    },

    async acknowledge(actor: Actor, id: number) {
      const row = await db.transaction(async (tx) => {
        const acked = await repo.acknowledgeAlert(tx, actor.scope, id, actor.accountId);
        if (!acked) throw new AppError('not_found');
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'observation_alert',
            entityId: id,
            communityId: acked.community_id,
            detail: { change: 'acknowledge' },
          },
          tx,
        );
        return acked;
      });
      return alertView(row);
    },

    async tasks(actor: Actor, communityId: number, open: boolean): Promise<TaskOut[]> {
      assertCommunity(actor.scope, communityId);
      return (await repo.listTasks(db, actor.scope, communityId, open)).map((t) => ({
        id: t.id,
        kind: t.kind as TaskOut['kind'],
        communityId: t.community_id,
        residentId: t.resident_id,
        name: maskName(t.name),
        observationId: t.observation_id,
        reason: t.reason,
        createdAt: new Date(t.created_at).toISOString(),
        doneAt: t.done_at ? new Date(t.done_at).toISOString() : null,
      }));
    },

    async completeTask(actor: Actor, id: number) {
      const done = await repo.completeTask(db, actor.scope, id, actor.accountId);
      if (!done) throw new AppError('not_found');
    },

    /**
     * The timed sweep (jobs registry, every minute): slots 30 minutes past their window are missed (two in
     * a row make a door-visit task); alerts open 15 minutes are escalated to the secretary (a task).
     */
    async sweep(now = new Date()) {
      return db.transaction(async (tx) => {
        const missed = await repo.markMissedSlots(tx, now, MISSED_AFTER_MINUTES);
        const pairs = await repo.twoMissedInARow(tx, [...new Set(missed.map((m) => m.observation_id))]);
        for (const p of pairs)
          await repo.insertTask(tx, {
            communityId: p.community_id,
            residentId: p.resident_id,
            observationId: p.observation_id,
            kind: 'door_visit',
            reason: '连续两次未按时报告体温，请上门查看',
            dedupeKey: `door_visit:${p.last_slot}`,
          });
        const escalated = await repo.escalateAlerts(tx, now, ESCALATE_AFTER_MINUTES);
        for (const a of escalated)
          await repo.insertTask(tx, {
            communityId: a.community_id,
            residentId: a.resident_id,
            observationId: a.observation_id,
            kind: 'alert_escalated',
            reason: `异常报告 ${ESCALATE_AFTER_MINUTES} 分钟内无人处理，已上报书记`,
            dedupeKey: `alert_escalated:${a.id}`,
          });
        return { missed: missed.length, doorVisits: pairs.length, escalated: escalated.length };
      });
    },
  };
}
