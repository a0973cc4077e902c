import { WaitingCountsSchema } from '../../../shared/waiting/waiting.schema';
import { actorOf } from '../../http/access';
import type { AppInstance, Services } from '../../http/types';

/** What waits for the signed-in account (the menu's badges, polled about once a minute). */
export function waitingRoutes(app: AppInstance, { waiting }: Services) {
  app.get(
    '/api/waiting',
    { schema: { tags: ['auth'], response: { 200: WaitingCountsSchema } } },
    async (request) => waiting.counts(actorOf(request)),
  );
}
