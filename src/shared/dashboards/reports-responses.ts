import { type Static, Type } from 'typebox';
import { DayOut, InstantOut, ItemsOf, Nullable } from '../api/responses';
import { PlaceRef } from './dashboards-responses';

// What the daily report routes answer (src/server/modules/dashboards/reports.routes.ts).

export const ReportColumn = Type.Object({ indicator: Type.String(), group: Nullable(Type.String()) });
export type ReportColumn = Static<typeof ReportColumn>;

export const ReportTemplateOut = Type.Object({
  id: Type.Integer(),
  placeId: Type.Integer(),
  name: Type.String(),
  cutoff: Type.String(),
  columns: Type.Array(ReportColumn),
});
export type ReportTemplateOut = Static<typeof ReportTemplateOut>;
export const ReportTemplateAnswer = Type.Object({ template: ReportTemplateOut });
export const ReportTemplates = ItemsOf(ReportTemplateOut);
export type ReportTemplates = Static<typeof ReportTemplates>;

const Values = Type.Record(Type.String(), Nullable(Type.Number()));

export const REPORT_STATES = ['waiting', 'frozen', 'resubmitted', 'confirmed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const ReportRow = Type.Object({
  place: PlaceRef,
  state: Type.Enum(REPORT_STATES),
  version: Nullable(Type.Integer()),
  frozenAt: Nullable(InstantOut),
  submittedAt: Nullable(InstantOut),
  confirmedAt: Nullable(InstantOut),
  /** One value per column (the template's indicators). */
  values: Values,
  /** The same cells the day before, and the change. */
  previous: Values,
  change: Values,
});
export type ReportRow = Static<typeof ReportRow>;

export const DailyReport = Type.Object({
  template: ReportTemplateOut,
  day: DayOut,
  place: PlaceRef,
  rows: Type.Array(ReportRow),
  /** The sum of the communities' (ratios from the summed parts). */
  total: Type.Object({ values: Values, previous: Values, change: Values }),
});
export type DailyReport = Static<typeof DailyReport>;

export const ReportRowAnswer = Type.Object({ row: ReportRow });
