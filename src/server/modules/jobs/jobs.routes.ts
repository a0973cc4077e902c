import { Type } from 'typebox';
import { JobsOverview } from '../../../shared/jobs/jobs-view';
import { actorOf } from '../../http/access';
import { Id, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function jobsRoutes(app: AppInstance, { jobsView }: Services) {
  // District officers (and the city's) watch the timed jobs and their failures.
  app.get(
    '/api/jobs',
    {
      config: { access: 'jobs.read' },
      schema: {
        tags: ['jobs'],
        querystring: Strict({ communityId: Type.Optional(Id) }),
        response: { 200: JobsOverview },
      },
    },
    async (request) => jobsView.overview(actorOf(request), request.query.communityId),
  );
}
