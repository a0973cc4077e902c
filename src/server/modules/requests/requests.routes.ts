import { Type } from 'typebox';
import { Binary, XLSX } from '../../../shared/api/responses';
import {
  EXCLUSION_REASONS,
  LIMIT_UNITS,
  REQUEST_CHANNELS,
  REQUEST_LISTS,
  REQUEST_STATUSES,
  REQUEST_STEPS,
  type RequestChannel,
  SATISFACTIONS,
} from '../../../shared/requests';
import {
  PublicRequestAnswer,
  PublicRequestFiled,
  PublicRequestForm,
  RequestAnswer,
  RequestCategoryAnswer,
  RequestCategoryList,
  RequestLink,
  RequestPage,
  RequestRanking,
  RequestRates,
  RequestRateWeightsAnswer,
  RequestStaffList,
  RevealedPhone,
} from '../../../shared/requests/requests-responses';
import { sendAttachment } from '../../files/attachment';
import { actorOf } from '../../http/access';
import {
  DateString,
  Id,
  IdParams,
  Instant,
  Int4,
  literals,
  MonthString,
  NullableText,
  Strict,
  StrictPatch,
  Text,
} from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { routeLimits } from '../rate-limits/route-limits';

const Month = MonthString;
const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' });
const tags = ['requests'];

