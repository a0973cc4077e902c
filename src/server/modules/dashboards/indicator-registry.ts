// The indicator registry (issue 17): one dictionary of every number Dashu shows, gathered from the modules'
// fact sources. A module that adds numbers (observation, requests, care …) writes one FactSource — its
// indicators' definitions and one `compute` that counts them per community (and per building) for a day —
// and adds it to FACT_SOURCES in fact-sources.ts. Nothing else: the facts job, the dashboards, the
// drill-down list, the daily report's columns and the big screen all read from here.
import type { Indicator } from '../../../shared/dashboards/indicators';
import type { DbOrTx } from '../../db/database';

/** One counted value: a community's total (`buildingId` null) or one of its buildings'. */
export interface FactRow {
  communityId: number;
  buildingId: number | null;
  indicator: string;
  value: number;
}

export interface FactSource {
  owner: string;
  indicators: Indicator[];
  /**
   * The values of `day` (a Beijing 'YYYY-MM-DD'; `dayStart`/`dayEnd` its instants) for the communities
   * listed: set-based, a few grouped statements for all of them, never one statement per community.
   * Snapshot indicators count how things stand now; daily ones what happened within the day. Ratios are
   * not computed: they are read from their parts. A community missing from the answer counts 0.
   */
  compute(
    db: DbOrTx,
    at: { day: string; dayStart: Date; dayEnd: Date },
    communityIds: number[],
  ): Promise<FactRow[]>;
}

export interface IndicatorRegistry {
  indicators: Indicator[];
  byId: Map<string, Indicator>;
  sources: FactSource[];
  get(id: string): Indicator | undefined;
}

/** Gathers the sources, refusing two definitions of one number and a ratio whose parts do not exist. */
export function createIndicatorRegistry(sources: FactSource[]): IndicatorRegistry {
  const byId = new Map<string, Indicator>();
  for (const source of sources)
    for (const indicator of source.indicators) {
      if (byId.has(indicator.id)) throw new Error(`indicator ${indicator.id} is defined twice`);
      if (indicator.owner !== source.owner)
        throw new Error(
          `indicator ${indicator.id} is owned by ${indicator.owner}, registered by ${source.owner}`,
        );
      byId.set(indicator.id, indicator);
    }
  for (const indicator of byId.values())
    if (indicator.kind === 'ratio') {
      const parts = [indicator.numerator, indicator.denominator];
      if (parts.some((p) => !p || !byId.has(p) || byId.get(p)?.kind === 'ratio'))
        throw new Error(`ratio ${indicator.id} needs two counted parts`);
    }
  return {
    indicators: [...byId.values()],
    byId,
    sources,
    get: (id) => byId.get(id),
  };
}

/** The value a ratio shows, from its parts (percent, one decimal), or null when nothing is to be reached. */
export function ratioValue(numerator: number | null | undefined, denominator: number | null | undefined) {
  if (!denominator || numerator == null) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
