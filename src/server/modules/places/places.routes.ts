import { Type } from 'typebox';
import { ItemsOf } from '../../../shared/api/responses';
import { HouseholdPage } from '../../../shared/people/people-responses';
import { PLACE_KINDS } from '../../../shared/places/place-kinds';
import { PlaceDetail, PlaceSummary, PolicyPlace } from '../../../shared/places/place-responses';
import { actorOf } from '../../http/access';
import { Id, IdParams, NullableText, Page, Strict, StrictPatch, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function placesRoutes(app: AppInstance, { places, people }: Services) {
  app.get(
    '/api/places/roots',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['places'], response: { 200: ItemsOf(PlaceSummary) } },
    },
    async (request) => ({ items: await places.roots(actorOf(request)) }),
  );

  app.get(
    '/api/places/policy',
    {
      config: { access: 'rules.write' },
      schema: {
        tags: ['places'],
        response: { 200: ItemsOf(PolicyPlace) },
      },
    },
    async (request) => ({ items: await places.policyPlaces(actorOf(request)) }),
  );

  app.get(
    '/api/places/:id',
    {
      config: { access: 'registry.read' },
      schema: { tags: ['places'], params: IdParams, response: { 200: PlaceDetail } },
    },
    async (request) => places.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/places',
    {
      config: { access: 'places.write' },
      schema: {
        tags: ['places'],
        body: Strict({
          parentId: Id,
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
        body: StrictPatch({ name: Type.Optional(Text(60, 1)), notes: Type.Optional(NullableText(500)) }),
        response: { 200: PlaceDetail },
      },
    },
    async (request) => places.rename(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/places/:id/households',
    {
      config: { access: 'registry.read' },
      schema: {
        tags: ['places'],
        params: IdParams,
        querystring: Strict({ ...Page }),
        response: { 200: HouseholdPage },
      },
    },
    async (request) =>
      people.listHouseholds(actorOf(request), request.params.id, {
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 20,
      }),
  );
}
