// The daily report's targets for the scope probes: a template of A's sub-district, made by A's district
// officer, frozen for today (a correction) and yesterday (a confirmation) by the report's own job.
import { addDays, beijingInstant, beijingToday } from '../../../shared/time/beijing';
import { call, need, type SetupContext } from './targets';

export interface ReportTargets {
  reportTemplate: number;
  /** A's sub-district, where templates are set. */
  reportPlace: number;
  /** Today's (corrected by the owner's probe) and yesterday's (confirmed by it). */
  reportDay: string;
  confirmDay: string;
  /** A big-screen link of A's sub-district, revoked by the owner's probe. */
  screen: number;
}

export async function createReportTargets(
  ctx: SetupContext,
  districtOfficer: string,
): Promise<ReportTargets> {
  const { t, f } = ctx;
  const made = await call<{ template: { id: number } }>(
    t,
    districtOfficer,
    'POST',
    '/api/reports/templates',
    {
      placeId: f.subdistrict.id,
      name: '探针日报',
      cutoff: '00:00',
      columns: [{ indicator: 'people.residents', group: '人口' }],
    },
  );
  const screen = await call<{ screen: { id: number } }>(t, districtOfficer, 'POST', '/api/screens', {
    placeId: f.subdistrict.id,
    name: '探针大屏',
  });
  const today = beijingToday();
  const yesterday = addDays(today, -1);
  await t.services.reports.freezeDue(beijingInstant(yesterday, '23:00'));
  await t.services.reports.freezeDue(new Date());
  return {
    reportTemplate: need(made.template.id, 'report template'),
    reportPlace: f.subdistrict.id,
    reportDay: today,
    confirmDay: yesterday,
    screen: need(screen.screen.id, 'screen link'),
  };
}
