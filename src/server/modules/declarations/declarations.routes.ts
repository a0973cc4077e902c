import { Type } from 'typebox';
import { CHANNELS, PERSON_STATUSES, SYMPTOMS, TRANSPORTS } from '../../../shared/declarations';
import { actorOf } from '../../http/access';
import { DateString, Id, IdParams, NullableText, Page, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const RegionCode = Type.String({ pattern: '^\\d{6}$' });

export function declarationsRoutes(app: AppInstance, { declarations }: Services) {
  app.post(
    '/api/declarations',
    {
      config: { access: 'declarations.write' },
      schema: {
        tags: ['declarations'],
        body: Strict({
          residentId: Id,
          channel: literals(CHANNELS),
          leftCity: Type.Boolean(),
          originRegion: Type.Optional(Type.Union([RegionCode, Type.Null()])),
          returnDate: Type.Optional(Type.Union([DateString, Type.Null()])),
          transport: Type.Optional(Type.Union([literals(TRANSPORTS), Type.Null()])),
          transportNumber: Type.Optional(NullableText(20)),
          seat: Type.Optional(NullableText(20)),
          riskRegionsVisited: Type.Optional(Type.Array(RegionCode, { maxItems: 20, uniqueItems: true })),
          contactConfirmedCase: Type.Boolean(),
          contactRiskAreaPeople: Type.Boolean(),
          symptoms: Type.Array(literals(SYMPTOMS), { maxItems: SYMPTOMS.length, uniqueItems: true }),
          // A body temperature a thermometer can show; anything else is a typing mistake.
          temperature: Type.Optional(Type.Union([Type.Number({ minimum: 34, maximum: 43 }), Type.Null()])),
          homeConditionsMet: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
          companions: Type.Optional(NullableText(200)),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ declaration: await declarations.submitByStaff(actorOf(request), request.body) }),
  );

  app.get(
    '/api/declarations',
    {
      config: { access: 'declarations.read' },
      schema: {
        tags: ['declarations'],
        querystring: Strict({
          communityId: Type.Optional(Id),
          status: Type.Optional(literals(PERSON_STATUSES)),
          channel: Type.Optional(literals(CHANNELS)),
          buildingId: Type.Optional(Id),
          origin: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
          from: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
          to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
          ...Page,
        }),
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, origin, ...rest } = request.query;
      return declarations.list(actorOf(request), { ...rest, originPrefix: origin, page, pageSize });
    },
  );

  app.get(
    '/api/residents/:id/status',
    { config: { access: 'declarations.read' }, schema: { tags: ['declarations'], params: IdParams } },
    async (request) => declarations.statusOf(actorOf(request), request.params.id),
  );
}
