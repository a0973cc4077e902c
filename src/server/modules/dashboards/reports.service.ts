import type { Readable } from 'node:stream';
import type { PlaceRef } from '../../../shared/dashboards/dashboards-responses';
import type { DailyReport, ReportRow, ReportState } from '../../../shared/dashboards/reports-responses';
import { addDays, beijingDateTime } from '../../../shared/time/beijing';
import type { Database } from '../../db/database';
import { streamWorkbook } from '../../files/workbook';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { placeInScope } from '../auth/scope';
import type { DashboardsService } from './dashboards.service';
import * as facts from './facts.repo';
import { type IndicatorRegistry, ratioValue } from './indicator-registry';
import * as repo from './reports.repo';

const ref = (p: facts.PlaceRowOut): PlaceRef => ({ id: p.id, name: p.name, kind: p.kind });
const TEMPLATE_KINDS = new Set(['city', 'district', 'subdistrict']);
const at = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);
type Values = Record<string, number | null>;

/** 日报: templates as data, frozen per community at the cut-off, corrected until confirmed, summed upward. */
export function createReportsService(
  database: Database,
  registry: IndicatorRegistry,
  dashboards: DashboardsService,
  audit: AuditService,
) {
  const { db } = database;

  const view = (t: repo.TemplateRow) => ({
    id: t.id,
    placeId: t.place_id,
    name: t.name,
    cutoff: t.cutoff,
    columns: t.columns,
  });

  async function visiblePlace(actor: Actor, placeId: number) {
    const place = await facts.placeById(db, placeId);
    if (!place || !placeInScope(actor.scope, place)) throw new AppError('not_found');
    if (place.community_id !== null && !actor.scope.communityIds.includes(place.community_id))
      throw new AppError('not_found');
    return place;
  }

  /** A template that applies to `place`: set at the place itself or at one of its ancestors. */
  async function templateFor(templateId: number, place: facts.PlaceRowOut) {
    const template = await repo.templateById(db, templateId);
    const line = [...place.path.split('/').filter(Boolean).map(Number), place.id];
    if (!template || !line.includes(template.place_id)) throw new AppError('not_found');
    return template;
  }

  /** The cells of a row from stored values: counted indicators as they are, ratios from their parts. */
  function cells(template: repo.TemplateRow, values: Record<string, number> | undefined): Values {
    return Object.fromEntries(
      template.columns.map((c) => {
        const indicator = registry.get(c.indicator);
        if (!values || !indicator) return [c.indicator, null];
        if (indicator.kind === 'ratio')
          return [
            c.indicator,
            ratioValue(values[indicator.numerator ?? ''], values[indicator.denominator ?? '']),
          ];
        return [c.indicator, values[c.indicator] ?? 0];
      }),
    );
  }

  const changeOf = (now: Values, before: Values): Values =>
    Object.fromEntries(
      Object.entries(now).map(([k, v]) => {
        const b = before[k];
        return [k, v === null || b === null || b === undefined ? null : Math.round((v - b) * 10) / 10];
      }),
    );

  function sum(rows: (Record<string, number> | undefined)[]) {
    const out: Record<string, number> = {};
    let any = false;
    for (const values of rows) {
      if (!values) continue;
      any = true;
      for (const [k, v] of Object.entries(values)) out[k] = (out[k] ?? 0) + v;
    }
    return any ? out : undefined;
  }

  async function report(
    actor: Actor,
    templateId: number,
    day: string,
    placeId: number,
  ): Promise<DailyReport> {
    const place = await visiblePlace(actor, placeId);
    const template = await templateFor(templateId, place);
    const communities = (await repo.communitiesUnder(db, place)).filter((c) =>
      actor.scope.communityIds.includes(c.id),
    );
    const ids = communities.map((c) => c.id);
    const before = addDays(day, -1);
    const [stored, names] = await Promise.all([
      repo.reportsOf(db, template.id, [day, before], ids),
      facts.placesByIds(db, ids),
    ]);
    const byName = new Map(names.map((p) => [p.id, p]));
    const of = (d: string, id: number) => stored.find((r) => r.day === d && r.community_id === id);
    const rows: ReportRow[] = ids.flatMap((id) => {
      const p = byName.get(id);
      if (!p) return [];
      const today = of(day, id);
      const yesterday = of(before, id);
      const values = cells(template, today?.values);
      const previous = cells(template, yesterday?.values);
      const state: ReportState = !today
        ? 'waiting'
        : today.confirmed_at
          ? 'confirmed'
          : today.version > 1
            ? 'resubmitted'
            : 'frozen';
      return [
        {
          place: ref(p),
          state,
          version: today?.version ?? null,
          frozenAt: at(today?.frozen_at ?? null),
          submittedAt: at(today?.submitted_at ?? null),
          confirmedAt: at(today?.confirmed_at ?? null),
          values,
          previous,
          change: changeOf(values, previous),
        },
      ];
    });
    const totalValues = cells(template, sum(ids.map((id) => of(day, id)?.values)));
    const totalPrevious = cells(template, sum(ids.map((id) => of(before, id)?.values)));
    return {
      template: view(template),
      day,
      place: ref(place),
      rows,
      total: { values: totalValues, previous: totalPrevious, change: changeOf(totalValues, totalPrevious) },
    };
  }

  return {
    async createTemplate(
      actor: Actor,
      input: {
        placeId: number;
        name: string;
        cutoff: string;
        columns: { indicator: string; group?: string | null }[];
      },
    ) {
      const place = await visiblePlace(actor, input.placeId);
      if (!TEMPLATE_KINDS.has(place.kind)) throw new AppError('invalid_place_kind', {}, 'placeId');
      for (const c of input.columns)
        if (!registry.get(c.indicator)) throw new AppError('indicator_unknown', {}, 'columns');
      const template = await repo.insertTemplate(db, {
        placeId: place.id,
        name: input.name,
        cutoff: input.cutoff,
        columns: input.columns.map((c) => ({ indicator: c.indicator, group: c.group ?? null })),
      });
      await audit.record(actor, {
        action: 'create',
        entity: 'report_template',
        entityId: template.id,
        communityId: place.community_id,
        detail: { placeId: place.id, name: input.name, cutoff: input.cutoff, columns: input.columns.length },
      });
      return { template: view(template) };
    },

    /** The templates that apply to a place: set there or above it. */
    async templates(actor: Actor, placeId: number) {
      const place = await visiblePlace(actor, placeId);
      const line = [...place.path.split('/').filter(Boolean).map(Number), place.id];
      return { items: (await repo.templatesAt(db, line)).map(view) };
    },

    report,

    /**
     * The timed job: every report whose cut-off has passed today is frozen for each community under its
     * place, from the facts refreshed for those communities a moment before.
     */
    async freezeDue(now = new Date()) {
      const { day, time } = beijingDateTime(now);
      const due = await repo.dueReports(db, day, time);
      if (due.length === 0) return 0;
      await dashboards.refresh(day, [...new Set(due.map((d) => d.community_id))]);
      return repo.freeze(db, day, due);
    },

    async resubmit(
      actor: Actor,
      key: { templateId: number; day: string; communityId: number },
      values: Record<string, number>,
    ) {
      const place = await visiblePlace(actor, key.communityId);
      if (place.kind !== 'community') throw new AppError('not_found');
      const template = await templateFor(key.templateId, place);
      const allowed = new Set(
        template.columns.map((c) => c.indicator).filter((id) => registry.get(id)?.kind !== 'ratio'),
      );
      for (const k of Object.keys(values))
        if (!allowed.has(k)) throw new AppError('indicator_unknown', {}, 'values');
      const existing = await repo.reportsOf(db, template.id, [key.day], [place.id]);
      if (!existing[0]) throw new AppError('report_not_frozen');
      if (existing[0].confirmed_at) throw new AppError('report_confirmed');
      if (!(await repo.resubmit(db, key, values, actor.accountId))) throw new AppError('report_confirmed');
      // A corrected figure replaces the frozen one upward: the old and new numbers are on record.
      await audit.record(actor, {
        action: 'update',
        entity: 'daily_report',
        entityId: template.id,
        communityId: place.id,
        detail: {
          day: key.day,
          resubmitted: values,
          before: Object.fromEntries(Object.keys(values).map((k) => [k, existing[0]?.values[k] ?? null])),
        },
      });
      const answer = await report(actor, template.id, key.day, place.id);
      return { row: answer.rows[0] as ReportRow };
    },

    async confirm(actor: Actor, key: { templateId: number; day: string; communityId: number }) {
      const place = await visiblePlace(actor, key.communityId);
      if (place.kind !== 'community') throw new AppError('not_found');
      const template = await templateFor(key.templateId, place);
      if (!(await repo.confirm(db, key, actor.accountId))) throw new AppError('report_not_frozen');
      await audit.record(actor, {
        action: 'update',
        entity: 'daily_report',
        entityId: template.id,
        communityId: place.id,
        detail: { day: key.day, confirmed: true },
      });
      const answer = await report(actor, template.id, key.day, place.id);
      return { row: answer.rows[0] as ReportRow };
    },

    /** The report as Excel: merged group headers, a row per community and the total, the change beside. */
    async exportWorkbook(actor: Actor, templateId: number, day: string, placeId: number): Promise<Readable> {
      const data = await report(actor, templateId, day, placeId);
      await audit.record(actor, {
        action: 'export',
        entity: 'daily_report',
        entityId: templateId,
        communityId: data.place.kind === 'community' ? data.place.id : null,
        detail: { day, placeId },
      });
      const name = (id: string) => registry.get(id)?.name.zh ?? id;
      type Line = { name: string; values: Values; change: Values; state: string };
      const STATES: Record<string, string> = {
        waiting: '未到截止',
        frozen: '已截止',
        resubmitted: '已更正',
        confirmed: '已确认',
      };
      const lines: Line[] = [
        ...data.rows.map((r) => ({
          name: r.place.name,
          values: r.values,
          change: r.change,
          state: STATES[r.state] ?? r.state,
        })),
        { name: '合计', values: data.total.values, change: data.total.change, state: '' },
      ];
      const cols = data.template.columns;
      const latest = data.rows
        .flatMap((r) => [r.frozenAt, r.submittedAt, r.confirmedAt])
        .filter((v): v is string => v !== null)
        .sort()
        .at(-1);
      return streamWorkbook(
        (book) => {
          const sheet = book.sheet<Line>(
            '日报',
            [
              { header: '社区', value: (l) => l.name, width: 16 },
              ...cols.map((c) => ({
                header: name(c.indicator),
                kind: 'number' as const,
                value: (l: Line) => l.values[c.indicator],
              })),
              ...cols.map((c) => ({
                header: name(c.indicator),
                kind: 'number' as const,
                value: (l: Line) => l.change[c.indicator],
              })),
              { header: '状态', value: (l) => l.state },
            ],
            {
              notes: [
                `${data.template.name}（${data.place.name}）`,
                `日期 ${data.day} · 截止 ${data.template.cutoff}`,
              ],
              headerGroups: [null, ...cols.map((c) => c.group), ...cols.map(() => '较前日变化'), null],
              freezeColumns: 1,
            },
          );
          for (const line of lines) sheet.add(line);
        },
        latest ? { createdAt: new Date(latest) } : {},
      );
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
