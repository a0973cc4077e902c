// Every timed or deferred job of Dashu, in one place: its name, handler, schedule (cron, Beijing time)
// and retry policy. A new job (missed check-ins, request deadlines, the daily report's cut-off) is one
// more `defineJob` here; the runner (job-runner.ts) creates its queue, works it on every instance, sends
// it on its schedule once across instances, retries it, and the console's jobs page lists it.
import { addDays, beijingToday } from '../../../shared/time/beijing';
import type { Database } from '../../db/database';
import { vacuumIfEmbedded } from '../../db/maintenance';
import type { DashboardsService } from '../dashboards/dashboards.service';
import type { ReportsService } from '../dashboards/reports.service';
import type { DeclarationsService } from '../declarations/declarations.service';
import type { CareService } from '../helpers/care.service';
import { type ImportsService, ROSTER_IMPORT_JOB, type RosterImportPayload } from '../imports/imports.service';
import type { ObservationService } from '../observation/observation.service';
import { deleteEndedRateLimits } from '../rate-limits/rate-limits.repo';
import { defineJob, type JobDefinition } from './job-definition';

export const PURGE_JOB = 'purge-health-answers';
export const VACUUM_JOB = 'vacuum-embedded';
export const SWEEP_RATE_LIMITS_JOB = 'sweep-rate-limits';
export const OBSERVATION_SWEEP_JOB = 'observation-sweep';
export const OBSERVATION_PURGE_JOB = 'purge-observation-readings';
export const CARE_ESCALATION_JOB = 'care-task-escalation';
export const DASHBOARD_FACTS_JOB = 'refresh-dashboard-facts';
export const FREEZE_REPORTS_JOB = 'freeze-daily-reports';

export interface JobServices {
  database: Database;
  declarations: Pick<DeclarationsService, 'purgeDue'>;
  imports: Pick<ImportsService, 'runImport' | 'importFailedForGood'>;
  observation: Pick<ObservationService, 'sweep' | 'purgeReadings'>;
  care: Pick<CareService, 'escalateOverdue'>;
  dashboards: Pick<DashboardsService, 'refresh'>;
  reports: Pick<ReportsService, 'freezeDue'>;
  log: { info(obj: object, msg: string): void };
}

