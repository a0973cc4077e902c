import type {
  DrillRows,
  IndicatorDictionary,
  IndicatorOut,
  PlaceDashboard,
} from '../../../shared/dashboards/dashboards-responses';
import { api } from '../../shared/api-client';

export type {
  DrillRow,
  DrillRows,
  IndicatorOut,
  PlaceDashboard,
  Tile,
} from '../../../shared/dashboards/dashboards-responses';

export const dashboardKeys = {
  indicators: ['dashboards', 'indicators'] as const,
  place: (id: number) => ['dashboards', 'place', id] as const,
  rows: (indicator: string, placeId: number, page: number) =>
    ['dashboards', 'rows', indicator, placeId, page] as const,
};

export const dashboardsApi = {
  indicators: () => api.get<IndicatorDictionary>('/dashboards/indicators'),
  place: (id: number) => api.get<PlaceDashboard>(`/dashboards/places/${id}`),
  rows: (indicator: string, placeId: number, page: number, pageSize = 20) =>
    api.get<DrillRows>('/dashboards/rows', { indicator, placeId, page, pageSize }),
};

/** Dashboards refresh without reloading: the facts are at most a minute behind, a community's 15 s. */
export const DASHBOARD_POLL_MS = 15_000;

export type IndicatorMap = Map<string, IndicatorOut>;

/** Kinds of place whose numbers have rows behind them (a community or one of its buildings). */
export const ROW_KINDS = new Set(['community', 'building', 'bungalow_area']);
