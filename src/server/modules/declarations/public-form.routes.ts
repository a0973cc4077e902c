import { Type } from 'typebox';
import { NoContent } from '../../../shared/api/responses';
import { SYMPTOMS, TRANSPORTS } from '../../../shared/declarations';
import {
  PosterAnswer,
  PosterInfo,
  PosterList,
  ReceiptAnswer,
} from '../../../shared/declarations/declaration-responses';
import { DOCUMENT_TYPES } from '../../../shared/identity';
import { actorOf } from '../../http/access';
import { DateString, Id, IdParams, literals, NullableText, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { routeLimits } from '../rate-limits/route-limits';

const RegionCode = Type.String({ pattern: '^\\d{6}$' });
const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' });
const Uuid = Type.String({ format: 'uuid', maxLength: 36 });

/** The answers both forms share; kept with the public route since it is the larger of the two. */
export const AnswerFields = {
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
  // Answers to the officers' questions. Their kinds depend on the version, so checkExtraAnswers (shared
  // with the form) checks them; ajv's type coercion would turn ['取药'] into '取药' and back.
  formVersionId: Type.Optional(Type.Union([Id, Type.Null()])),
  extra: Type.Optional(
    Type.Record(Type.String({ pattern: '^q\\d{1,4}$' }), Type.Unknown(), { maxProperties: 30 }),
  ),
};

export async function publicFormRoutes(app: AppInstance, { publicForm, config }: Services) {
  // Public routes are what an attacker reaches without an account: limited per address and per poster,
  // counted in the database (rate-limit-store.ts) so the limits hold across instances.
  const limited = routeLimits(app, [
    { name: 'form-address:', max: config.publicRateLimit },
    {
      name: 'form-poster:',
      max: config.publicRateLimit * 20,
      key: (request) => {
        const params = request.params as { token?: string } | undefined;
        const body = request.body as { token?: string } | undefined;
        return `poster:${params?.token ?? body?.token ?? ''}`;
      },
    },
  ]);

  app.get(
    '/api/public/posters/:token',
    {
      config: { access: 'public' },
      preHandler: limited,
      schema: { response: { 200: PosterInfo }, tags: ['public'], params: Strict({ token: Token }) },
    },
    async (request) => publicForm.posterInfo(request.params.token),
  );

  app.post(
    '/api/public/declarations',
    {
      config: { access: 'public' },
      preHandler: limited,
      bodyLimit: 16 * 1024,
      schema: {
        response: { 201: ReceiptAnswer },
        tags: ['public'],
        body: Strict({
          token: Token,
          person: Strict({
            name: Text(50, 1),
            gender: Type.Optional(Type.Union([literals(['male', 'female'] as const), Type.Null()])),
            docType: literals(DOCUMENT_TYPES),
            docNumber: Text(40, 1),
            phone: Text(40, 1),
            birthDate: Type.Optional(Type.Union([DateString, Type.Null()])),
          }),
          address: Type.Union([
            Strict({
              buildingId: Id,
              entranceId: Type.Optional(Type.Union([Id, Type.Null()])),
              room: Text(30, 1),
            }),
            Strict({ newcomer: Type.Literal(true), note: Type.Optional(Text(200)) }),
          ]),
          ...AnswerFields,
          consent: Type.Boolean(),
          // Made on the phone, kept with the draft: the same submit sent twice is stored once.
          clientId: Uuid,
        }),
      },
    },
    async (request, reply) => reply.status(201).send({ receipt: await publicForm.submit(request.body) }),
  );

  app.get(
    '/api/posters',
    {
      config: { access: 'declarations.read' },
      schema: {
        response: { 200: PosterList },
        tags: ['declarations'],
        querystring: Strict({ communityId: Type.Optional(Id) }),
      },
    },
    async (request) => ({ items: await publicForm.listPosters(actorOf(request), request.query.communityId) }),
  );

  app.post(
    '/api/posters',
    {
      config: { access: 'registry.write' },
      schema: { response: { 201: PosterAnswer }, tags: ['declarations'], body: Strict({ placeId: Id }) },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ poster: await publicForm.createPoster(actorOf(request), request.body.placeId) }),
  );

  app.delete(
    '/api/posters/:id',
    {
      config: { access: 'registry.write' },
      schema: { response: { 204: NoContent }, tags: ['declarations'], params: IdParams },
    },
    async (request, reply) => {
      await publicForm.revokePoster(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
