import type { CareOutcome, CareTaskKind, CoverageRequirements, CoverageRole } from '../../../shared/helpers';
import type {
  CareNeedList,
  CareTaskAnswer,
  CareTaskCompleted,
  CareTaskList,
  CoverageAssigned,
  CoverageMatrix,
  CoverageRollup,
  HelperAnswer,
  HelperList,
  HourEntryAnswer,
  HoursSummary,
  MyCareTaskAnswer,
  MyCareTasks,
} from '../../../shared/helpers/helpers-responses';
import type { StoredPhoto } from '../../../shared/photos/photo-responses';
import { api } from '../../shared/api-client';

export type {
  CareNeed,
  CareTask,
  CoverageMatrix,
  Helper,
  HoursSummary,
  MyCareTask,
} from '../../../shared/helpers/helpers-responses';

export interface HelperPayload {
  communityId: number;
  residentId?: number | null;
  name?: string;
  phone?: string | null;
  teams?: string[];
  skills?: string[];
  availability?: string | null;
  verified?: boolean;
  accountId?: number | null;
  partyKind?: string | null;
  employerPartyOrg?: string | null;
  reportedOn?: string | null;
}

export interface CompletePayload {
  clientId: string;
  outcome: CareOutcome;
  photoId?: string;
  minutes?: number;
  notes?: string | null;
  doneAt?: string;
}

export const helperKeys = {
  all: ['helpers'] as const,
  list: (communityId: number) => ['helpers', 'list', communityId] as const,
  coverage: (communityId: number) => ['helpers', 'coverage', communityId] as const,
  rollup: (placeId: number) => ['helpers', 'rollup', placeId] as const,
  tasks: (communityId: number) => ['helpers', 'tasks', communityId] as const,
  needs: (communityId: number) => ['helpers', 'needs', communityId] as const,
  hours: (communityId: number, month: string) => ['helpers', 'hours', communityId, month] as const,
  mine: ['helpers', 'mine'] as const,
};

export const helpersApi = {
  list: (communityId: number) => api.get<HelperList>('/helpers', { communityId }),
  create: (payload: HelperPayload) => api.post<HelperAnswer>('/helpers', payload),
  update: (id: number, change: Partial<HelperPayload>) => api.patch<HelperAnswer>(`/helpers/${id}`, change),
  coverage: (communityId: number) => api.get<CoverageMatrix>('/helpers/coverage', { communityId }),
  saveRequirements: (communityId: number, required: CoverageRequirements) =>
    api.put<unknown>('/helpers/coverage/settings', { communityId, required }),
  assign: (buildingId: number, role: CoverageRole, helperId: number) =>
    api.post<CoverageAssigned>('/helpers/coverage/assignments', { buildingId, role, helperId }),
  unassign: (id: number) => api.delete<void>(`/helpers/coverage/assignments/${id}`),
  rollup: (placeId: number) => api.get<CoverageRollup>('/helpers/coverage/rollup', { placeId }),
  needs: (communityId: number, overdue: boolean) =>
    api.get<CareNeedList>('/care/needs', { communityId, overdue }),
  tasks: (communityId: number) => api.get<CareTaskList>('/care/tasks', { communityId }),
  createTask: (residentId: number, kind: CareTaskKind, what: string | null) =>
    api.post<CareTaskAnswer>('/care/tasks', { residentId, kind, what }),
  mine: () => api.get<MyCareTasks>('/care/tasks/mine'),
  accept: (id: number) => api.post<MyCareTaskAnswer>(`/care/tasks/${id}/accept`, {}),
  decline: (id: number) => api.post<MyCareTaskAnswer>(`/care/tasks/${id}/decline`, {}),
  complete: (id: number, payload: CompletePayload) =>
    api.post<CareTaskCompleted>(`/care/tasks/${id}/complete`, payload),
  hours: (communityId: number, month: string) =>
    api.get<HoursSummary>('/helpers/hours', { communityId, month }),
  addHours: (helperId: number, workedOn: string, minutes: number, note: string | null) =>
    api.post<HourEntryAnswer>('/helpers/hours', { helperId, workedOn, minutes, note }),
  decideHours: (id: number, approve: boolean) =>
    api.post<HourEntryAnswer>(`/helpers/hours/${id}/decide`, { approve }),
  uploadPhoto: (communityId: number, photo: Blob) => {
    const form = new FormData();
    form.append('file', photo, 'photo.jpg');
    return api.upload<StoredPhoto>('/photos', form, { communityId, purpose: 'care_delivery' });
  },
};
