import { DEFAULT_RULES, type StatusRule, validateRules } from '../../../shared/declarations';
import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import { linesOf, nearestFirst } from '../places/place-line';
import type { RiskAreasService } from '../risk-areas/risk-areas.service';
import type { EvaluationBasis } from './declarations-writer';
import * as repo from './status-rules.repo';

/** What judges one community's declarations, and where its rules come from. */
export interface CommunityBasis extends EvaluationBasis {
  /** The rule set in force (null: the built-in defaults) and the place it was set at. */
  ruleSetId: number | null;
  rulesPlaceId: number | null;
}

const DEFAULT_BASIS_RULES = { ruleSetId: null, rulesPlaceId: null, rules: DEFAULT_RULES };

/**
 * The rules and risk areas that apply to a community: the newest rule set of the nearest place above it
 * (the defaults when no place set one), and the risk areas of every place on its line (the city's list,
 * its district's additions, …). Read through the pool, before any transaction opens: on the embedded
 * database a query through the pool while a transaction holds the session would wait for it forever.
 */
export function createBasisLoader(db: Db, riskAreas: RiskAreasService, bus?: ChangeBus) {
  // Every submit needs its community's basis; it changes rarely. A change of rules or risk areas on any
  // instance (or of the place tree) is announced (migration rules_change_notice) and clears this at once;
  // the lifetime is then only a safety net. Without the notices (not listening) it is a few seconds.
  const LIVE_CACHE_MS = 60_000;
  const CACHE_MS = 5_000;
  const cache = new Map<number, { until: number; value: Promise<CommunityBasis> }>();
  // A set is validated once, not once per community that uses it.
  const parsed = new Map<number, StatusRule[] | null>();

  function rulesOf(set: repo.RuleSetRow): StatusRule[] | null {
    if (!parsed.has(set.id)) {
      const checked = validateRules(set.rules);
      parsed.set(set.id, checked.ok ? checked.rules : null);
      if (parsed.size > 1000) parsed.delete(parsed.keys().next().value as number);
    }
    return parsed.get(set.id) ?? null;
  }

  /** The bases of many communities in three statements, whatever their number. */
  async function loadMany(communityIds: number[]): Promise<Map<number, CommunityBasis>> {
    const lines = await linesOf(db, communityIds);
    const places = [...new Set([...lines.values()].flat())];
    const [sets, areas] = await Promise.all([repo.latestRuleSetsAt(db, places), riskAreas.currentAt(places)]);
    const bases = new Map<number, CommunityBasis>();
    for (const [communityId, line] of lines) {
      const nearest = nearestFirst(sets, line).find((set) => rulesOf(set) !== null);
      const rules = nearest ? rulesOf(nearest) : null;
      bases.set(communityId, {
        ...(nearest && rules
          ? { ruleSetId: nearest.id, rulesPlaceId: nearest.placeId, rules }
          : DEFAULT_BASIS_RULES),
        areas: areas
          .filter((area) => line.includes(area.placeId))
          .map(({ placeId: _place, ...area }) => area),
      });
    }
    return bases;
  }

  bus?.on('rules', () => cache.clear());
  bus?.on('places', () => cache.clear());
  bus?.onResync(() => cache.clear());

  return {
    loadMany,

    /** One community's basis, kept a few seconds. */
    forCommunity(communityId: number): Promise<CommunityBasis> {
      const hit = cache.get(communityId);
      if (hit && hit.until > Date.now()) return hit.value;
      const value = loadMany([communityId]).then(
        (bases) => bases.get(communityId) ?? { ...DEFAULT_BASIS_RULES, areas: [] },
      );
      cache.set(communityId, { until: Date.now() + (bus?.live ? LIVE_CACHE_MS : CACHE_MS), value });
      value.catch(() => cache.delete(communityId));
      if (cache.size > 5000) cache.delete(cache.keys().next().value as number);
      return value;
    },

    /** After a change of rules or risk areas. */
    clear() {
      cache.clear();
    },
  };
}

export type BasisLoader = ReturnType<typeof createBasisLoader>;
