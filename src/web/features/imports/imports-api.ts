import type { RosterPreviewAnswer } from '../../../shared/imports/import-preview';
import type { ImportJobAnswer, ImportJobList } from '../../../shared/imports/import-responses';
import { api, apiUrl } from '../../shared/api-client';

export type { ImportJob } from '../../../shared/imports/import-responses';

export const importKeys = {
  all: ['imports'] as const,
  list: (communityId: number) => ['imports', 'list', communityId] as const,
  job: (id: number) => ['imports', 'job', id] as const,
  preview: (id: number) => ['imports', 'preview', id] as const,
};

export const importsApi = {
  /** Uploads for a preview: nothing is written until `confirm`. */
  start: (communityId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportJobAnswer>('/imports', form, { communityId, preview: true });
  },
  preview: async (id: number) => (await api.get<RosterPreviewAnswer>(`/imports/${id}/preview`)).preview,
  /** Imports what was previewed, with the conflicts (row numbers) the user chose. */
  confirm: async (id: number, accept: number[]) =>
    (await api.post<ImportJobAnswer>(`/imports/${id}/confirm`, { accept })).job,
  /** Lets a previewed import go: nothing is written. */
  discard: async (id: number) => (await api.post<ImportJobAnswer>(`/imports/${id}/discard`)).job,
  get: async (id: number) => (await api.get<ImportJobAnswer>(`/imports/${id}`)).job,
  list: async (communityId: number) => (await api.get<ImportJobList>('/imports', { communityId })).items,
  templateUrl: (format: 'xlsx' | 'csv') => apiUrl('/imports/template', { format }),
  /** The rejected rows with numbers masked and birth dates hidden. */
  rejectedUrl: (id: number) => apiUrl(`/imports/${id}/rejected`),
  /** The rejected rows as typed, to fix and upload again: needs a reason, which is recorded first. */
  rejectedAsTyped: (id: number, reason: string) => api.postForFile(`/imports/${id}/rejected`, { reason }),
};
