import { Type } from 'typebox';
import { PLACE_KINDS } from '../../../shared/places/place-kinds';
import { actorOf } from '../../http/access';
import { IdParams, NullableText, Page, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

const PlaceSummary = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  kind: Type.String(),
  name: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  communityId: Type.Union([Type.Integer(), Type.Null()]),
  childCount: Type.Integer(),
  households: Type.Integer(),
  residents: Type.Integer(),
});

export function placesRoutes(app: AppInstance, { places, people }: Services) {
  app.get(
    '/api/places/roots',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['places'], response: { 200: Type.Object({ items: Type.Array(PlaceSummary) }) } },
    },
    async (request) => ({ items: await places.roots(actorOf(request)) }),
  );

  app.get(
    '/api/places/:id',
    { config: { access: 'registry.read' }, schema: { tags: ['places'], params: IdParams } },
    async (request) => places.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/places',
    {
      config: { access: 'places.write' },
      schema: {
        tags: ['places'],
        body: Strict({
          parentId: Type.Integer({ minimum: 1 }),
          kind: Type.Union(PLACE_KINDS.map((k) => Type.Literal(k))),
          name: Text(60, 1),
          code: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
        }),
        response: { 201: PlaceSummary },
      },
    },
    async (request, reply) => reply.status(201).send(await places.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/places/:id',
    {
      config: { access: 'places.write' },
      schema: {
        tags: ['places'],
        params: IdParams,
        body: Strict({ name: Type.Optional(Text(60, 1)), notes: Type.Optional(NullableText(500)) }),
      },
    },
    async (request) => places.rename(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/places/:id/households',
    {
      config: { access: 'registry.read' },
      schema: { tags: ['places'], params: IdParams, querystring: Strict({ ...Page }) },
    },
    async (request) =>
      people.listHouseholds(actorOf(request), request.params.id, {
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 20,
      }),
  );
}
