import type { FormQuestion } from '../../../shared/declarations';
import type {
  FormVersionHistory,
  PublishedVersion,
} from '../../../shared/declarations/declaration-responses';
import { api } from '../../shared/api-client';

export type { FormVersionHistory, FormVersionItem } from '../../../shared/declarations/declaration-responses';

export const formVersionKeys = { history: ['form-versions'] as const };

export const formVersionsApi = {
  history: () => api.get<FormVersionHistory>('/form-versions'),
  publish: (questions: FormQuestion[]) => api.post<PublishedVersion>('/form-versions', { questions }),
};
