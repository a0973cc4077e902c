import { Type } from 'typebox';
import {
  DrillRows,
  IndicatorDictionary,
  PlaceDashboard,
} from '../../../shared/dashboards/dashboards-responses';
import { actorOf } from '../../http/access';
import { Id, IdParams, Page, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function dashboardsRoutes(app: AppInstance, { dashboards }: Services) {
  app.get(
    '/api/dashboards/indicators',
    {
      config: { access: 'dashboards.read' },
      schema: { tags: ['dashboards'], response: { 200: IndicatorDictionary } },
    },
    async () => dashboards.dictionary(),
  );

  app.get(
    '/api/dashboards/places/:id',
    {
      config: { access: 'dashboards.read' },
      schema: { tags: ['dashboards'], params: IdParams, response: { 200: PlaceDashboard } },
    },
    async (request) => dashboards.place(actorOf(request), request.params.id),
  );

  app.get(
    '/api/dashboards/rows',
    {
      config: { access: 'dashboards.read' },
      schema: {
        tags: ['dashboards'],
        querystring: Strict({
          indicator: Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z_]+(\\.[a-z_]+)*$' }),
          placeId: Id,
          ...Page,
        }),
        response: { 200: DrillRows },
      },
    },
    async (request) => {
      const { indicator, placeId, page = 1, pageSize = 20 } = request.query;
      return dashboards.rows(actorOf(request), indicator, placeId, page, pageSize);
    },
  );
}
