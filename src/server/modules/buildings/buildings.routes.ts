import { BuildingGrid, BuildingProfile } from '../../../shared/buildings/building-responses';
import { actorOf } from '../../http/access';
import { IdParams } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function buildingsRoutes(app: AppInstance, { buildings }: Services) {
  app.get(
    '/api/communities/:id/building-grid',
    {
      config: { access: 'buildings.read' },
      schema: { tags: ['buildings'], params: IdParams, response: { 200: BuildingGrid } },
    },
    async (request) => buildings.grid(actorOf(request), request.params.id),
  );

  app.get(
    '/api/buildings/:id/profile',
    {
      config: { access: 'buildings.read' },
      schema: { tags: ['buildings'], params: IdParams, response: { 200: BuildingProfile } },
    },
    async (request) => buildings.profile(actorOf(request), request.params.id),
  );
}