export function jobRegistry(s: JobServices): JobDefinition<object>[] {
  return [
    // Health answers past their purge date are deleted every six hours (and once at start, main.ts).
    defineJob({
      name: PURGE_JOB,
      schedule: { cron: '0 */6 * * *' },
      retry: { limit: 3, delaySeconds: 60, backoff: true },
      expireInSeconds: 30 * 60,
      pollSeconds: 30,
      handler: async () => {
        const purged = await s.declarations.purgeDue();
        if (purged > 0) s.log.info({ purged }, 'purged health answers past their purge date');
      },
    }),
    // PGlite runs no autovacuum (db/maintenance.ts): vacuumed every six hours, a few minutes after the
    // purge, and half a minute after start (main.ts). PostgreSQL's autovacuum does this by itself.
    defineJob({
      name: VACUUM_JOB,
      only: 'embedded',
      schedule: { cron: '10 */6 * * *' },
      retry: { limit: 2, delaySeconds: 300 },
      expireInSeconds: 30 * 60,
      pollSeconds: 30,
      handler: async () => {
        const ms = await vacuumIfEmbedded(s.database);
        if (ms !== null) s.log.info({ ms: Math.round(ms) }, 'vacuumed the embedded database');
      },
    }),
    // Rate-limit counters whose window is over (rate-limits.repo.ts): hourly, at a quarter past.
    defineJob({
      name: SWEEP_RATE_LIMITS_JOB,
      schedule: { cron: '15 * * * *' },
      retry: { limit: 2, delaySeconds: 60 },
      expireInSeconds: 10 * 60,
      pollSeconds: 30,
      handler: async () => {
        const deleted = await deleteEndedRateLimits(s.database.db);
        if (deleted > 0) s.log.info({ deleted }, 'deleted rate-limit counters whose window was over');
      },
    }),
    // Observation (R9): check-in slots 30 minutes past their window are missed (two in a row make a
    // door-visit task), alerts unacknowledged for 15 minutes go to the secretary. Every minute; a rerun
    // changes nothing (slots are marked once, tasks carry a dedupe key).
    defineJob({
      name: OBSERVATION_SWEEP_JOB,
      schedule: { cron: '* * * * *' },
      retry: { limit: 2, delaySeconds: 30 },
      expireInSeconds: 5 * 60,
      pollSeconds: 15,
      handler: async () => {
        const swept = await s.observation.sweep();
        if (swept.missed + swept.escalated > 0) s.log.info(swept, 'observation sweep');
      },
    }),
    // Observation readings (temperature, symptoms) past their purge date (30 days after the planned end)
    // are deleted every six hours, twenty minutes after the health answers; a rerun finds nothing left.
    defineJob({
      name: OBSERVATION_PURGE_JOB,
      schedule: { cron: '20 */6 * * *' },
      retry: { limit: 3, delaySeconds: 60, backoff: true },
      expireInSeconds: 30 * 60,
      pollSeconds: 30,
      handler: async () => {
        const purged = await s.observation.purgeReadings();
        if (purged > 0) s.log.info({ purged }, 'purged observation readings past their purge date');
      },
    }),
    // Care tasks nobody accepted within 30 minutes go to staff (helpers module): every minute, one UPDATE.
    defineJob({
      name: CARE_ESCALATION_JOB,
      schedule: { cron: '* * * * *' },
      retry: { limit: 1, delaySeconds: 30 },
      expireInSeconds: 5 * 60,
      pollSeconds: 30,
      handler: async () => {
        const escalated = await s.care.escalateOverdue();
        if (escalated > 0) s.log.info({ escalated }, 'escalated care tasks nobody accepted');
      },
    }),
    // The dashboards' facts (issue 17): every minute, so no number is more than ~60 s behind; the first
    // run of a day also finishes the day before (the last minute of yesterday's daily counts).
    defineJob({
      name: DASHBOARD_FACTS_JOB,
      schedule: { cron: '* * * * *' },
      retry: { limit: 0, delaySeconds: 10 },
      expireInSeconds: 5 * 60,
      pollSeconds: 5,
      handler: async () => {
        const now = new Date();
        const today = beijingToday(now);
        if (beijingToday(new Date(now.getTime() - 2 * 60_000)) !== today)
          await s.dashboards.refresh(addDays(today, -1));
        await s.dashboards.refresh(today);
      },
    }),
    // The daily report (日报): each minute, every template whose cut-off has passed today is frozen for
    // the communities under its place that have no report yet (so a cut-off is kept within a minute).
    defineJob({
      name: FREEZE_REPORTS_JOB,
      schedule: { cron: '* * * * *' },
      retry: { limit: 2, delaySeconds: 10 },
      expireInSeconds: 5 * 60,
      pollSeconds: 5,
      handler: async () => {
        const frozen = await s.reports.freezeDue();
        if (frozen > 0) s.log.info({ frozen }, 'froze daily reports at their cut-off');
      },
    }),
    // A roster import: the upload route stores the file and sends this; any instance runs it. Lost with
    // its instance, it is retried after 15 minutes (an import lands whole or not at all, so a retry is
    // safe); when retries are used up the import is marked failed — never left "running".
    defineJob<RosterImportPayload>({
      name: ROSTER_IMPORT_JOB,
      retry: { limit: 2, delaySeconds: 10 },
      expireInSeconds: 15 * 60,
      handler: async (run) => {
        await s.imports.runImport(run);
      },
      onFinalFailure: (data) => s.imports.importFailedForGood(data),
    }),
  ];
}
