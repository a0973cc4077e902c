import { Type } from 'typebox';
import { Binary, NoContent, XLSX } from '../../../shared/api/responses';
import {
  ELIGIBILITY_CHECKLIST,
  OBSERVATION_KINDS,
  OBSERVATION_REASONS,
  SYMPTOMS,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
} from '../../../shared/observation';
import {
  AlertAnswer,
  AlertList,
  Board,
  BoardSummary,
  CheckinAnswer,
  EligibilityAnswer,
  LinkAnswer,
  MAX_NOTICES,
  NOTICE_FILTERS,
  NOTICE_KINDS,
  NoticeSheet,
  ObservationAnswer,
  ObservationDetail,
  ObservationList,
  OwnObservation,
  TaskList,
} from '../../../shared/observation/observation-responses';
import { sendAttachment } from '../../files/attachment';
import { actorOf } from '../../http/access';
import { DateString, Id, IdParams, Instant, NullableText, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { routeLimits } from '../rate-limits/route-limits';

const tags = ['observation'];
const CommunityQuery = Strict({ communityId: Id });
const LinkToken = Type.String({ pattern: '^[A-Za-z0-9_-]{24}$' });
const ClientId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' });
const Reading = {
  clientId: ClientId,
  temperature: Type.Number({ minimum: TEMPERATURE_MIN, maximum: TEMPERATURE_MAX }),
  symptoms: Type.Array(Type.Enum(SYMPTOMS), { maxItems: SYMPTOMS.length, uniqueItems: true }),
};
const Answers = Type.Object(
  Object.fromEntries(ELIGIBILITY_CHECKLIST.items.map((i) => [i.key, Type.Optional(Type.Boolean())])),
  { additionalProperties: false },
);
const ReasonText = Text(200, 1);
const FILTERS = [
  'active',
  'ended',
  'ending_today',
  'ending_tomorrow',
  'alerts',
  'missed_today',
  'due_today',
] as const;

export async function observationRoutes(app: AppInstance, { observation, config }: Services) {
  app.get(
    '/api/observation/board',
    {
      config: { access: 'observation.read' },
      schema: { tags, querystring: CommunityQuery, response: { 200: Board } },
    },
    async (request) => observation.board(actorOf(request), request.query.communityId),
  );

  app.get(
    '/api/observation/summary',
    { config: { access: 'observation.read' }, schema: { tags, response: { 200: BoardSummary } } },
    async (request) => ({ items: await observation.summary(actorOf(request)) }),
  );

  app.get(
    '/api/observation/observations',
    {
      config: { access: 'observation.read' },
      schema: {
        tags,
        querystring: Strict({
          communityId: Id,
          filter: Type.Optional(Type.Enum(FILTERS)),
          buildingId: Type.Optional(Id),
        }),
        response: { 200: ObservationList },
      },
    },
    async (request) => ({
      items: await observation.list(actorOf(request), {
        communityId: request.query.communityId,
        filter: request.query.filter ?? 'active',
        buildingId: request.query.buildingId,
      }),
    }),
  );

  app.post(
    '/api/observation/observations',
    {
      config: { access: 'observation.manage' },
      schema: {
        tags,
        body: Strict({
          residentId: Id,
          kind: Type.Enum(OBSERVATION_KINDS),
          reason: Type.Enum(OBSERVATION_REASONS),
          dayOne: Type.Optional(DateString),
          note: Type.Optional(NullableText(300)),
          eligibility: Type.Optional(Answers),
          site: Type.Optional(NullableText(100)),
          siteRoom: Type.Optional(NullableText(30)),
        }),
        response: { 201: ObservationAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        observation: await observation.start(actorOf(request), {
          ...request.body,
          eligibility: request.body.eligibility as Record<string, boolean> | undefined,
        }),
      }),
  );

  app.get(
    '/api/observation/observations/:id',
    {
      config: { access: 'observation.read' },
      schema: { tags, params: IdParams, response: { 200: ObservationDetail } },
    },
    async (request) => observation.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/observation/observations/:id/extend',
    {
      config: { access: 'observation.manage' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ days: Type.Integer({ minimum: 1, maximum: 30 }), reason: ReasonText }),
        response: { 200: ObservationAnswer },
      },
    },
    async (request) => ({
      observation: await observation.extend(actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/observation/observations/:id/shorten',
    {
      config: { access: 'observation.shorten' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ plannedEnd: DateString, reason: ReasonText }),
        response: { 200: ObservationAnswer },
      },
    },
    async (request) => ({
      observation: await observation.shorten(actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/observation/observations/:id/end',
    {
      config: { access: 'observation.manage' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ reason: ReasonText }),
        response: { 200: ObservationAnswer },
      },
    },
    async (request) => ({
      observation: await observation.end(actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/observation/observations/:id/link',
    {
      config: { access: 'observation.manage' },
      schema: { tags, params: IdParams, response: { 200: LinkAnswer } },
    },
    async (request) => observation.newLink(actorOf(request), request.params.id),
  );

  app.post(
    '/api/observation/checkins',
    {
      config: { access: 'observation.checkin' },
      schema: {
        tags,
        body: Strict({
          observationId: Id,
          channel: Type.Enum(['phone', 'visit'] as const),
          recordedAt: Type.Optional(Instant),
          ...Reading,
        }),
        response: { 200: CheckinAnswer },
      },
    },
    async (request) => observation.staffCheckin(actorOf(request), request.body),
  );

  app.post(
    '/api/observation/eligibility',
    {
      config: { access: 'observation.manage' },
      schema: {
        tags,
        body: Strict({ residentId: Id, answers: Answers }),
        response: { 200: EligibilityAnswer },
      },
    },
    async (request) =>
      observation.eligibility(actorOf(request), {
        residentId: request.body.residentId,
        answers: request.body.answers as Record<string, boolean>,
      }),
  );

  app.get(
    '/api/observation/alerts',
    {
      config: { access: 'observation.read' },
      schema: { tags, querystring: CommunityQuery, response: { 200: AlertList } },
    },
    async (request) => ({ items: await observation.alerts(actorOf(request), request.query.communityId) }),
  );

  app.post(
    '/api/observation/alerts/:id/ack',
    {
      config: { access: 'observation.checkin' },
      schema: { tags, params: IdParams, response: { 200: AlertAnswer } },
    },
    async (request) => ({ alert: await observation.acknowledge(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/observation/tasks',
    {
      config: { access: 'observation.read' },
      schema: {
        tags,
        querystring: Strict({ communityId: Id, open: Type.Optional(Type.Boolean()) }),
        response: { 200: TaskList },
      },
    },
    async (request) => ({
      items: await observation.tasks(actorOf(request), request.query.communityId, request.query.open ?? true),
    }),
  );

  app.post(
    '/api/observation/tasks/:id/done',
    {
      config: { access: 'observation.manage' },
      schema: { tags, params: IdParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await observation.completeTask(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/observation/export',
    {
      config: { access: 'observation.read' },
      schema: {
        tags,
        querystring: Strict({ communityId: Id, includeEnded: Type.Optional(Type.Boolean()) }),
        response: { 200: Binary(XLSX, '逐日观察记录 · the day-by-day observation record (xlsx)') },
      },
    },
    async (request, reply) => {
      const body = await observation.exportWorkbook(actorOf(request), {
        communityId: request.query.communityId,
        includeEnded: request.query.includeEnded ?? false,
      });
      const file = { name: '观察逐日记录.xlsx', fallback: `observation-${request.query.communityId}.xlsx` };
      return sendAttachment(reply, file, body);
    },
  );

  // Notices to print (one A4 page each): the ticked rows, or everyone a filter names; printing is audited.
  app.get(
    '/api/observation/notices',
    {
      config: { access: 'observation.manage' },
      schema: {
        tags,
        querystring: Strict({
          communityId: Id,
          notice: Type.Enum(NOTICE_KINDS),
          ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: MAX_NOTICES })),
          filter: Type.Optional(Type.Enum(NOTICE_FILTERS)),
        }),
        response: { 200: NoticeSheet },
      },
    },
    async (request) => observation.notices(actorOf(request), request.query),
  );

  // The person's own check-in link: a random token is the credential, limited like the pass link.
  const limited = routeLimits(app, [{ name: 'observation-link:', max: config.publicRateLimit }]);
  app.get(
    '/api/public/observation/:token',
    {
      config: { access: 'public' },
      preHandler: limited,
      schema: { tags: ['public'], params: Strict({ token: LinkToken }), response: { 200: OwnObservation } },
    },
    async (request) => observation.byLink(request.params.token),
  );
  app.post(
    '/api/public/observation/:token/checkins',
    {
      config: { access: 'public' },
      preHandler: limited,
      schema: {
        tags: ['public'],
        params: Strict({ token: LinkToken }),
        body: Strict(Reading),
        response: { 200: CheckinAnswer },
      },
    },
    async (request) => observation.selfCheckin(request.params.token, request.body),
  );
}
