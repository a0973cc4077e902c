import type { PlaceDashboard, PlaceRef, Tile } from '../../../shared/dashboards/dashboards-responses';
import type { Indicator } from '../../../shared/dashboards/indicators';
import { STALE_AFTER_MS } from '../../../shared/dashboards/indicators';
import { addDays, beijingDayEnd, beijingDayStart, beijingToday } from '../../../shared/time/beijing';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { placeInScope, type Scope } from '../auth/scope';
import * as drill from './drill.repo';
import * as facts from './facts.repo';
import { type IndicatorRegistry, ratioValue } from './indicator-registry';

/** A community read refreshes its own facts when they are older than this (one community: a few ms). */
const COMMUNITY_FRESH_MS = 15_000;
const TREND_DAYS = 30;

const ref = (p: facts.PlaceRowOut): PlaceRef => ({ id: p.id, name: p.name, kind: p.kind });
const COUNTED_KINDS = new Set(['community', 'building', 'bungalow_area']);

export function createDashboardsService(database: Database, registry: IndicatorRegistry) {
  const { db } = database;
  const counted = registry.indicators.filter((i) => i.kind !== 'ratio');

  /** Reads a place the caller may see (at or under their own place), or answers 404. */
  async function visiblePlace(scope: Scope, placeId: number) {
    const place = await facts.placeById(db, placeId);
    if (!place || !placeInScope(scope, place)) throw new AppError('not_found');
    if (place.community_id !== null && !scope.communityIds.includes(place.community_id))
      throw new AppError('not_found');
    if (scope.buildingIds && !(place.kind !== 'community' && scope.buildingIds.includes(place.id)))
      throw new AppError('not_found');
    return place;
  }

  /** From the caller's own place down to `place`. */
  async function trailOf(scope: Scope, place: facts.PlaceRowOut): Promise<PlaceRef[]> {
    const ids = place.path.split('/').filter(Boolean).map(Number);
    const start = ids.indexOf(scope.placeId);
    const above = start >= 0 ? ids.slice(start) : [];
    const rows = await facts.placesByIds(db, above);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return [
      ...above.flatMap((id) => (byId.has(id) ? [ref(byId.get(id) as facts.PlaceRowOut)] : [])),
      ref(place),
    ];
  }

  /**
   * Computes the facts of `day` for the communities listed (all of them by default) from the raw rows and
   * writes them, with the sums of every place above. The facts job calls this every minute.
   */
  async function refresh(day = beijingToday(), communityIds?: number[]) {
    const ids = communityIds ?? (await facts.allCommunityIds(db));
    if (ids.length === 0) return { communities: 0, facts: 0 };
    const at = { day, dayStart: beijingDayStart(day), dayEnd: beijingDayEnd(day) };
    const now = new Date();
    const values = new Map<string, number>();
    for (const id of ids) for (const indicator of counted) values.set(`${id}|${indicator.id}`, 0);
    for (const source of registry.sources)
      for (const row of await source.compute(db, at, ids)) {
        if (!registry.byId.has(row.indicator)) continue;
        const place = row.buildingId ?? row.communityId;
        values.set(`${place}|${row.indicator}`, row.value);
      }
    const rows = [...values.entries()]
      .map(([key, value]) => {
        const [place, indicator] = key.split('|') as [string, string];
        return { placeId: Number(place), indicator, value };
      })
      .sort((a, b) => a.placeId - b.placeId || (a.indicator < b.indicator ? -1 : 1));
    await db.transaction(async (tx) => facts.writeFacts(tx, day, ids, rows, now));
    return { communities: ids.length, facts: rows.length };
  }

  function shownValue(indicator: Indicator, get: (id: string) => number | undefined): number | null {
    if (indicator.kind === 'ratio')
      return ratioValue(get(indicator.numerator ?? ''), get(indicator.denominator ?? ''));
    return get(indicator.id) ?? null;
  }

  return {
    refresh,

    dictionary() {
      return {
        items: registry.indicators.map((i) => ({
          id: i.id,
          name: i.name,
          definition: i.definition,
          formula: i.formula,
          unit: i.unit,
          owner: i.owner,
          kind: i.kind,
          refresh: i.refresh,
          refreshWhy: i.refreshWhy,
          byBuilding: i.byBuilding,
          drill: i.drill,
        })),
      };
    },

    /** The dashboard of one place: today's tiles, the places under it side by side, 30 days of trends. */
    async place(actor: Actor, placeId: number, now = new Date()): Promise<PlaceDashboard> {
      const place = await visiblePlace(actor.scope, placeId);
      const day = beijingToday(now);
      if (place.kind === 'community') {
        const last = await facts.refreshedAt(db, place.id, day);
        if (!last || now.getTime() - last.getTime() > COMMUNITY_FRESH_MS)
          // A read refreshes one community; losing a race with the job only leaves the job's numbers.
          await refresh(day, [place.id]).catch(() => undefined);
      }
      const children = (await facts.childrenOf(db, place)).filter(
        (c) => !actor.scope.buildingIds || actor.scope.buildingIds.includes(c.id),
      );
      const from = addDays(day, -(TREND_DAYS - 1));
      const [own, childFacts, trail, asOf] = await Promise.all([
        facts.readFacts(db, [place.id], from, day),
        facts.readFacts(
          db,
          children.map((c) => c.id),
          day,
          day,
        ),
        trailOf(actor.scope, place),
        facts.refreshedAt(db, place.id, day),
      ]);
      const byDay = new Map<string, Map<string, number>>();
      for (const f of own) {
        const m = byDay.get(f.day) ?? new Map<string, number>();
        m.set(f.indicator, f.value);
        byDay.set(f.day, m);
      }
      const today = byDay.get(day);
      const yesterday = byDay.get(addDays(day, -1));
      const tiles: Tile[] = registry.indicators.map((i) => {
        const value = today ? shownValue(i, (id) => today.get(id)) : null;
        const before = yesterday ? shownValue(i, (id) => yesterday.get(id)) : null;
        return {
          indicator: i.id,
          value,
          yesterday: before,
          change: value !== null && before !== null ? Math.round((value - before) * 10) / 10 : null,
        };
      });
      const childValues = new Map<number, Map<string, number>>();
      for (const f of childFacts) {
        const m = childValues.get(f.place_id) ?? new Map<string, number>();
        m.set(f.indicator, f.value);
        childValues.set(f.place_id, m);
      }
      const shown =
        place.kind === 'community' ? registry.indicators.filter((i) => i.byBuilding) : registry.indicators;
      const days = Array.from({ length: TREND_DAYS }, (_, k) => addDays(from, k));
      return {
        place: ref(place),
        trail,
        day,
        asOf: asOf ? asOf.toISOString() : null,
        stale: !asOf || now.getTime() - asOf.getTime() > STALE_AFTER_MS,
        tiles,
        children: children.map((c) => {
          const m = childValues.get(c.id);
          return {
            place: ref(c),
            values: Object.fromEntries(shown.map((i) => [i.id, shownValue(i, (id) => m?.get(id) ?? 0)])),
          };
        }),
        trend: {
          days,
          series: Object.fromEntries(
            registry.indicators.map((i) => [
              i.id,
              days.map((d) => {
                const m = byDay.get(d);
                return m ? shownValue(i, (id) => m.get(id)) : null;
              }),
            ]),
          ),
        },
      };
    },

    /** The rows behind a number of a community or building (drill-down), masked, a page at a time. */
    async rows(actor: Actor, indicatorId: string, placeId: number, page: number, pageSize: number) {
      const place = await visiblePlace(actor.scope, placeId);
      const indicator = registry.get(indicatorId);
      if (!indicator) throw new AppError('indicator_unknown', {}, 'indicator');
      if (!indicator.drill || !COUNTED_KINDS.has(place.kind) || place.community_id === null)
        throw new AppError('no_rows_behind', {}, 'indicator');
      const day = beijingToday();
      const q: drill.DrillQuery = {
        communityId: place.community_id,
        buildingId: place.kind === 'community' ? null : place.id,
        day,
        dayStart: beijingDayStart(day),
        dayEnd: beijingDayEnd(day),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      };
      let found: { total: number; items: Awaited<ReturnType<typeof drill.declarationRows>>['items'] };
      if (indicator.drill === 'declarations') found = await drill.declarationRows(db, q);
      else if (indicator.drill === 'fevers') found = await drill.feverRows(db, q);
      else if (indicator.drill === 'findings')
        found = await drill.findingRows(db, q, indicator.id === 'findings.overdue');
      else {
        const [area, what, type] = indicator.id.split('.');
        found = await drill.residentRows(db, q, {
          ...(area === 'status' && what ? { status: what } : {}),
          ...(area === 'people' && type ? { residenceType: type } : {}),
        });
      }
      return {
        indicator: indicator.id,
        kind: indicator.drill,
        place: ref(place),
        trail: await trailOf(actor.scope, place),
        ...found,
      };
    },
  };
}
export type DashboardsService = ReturnType<typeof createDashboardsService>;
