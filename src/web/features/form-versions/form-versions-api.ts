import type { FormQuestion } from '../../../shared/declarations';
import { api } from '../../shared/api-client';

export interface FormVersionItem {
  id: number;
  questions: FormQuestion[];
  createdAt: string;
}

/** The versions set at the officer's own place, newest first, and every question key ever used there. */
export interface FormVersionHistory {
  placeId: number;
  versions: FormVersionItem[];
  usedKeys: string[];
}

export const formVersionKeys = { history: ['form-versions'] as const };

export const formVersionsApi = {
  history: () => api.get<FormVersionHistory>('/form-versions'),
  publish: (questions: FormQuestion[]) =>
    api.post<{ version: FormVersionItem }>('/form-versions', { questions }),
};
