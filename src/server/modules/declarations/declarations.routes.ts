import { Type } from 'typebox';
import { Binary, XLSX } from '../../../shared/api/responses';
import { CHANNELS, PERSON_STATUSES } from '../../../shared/declarations';
import {
  CurrentRules,
  DeclarationAnswer,
  DeclarationPage,
  ResidentStatus,
  RevealedAnswersAnswer,
  SavedRules,
  StatusChanges,
} from '../../../shared/declarations/declaration-responses';
import { sendAttachment } from '../../files/attachment';
import { actorOf } from '../../http/access';
import { Id, IdParams, Instant, literals, Page, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { AnswerFields } from './public-form.routes';

const DeclarationQuery = Strict({
  communityId: Type.Optional(Id),
  status: Type.Optional(literals(PERSON_STATUSES)),
  channel: Type.Optional(literals(CHANNELS)),
  buildingId: Type.Optional(Id),
  origin: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  ...Page,
});

export function declarationsRoutes(app: AppInstance, { declarations }: Services) {
  app.post(
    '/api/declarations',
    {
      config: { access: 'declarations.write' },
      schema: {
        response: { 201: DeclarationAnswer },
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
      schema: { response: { 200: DeclarationPage }, tags: ['declarations'], querystring: DeclarationQuery },
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
      schema: {
        response: { 200: RevealedAnswersAnswer },
        tags: ['declarations'],
        params: IdParams,
        body: Strict({ reason: Text(200, 2) }),
      },
    },
    async (request) => ({
      answers: await declarations.revealAnswers(actorOf(request), request.params.id, request.body.reason),
    }),
  );

  app.get(
    '/api/declarations/export',
    {
      config: { access: 'declarations.read' },
      schema: {
        response: { 200: Binary(XLSX, '登记表 · the declarations (xlsx)') },
        tags: ['declarations'],
        querystring: DeclarationQuery,
      },
    },
    async (request, reply) => {
      const { page: _page, pageSize: _size, origin, ...rest } = request.query;
      const body = await declarations.exportWorkbook(actorOf(request), { ...rest, originPrefix: origin });
      return sendAttachment(reply, { name: '登记表.xlsx', fallback: 'declarations.xlsx' }, body);
    },
  );

  app.get(
    '/api/status-rules',
    {
      config: { access: 'declarations.read' },
      // The place asked about: the caller's own when left out, or a place under it.
      schema: {
        response: { 200: CurrentRules },
        tags: ['declarations'],
        querystring: Strict({ placeId: Type.Optional(Id) }),
      },
    },
    async (request) => declarations.currentRules(actorOf(request), request.query.placeId),
  );

  app.put(
    '/api/status-rules',
    {
      config: { access: 'rules.write' },
      // The rules' own shape is checked by validateRules (shared with the console), with Chinese messages.
      schema: {
        response: { 200: SavedRules },
        tags: ['declarations'],
        body: Strict({
          placeId: Type.Optional(Id),
          rules: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 100 }),
        }),
      },
    },
    async (request) => declarations.replaceRules(actorOf(request), request.body.rules, request.body.placeId),
  );

  app.get(
    '/api/status-changes',
    {
      config: { access: 'declarations.read' },
      schema: {
        response: { 200: StatusChanges },
        tags: ['declarations'],
        querystring: Strict({ since: Type.Optional(Instant) }),
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
    {
      config: { access: 'declarations.read' },
      schema: { response: { 200: ResidentStatus }, tags: ['declarations'], params: IdParams },
    },
    async (request) => declarations.statusOf(actorOf(request), request.params.id),
  );
}