export async function requestsRoutes(app: AppInstance, { requests, requestRates, config }: Services) {
  app.get(
    '/api/request-categories',
    { config: { access: 'requests.read' }, schema: { tags, response: { 200: RequestCategoryList } } },
    async () => ({ items: await requests.categories() }),
  );

  app.patch(
    '/api/request-categories/:id',
    {
      config: { access: 'requests.categories' },
      schema: {
        tags,
        params: IdParams,
        body: StrictPatch({
          name: Type.Optional(Text(20, 1)),
          contactLimit: Type.Optional(Int4(1, 720)),
          contactUnit: Type.Optional(literals(LIMIT_UNITS)),
          resolveLimit: Type.Optional(Int4(1, 720)),
          resolveUnit: Type.Optional(literals(LIMIT_UNITS)),
          retired: Type.Optional(Type.Boolean()),
        }),
        response: { 200: RequestCategoryAnswer },
      },
    },
    async (request) => ({
      category: await requests.updateCategory(actorOf(request), request.params.id, request.body),
    }),
  );

  app.get(
    '/api/request-rate-weights',
    { config: { access: 'requests.read' }, schema: { tags, response: { 200: RequestRateWeightsAnswer } } },
    async () => requests.rateWeights(),
  );

  app.put(
    '/api/request-rate-weights',
    {
      config: { access: 'requests.categories' },
      schema: {
        tags,
        body: Strict({
          basicSatisfied: Type.Number({ minimum: 0, maximum: 1 }),
          response: Int4(0, 100),
          resolution: Int4(0, 100),
          satisfaction: Int4(0, 100),
        }),
        response: { 200: RequestRateWeightsAnswer },
      },
    },
    async (request) => requests.setRateWeights(actorOf(request), request.body),
  );

  app.post(
    '/api/requests',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        body: Strict({
          communityId: Id,
          placeId: Type.Optional(Type.Union([Id, Type.Null()])),
          householdId: Type.Optional(Type.Union([Id, Type.Null()])),
          residentId: Type.Optional(Type.Union([Id, Type.Null()])),
          requesterName: Text(50, 1),
          phone: Type.Optional(NullableText(40)),
          categoryId: Id,
          text: Text(2000, 1),
          channel: literals(
            REQUEST_CHANNELS.filter((c): c is Exclude<RequestChannel, 'public'> => c !== 'public'),
          ),
          orderNumber: Type.Optional(
            Type.Union([Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }), Type.Null()]),
          ),
          contactPreference: Type.Optional(NullableText(100)),
          receivedAt: Type.Optional(Instant),
        }),
        response: { 201: RequestAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ request: await requests.create(actorOf(request), request.body) }),
  );

  app.get(
    '/api/requests',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        querystring: Strict({
          list: Type.Optional(literals(REQUEST_LISTS)),
          communityId: Type.Optional(Id),
          status: Type.Optional(literals(REQUEST_STATUSES)),
          page: Type.Optional(Int4(1, 100_000)),
          pageSize: Type.Optional(Int4(1, 200)),
        }),
        response: { 200: RequestPage },
      },
    },
    async (request) => {
      const q = request.query;
      return requests.list(actorOf(request), {
        list: q.list ?? 'all',
        communityId: q.communityId,
        status: q.status,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 50,
      });
    },
  );

  app.get(
    '/api/requests/staff',
    {
      config: { access: 'requests.read' },
      schema: { tags, querystring: Strict({ communityId: Id }), response: { 200: RequestStaffList } },
    },
    async (request) => ({ items: await requests.staff(actorOf(request), request.query.communityId) }),
  );

  const RatesQuery = Strict({ from: DateString, to: DateString, placeId: Type.Optional(Id) });
  app.get(
    '/api/requests/rates',
    {
      config: { access: 'requests.read' },
      schema: { tags, querystring: RatesQuery, response: { 200: RequestRates } },
    },
    async (request) => requestRates.rates(actorOf(request), request.query),
  );

  const RankingQuery = Strict({ month: Month, placeId: Type.Optional(Id) });
  app.get(
    '/api/requests/ranking',
    {
      config: { access: 'requests.read' },
      schema: { tags, querystring: RankingQuery, response: { 200: RequestRanking } },
    },
    async (request) => requestRates.ranking(actorOf(request), request.query),
  );

  app.get(
    '/api/requests/ranking/export',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        querystring: RankingQuery,
        response: { 200: Binary(XLSX, '接诉即办排名 · the monthly ranking (xlsx)') },
      },
    },
    async (request, reply) => {
      const { body, month } = await requestRates.rankingWorkbook(actorOf(request), request.query);
      return sendAttachment(
        reply,
        { name: `接诉即办排名-${month}.xlsx`, fallback: `requests-ranking-${month}.xlsx` },
        body,
      );
    },
  );

  app.get(
    '/api/requests/:id',
    {
      config: { access: 'requests.read' },
      schema: { tags, params: IdParams, response: { 200: RequestAnswer } },
    },
    async (request) => ({ request: await requests.get(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/requests/:id/steps',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({
          step: literals(REQUEST_STEPS),
          note: Type.Optional(NullableText(1000)),
          reached: Type.Optional(Type.Boolean()),
          resolved: Type.Optional(Type.Boolean()),
          satisfaction: Type.Optional(literals(SATISFACTIONS)),
          assigneeId: Type.Optional(Id),
        }),
        response: { 200: RequestAnswer },
      },
    },
    async (request) => ({ request: await requests.step(actorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/requests/:id/exclusion',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ reason: literals(EXCLUSION_REASONS), note: Text(500, 1) }),
        response: { 200: RequestAnswer },
      },
    },
    async (request) => ({
      request: await requests.requestExclusion(
        actorOf(request),
        request.params.id,
        request.body.reason,
        request.body.note,
      ),
    }),
  );

  app.post(
    '/api/requests/:id/exclusion/decision',
    {
      config: { access: 'requests.approve' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ approve: Type.Boolean(), note: Type.Optional(NullableText(500)) }),
        response: { 200: RequestAnswer },
      },
    },
    async (request) => ({
      request: await requests.decideExclusion(
        actorOf(request),
        request.params.id,
        request.body.approve,
        request.body.note,
      ),
    }),
  );

  app.post(
    '/api/requests/:id/reveal',
    {
      config: { access: 'requests.write' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ reason: Text(200, 1) }),
        response: { 200: RevealedPhone },
      },
    },
    async (request) => requests.revealPhone(actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/requests/:id/link',
    {
      config: { access: 'requests.write' },
      schema: { tags, params: IdParams, response: { 200: RequestLink } },
    },
    async (request) => requests.makeLink(actorOf(request), request.params.id),
  );

  // ── public: the poster's intake and the resident's own link ──────────────────────────────────────
  const limited = routeLimits(app, [
    { name: 'request-address:', max: config.publicRateLimit },
    {
      name: 'request-poster:',
      max: config.publicRateLimit * 20,
      key: (request) => `poster:${(request.params as { token?: string } | undefined)?.token ?? ''}`,
    },
  ]);
  // The resident's own progress link: limited per address like the pass link.
  const linkLimited = routeLimits(app, [{ name: 'request-link:', max: config.publicRateLimit }]);
  const publicTags = ['public'];

  app.get(
    '/api/public/posters/:token/request-form',
    {
      config: { access: 'public' },
      preHandler: limited,
      schema: { tags: publicTags, params: Strict({ token: Token }), response: { 200: PublicRequestForm } },
    },
    async (request) => requests.posterForm(request.params.token),
  );

  app.post(
    '/api/public/posters/:token/requests',
    {
      config: { access: 'public' },
      preHandler: limited,
      bodyLimit: 16 * 1024,
      schema: {
        tags: publicTags,
        params: Strict({ token: Token }),
        body: Strict({
          name: Text(50, 1),
          phone: Text(40, 1),
          categoryId: Id,
          text: Text(1000, 1),
          contactPreference: Type.Optional(NullableText(100)),
        }),
        response: { 201: PublicRequestFiled },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requests.fileByPoster(request.params.token, request.body)),
  );

  app.get(
    '/api/public/requests/:token',
    {
      config: { access: 'public' },
      preHandler: linkLimited,
      schema: { tags: publicTags, params: Strict({ token: Token }), response: { 200: PublicRequestAnswer } },
    },
    async (request) => ({ request: await requests.byLink(request.params.token) }),
  );

  app.post(
    '/api/public/requests/:token/rating',
    {
      config: { access: 'public' },
      preHandler: linkLimited,
      schema: {
        tags: publicTags,
        params: Strict({ token: Token }),
        body: Strict({
          resolved: Type.Boolean(),
          satisfaction: literals(SATISFACTIONS),
          note: Type.Optional(NullableText(500)),
        }),
        response: { 200: PublicRequestAnswer },
      },
    },
    async (request) => ({ request: await requests.rateByLink(request.params.token, request.body) }),
  );
}
