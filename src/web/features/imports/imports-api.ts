import { api, apiUrl } from '../../shared/api-client';

export interface ImportJob {
  id: number;
  communityId: number;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  phase: 'reading' | 'writing' | 'done';
  processedRows: number;
  totalRows: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  placesCreated: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const importKeys = {
  all: ['imports'] as const,
  list: (communityId: number) => ['imports', 'list', communityId] as const,
  job: (id: number) => ['imports', 'job', id] as const,
};

export const importsApi = {
  start: (communityId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<{ job: ImportJob }>('/imports', form, { communityId });
  },
  get: async (id: number) => (await api.get<{ job: ImportJob }>(`/imports/${id}`)).job,
  list: async (communityId: number) =>
    (await api.get<{ items: ImportJob[] }>('/imports', { communityId })).items,
  templateUrl: (format: 'xlsx' | 'csv') => apiUrl('/imports/template', { format }),
  rejectedUrl: (id: number) => apiUrl(`/imports/${id}/rejected`),
};
