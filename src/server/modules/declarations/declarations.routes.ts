import { Type } from 'typebox';
import { CHANNELS, PERSON_STATUSES } from '../../../shared/declarations';
import { actorOf } from '../../http/access';
import { Id, IdParams, Page, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { AnswerFields } from './public-form.routes';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const DeclarationQuery = Strict({
  communityId: Type.Optional(Id),
  status: Type.Optional(literals(PERSON_STATUSES)),
  channel: Type.Optional(literals(CHANNELS)),
  buildingId: Type.Optional(Id),
  origin: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
  from: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  ...Page,
});

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
          ...AnswerFields,
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
        querystring: DeclarationQuery,
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, origin, ...rest } = request.query;
      return declarations.list(actorOf(request), { ...rest, originPrefix: origin, page, pageSize });
    },
  );

  app.post(
    '/api/declarations/:id/reveal',
    {
      config: { access: 'registry.reveal' },
      schema: { tags: ['declarations'], params: IdParams, body: Strict({ reason: Text(200, 2) }) },
    },
    async (request) => ({
      answers: await declarations.revealAnswers(actorOf(request), request.params.id, request.body.reason),
    }),
  );

  app.get(
    '/api/declarations/export',
    {
      config: { access: 'declarations.read' },
      schema: { tags: ['declarations'], querystring: DeclarationQuery },
    },
    async (request, reply) => {
      const { page: _page, pageSize: _size, origin, ...rest } = request.query;
      const body = await declarations.exportWorkbook(actorOf(request), { ...rest, originPrefix: origin });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header(
        'content-disposition',
        `attachment; filename="declarations.xlsx"; filename*=UTF-8''${encodeURIComponent('登记表.xlsx')}`,
      );
      return reply.send(body);
    },
  );

  app.get(
    '/api/status-rules',
    { config: { access: 'declarations.read' }, schema: { tags: ['declarations'] } },
    async () => declarations.currentRules(),
  );

  app.put(
    '/api/status-rules',
    {
      config: { access: 'rules.write' },
      // The rules' own shape is checked by validateRules (shared with the console), with Chinese messages.
      schema: {
        tags: ['declarations'],
        body: Strict({ rules: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 100 }) }),
      },
    },
    async (request) => declarations.replaceRules(actorOf(request), request.body.rules),
  );

  app.get(
    '/api/status-changes',
    {
      config: { access: 'declarations.read' },
      schema: {
        tags: ['declarations'],
        querystring: Strict({ since: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })) }),
      },
    },
    async (request) => {
      // Default: since this time yesterday, the question staff ask every morning.
      const since = request.query.since ? new Date(request.query.since) : new Date(Date.now() - 86_400_000);
      return { items: await declarations.changesSince(actorOf(request), since) };
    },
  );

  app.get(
    '/api/residents/:id/status',
    { config: { access: 'declarations.read' }, schema: { tags: ['declarations'], params: IdParams } },
    async (request) => declarations.statusOf(actorOf(request), request.params.id),
  );
}
