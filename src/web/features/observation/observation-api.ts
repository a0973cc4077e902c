import type {
  AlertList,
  Board,
  BoardSummary,
  CheckinAnswer,
  EligibilityAnswer,
  LinkAnswer,
  NoticeFilter,
  NoticeKind,
  NoticeSheet,
  ObservationAnswer,
  ObservationDetail,
  ObservationList,
  TaskList,
} from '../../../shared/observation/observation-responses';
import { api, apiUrl } from '../../shared/api-client';

export type {
  AlertOut,
  Board,
  NoticeFilter,
  NoticeKind,
  NoticeOut,
  ObservationOut,
  TaskOut,
} from '../../../shared/observation/observation-responses';

export type ListFilter =
  | 'active'
  | 'ended'
  | 'ending_today'
  | 'ending_tomorrow'
  | 'alerts'
  | 'missed_today'
  | 'due_today';

export const observationKeys = {
  all: ['observation'] as const,
  board: (communityId: number) => ['observation', 'board', communityId] as const,
  list: (communityId: number, filter: ListFilter) => ['observation', 'list', communityId, filter] as const,
  alerts: (communityId: number) => ['observation', 'alerts', communityId] as const,
  tasks: (communityId: number) => ['observation', 'tasks', communityId] as const,
  summary: ['observation', 'summary'] as const,
  detail: (id: number) => ['observation', 'detail', id] as const,
};

export interface StartBody {
  residentId: number;
  kind: 'home' | 'centralised';
  reason: string;
  dayOne?: string;
  note?: string | null;
  eligibility?: Record<string, boolean>;
  site?: string | null;
  siteRoom?: string | null;
}

export const observationApi = {
  board: (communityId: number) => api.get<Board>('/observation/board', { communityId }),
  summary: () => api.get<BoardSummary>('/observation/summary'),
  list: (communityId: number, filter: ListFilter) =>
    api.get<ObservationList>('/observation/observations', { communityId, filter }),
  detail: (id: number) => api.get<ObservationDetail>(`/observation/observations/${id}`),
  start: (body: StartBody) => api.post<ObservationAnswer>('/observation/observations', body),
  extend: (id: number, body: { days: number; reason: string }) =>
    api.post<ObservationAnswer>(`/observation/observations/${id}/extend`, body),
  shorten: (id: number, body: { plannedEnd: string; reason: string }) =>
    api.post<ObservationAnswer>(`/observation/observations/${id}/shorten`, body),
  end: (id: number, body: { reason: string }) =>
    api.post<ObservationAnswer>(`/observation/observations/${id}/end`, body),
  link: (id: number) => api.post<LinkAnswer>(`/observation/observations/${id}/link`),
  checkin: (body: {
    observationId: number;
    channel: 'phone' | 'visit';
    clientId: string;
    temperature: number;
    symptoms: string[];
  }) => api.post<CheckinAnswer>('/observation/checkins', body),
  eligibility: (body: { residentId: number; answers: Record<string, boolean> }) =>
    api.post<EligibilityAnswer>('/observation/eligibility', body),
  alerts: (communityId: number) => api.get<AlertList>('/observation/alerts', { communityId }),
  ack: (id: number) => api.post<unknown>(`/observation/alerts/${id}/ack`),
  tasks: (communityId: number) => api.get<TaskList>('/observation/tasks', { communityId }),
  doneTask: (id: number) => api.post<void>(`/observation/tasks/${id}/done`),
  /** Ticked ids go as repeated `ids=`; without them the filter names who is printed. */
  notices: (q: { communityId: number; notice: NoticeKind; ids?: number[]; filter?: NoticeFilter }) => {
    const ids = q.ids?.length ? `&${q.ids.map((id) => `ids=${id}`).join('&')}` : '';
    const filter = q.ids?.length ? '' : `&filter=${q.filter ?? 'active'}`;
    return api.get<NoticeSheet>(
      `/observation/notices?communityId=${q.communityId}&notice=${q.notice}${filter}${ids}`,
    );
  },
  exportUrl: (communityId: number) => apiUrl('/observation/export', { communityId, includeEnded: true }),
};
