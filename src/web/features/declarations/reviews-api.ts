import type { PersonStatus } from '../../../shared/declarations';
import type {
  PendingReviews,
  ReviewConfirmed,
  ReviewRejected,
} from '../../../shared/declarations/declaration-responses';
import { api } from '../../shared/api-client';

export type { PendingReview } from '../../../shared/declarations/declaration-responses';

export const reviewKeys = {
  all: ['declaration-reviews'] as const,
  list: (page: number) => ['declaration-reviews', 'list', page] as const,
};

export const reviewsApi = {
  list: (page: number, pageSize = 20) => api.get<PendingReviews>('/declaration-reviews', { page, pageSize }),
  confirm: (id: number, body: { expectedStatus: PersonStatus | null; correctName: boolean }) =>
    api.post<ReviewConfirmed>(`/declaration-reviews/${id}/confirm`, body),
  reject: (id: number, reason: string) =>
    api.post<ReviewRejected>(`/declaration-reviews/${id}/reject`, { reason }),
};
