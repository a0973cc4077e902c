import type { RiskLevel } from '../../../shared/declarations';
import { api } from '../../shared/api-client';

export interface RiskAreaItem {
  id: number;
  regionCode: string;
  regionName: string;
  level: RiskLevel;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  createdAt: string;
  /** Set once lifted or replaced by a newer version. */
  retiredAt: string | null;
  /** The version that replaced this one; null when lifted outright (or still current). */
  replacedBy: number | null;
}

export interface RiskAreaPayload {
  regionCode: string;
  regionName: string;
  level: RiskLevel;
  validFrom: string;
  validTo?: string | null;
  note?: string | null;
}

export const riskAreaKeys = {
  all: ['risk-areas'] as const,
  list: (history: boolean) => ['risk-areas', { history }] as const,
};

export const riskAreasApi = {
  list: (history: boolean) =>
    api.get<{ items: RiskAreaItem[] }>('/risk-areas', { history: history ? true : undefined }),
  create: (body: RiskAreaPayload) => api.post<{ riskArea: RiskAreaItem }>('/risk-areas', body),
  replace: (id: number, body: RiskAreaPayload) =>
    api.put<{ riskArea: RiskAreaItem }>(`/risk-areas/${id}`, body),
  lift: (id: number) => api.delete<void>(`/risk-areas/${id}`),
};
