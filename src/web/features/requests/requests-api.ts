import type { RateWeights, RequestList, RequestStep, Satisfaction } from '../../../shared/requests';
import type {
  HotlineImportResult,
  RequestAnswer,
  RequestCategory,
  RequestPage,
  RequestRanking,
  RequestRates,
  RequestRateWeightsAnswer,
  RequestStaffList,
} from '../../../shared/requests/requests-responses';
import { api, apiUrl } from '../../shared/api-client';

export type {
  HotlineImportResult,
  RequestCategory,
  RequestDetail,
  RequestEvent,
  RequestRanking,
  RequestRates,
  RequestSummary,
} from '../../../shared/requests/requests-responses';

export const requestKeys = {
  all: ['requests'] as const,
  list: (list: RequestList, page: number) => ['requests', 'list', list, page] as const,
  one: (id: number) => ['requests', 'one', id] as const,
  categories: ['requests', 'categories'] as const,
  rates: (from: string, to: string) => ['requests', 'rates', from, to] as const,
  ranking: (month: string) => ['requests', 'ranking', month] as const,
  staff: (communityId: number) => ['requests', 'staff', communityId] as const,
  weights: ['requests', 'weights'] as const,
};

export interface StepBody {
  step: RequestStep;
  note?: string | null;
  reached?: boolean;
  resolved?: boolean;
  satisfaction?: Satisfaction;
  assigneeId?: number;
}

export const requestsApi = {
  list: (list: RequestList, page: number) => api.get<RequestPage>('/requests', { list, page, pageSize: 50 }),
  get: (id: number) => api.get<RequestAnswer>(`/requests/${id}`),
  categories: () => api.get<{ items: RequestCategory[] }>('/request-categories'),
  staff: (communityId: number) => api.get<RequestStaffList>('/requests/staff', { communityId }),
  create: (body: object) => api.post<RequestAnswer>('/requests', body),
  step: (id: number, body: StepBody) => api.post<RequestAnswer>(`/requests/${id}/steps`, body),
  exclude: (id: number, body: { reason: string; note: string }) =>
    api.post<RequestAnswer>(`/requests/${id}/exclusion`, body),
  decide: (id: number, approve: boolean) =>
    api.post<RequestAnswer>(`/requests/${id}/exclusion/decision`, { approve }),
  link: (id: number) => api.post<{ path: string }>(`/requests/${id}/link`),
  rates: (from: string, to: string) => api.get<RequestRates>('/requests/rates', { from, to }),
  ranking: (month: string) => api.get<RequestRanking>('/requests/ranking', { month }),
  rankingUrl: (month: string) => apiUrl('/requests/ranking/export', { month }),
  import12345: (file: File, communityId: number) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<HotlineImportResult>('/requests/import-12345', form, { communityId });
  },
  weights: () => api.get<RequestRateWeightsAnswer>('/request-rate-weights'),
  setWeights: (body: RateWeights) => api.put<RequestRateWeightsAnswer>('/request-rate-weights', body),
};
