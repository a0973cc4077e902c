import type { JobsOverview } from '../../../shared/jobs/jobs-view';
import { api } from '../../shared/api-client';

export type { JobQueueView, JobRunView, JobState, JobsOverview } from '../../../shared/jobs/jobs-view';

export const jobsKeys = { overview: ['jobs', 'overview'] as const };

export const jobsApi = {
  overview: () => api.get<JobsOverview>('/jobs'),
};
