import type { RiskLevel } from '../../../shared/declarations';
import type {
  RiskAreaAnswer,
  RiskAreaImport,
  RiskAreaList,
} from '../../../shared/declarations/risk-area-responses';
import { api } from '../../shared/api-client';

export type { RiskArea, RiskAreaItem } from '../../../shared/declarations/risk-area-responses';

export interface RiskAreaPayload {
  /** Only when adding: the place it is set for (the officer's own when left out). */
  placeId?: number;
  regionCode: string;
  regionName: string;
  level: RiskLevel;
  validFrom: string;
  validTo?: string | null;
  note?: string | null;
}

export const riskAreaKeys = {
  all: ['risk-areas'] as const,
  list: (history: boolean, placeId: number) => ['risk-areas', { history, placeId }] as const,
};

export const riskAreasApi = {
  list: (history: boolean, placeId: number) =>
    api.get<RiskAreaList>('/risk-areas', { history: history ? true : undefined, placeId }),
  import: (file: File, placeId: number | undefined) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<RiskAreaImport>('/risk-areas/import', form, { placeId });
  },
  create: (body: RiskAreaPayload) => api.post<RiskAreaAnswer>('/risk-areas', body),
  replace: (id: number, body: RiskAreaPayload) => api.put<RiskAreaAnswer>(`/risk-areas/${id}`, body),
  lift: (id: number) => api.delete<void>(`/risk-areas/${id}`),
};
