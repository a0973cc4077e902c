import { Type } from 'typebox';
import { Binary, NoContent, XLSX } from '../../../shared/api/responses';
import {
  CAMPAIGN_KINDS,
  CHECKLIST_ITEM_MAX,
  CHECKLIST_MAX_ITEMS,
  FINDING_FILTERS,
  FINDING_MAX_PHOTOS,
  RECHECK_RESULTS,
  VISIT_OUTCOMES,
} from '../../../shared/campaigns';
import {
  Assigned,
  AssignmentSuggestion,
  Assignments,
  CampaignAnswer,
  CampaignList,
  CheckRecorded,
  Entrances,
  FindingAnswer,
  Findings,
  GovBuildings,
  MyCampaignList,
  MyHouseholds,
  Progress,
  Queue,
  TargetVisits,
  VisitRecorded,
} from '../../../shared/campaigns/campaign-responses';
import { sendAttachment } from '../../files/attachment';
import { actorOf } from '../../http/access';
import { DateString, Id, IdParams, Instant, literals, NullableText, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { AnswerFields } from '../declarations/public-form.routes';
import { PhotoId } from '../photos/photo-schemas';

const Attempts = (fallback: number) =>
  Strict({ minAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: fallback })) });
const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const PhotoIds = Type.Array(PhotoId, { maxItems: FINDING_MAX_PHOTOS });
const ItemKey = Type.String({ pattern: '^i[0-9]{1,2}$', maxLength: 3 });

export function campaignsRoutes(app: AppInstance, { campaigns }: Services) {
  const tags = ['campaigns'];

  app.get(
    '/api/campaigns',
    {
      config: { access: 'campaigns.read' },
      schema: {
        response: { 200: CampaignList },
        tags,
        querystring: Strict({ communityId: Type.Optional(Id) }),
      },
    },
    async (request) => ({ items: await campaigns.list(actorOf(request), request.query.communityId) }),
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        response: { 201: CampaignAnswer },
        tags,
        body: Strict({
          communityId: Id,
          name: Text(60, 2),
          kind: literals(CAMPAIGN_KINDS),
          placeIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
          startsOn: Type.Optional(DateString),
          endsOn: Type.Optional(Type.Union([DateString, Type.Null()])),
          checklist: Type.Optional(
            Type.Array(Text(CHECKLIST_ITEM_MAX + 20), { maxItems: CHECKLIST_MAX_ITEMS + 10 }),
          ),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ campaign: await campaigns.create(actorOf(request), request.body) }),
  );

  app.get(
    '/api/campaigns/mine',
    { config: { access: 'campaigns.visit' }, schema: { response: { 200: MyCampaignList }, tags } },
    async (request) => ({ items: await campaigns.mine(actorOf(request)) }),
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: 'campaigns.read' },
      schema: { response: { 200: CampaignAnswer }, tags, params: IdParams },
    },
    async (request) => ({ campaign: await campaigns.get(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/campaigns/:id/close',
    {
      config: { access: 'campaigns.manage' },
      schema: { response: { 200: CampaignAnswer }, tags, params: IdParams },
    },
    async (request) => ({ campaign: await campaigns.close(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/campaigns/:id/assignments',
    {
      config: { access: 'campaigns.read' },
      schema: { response: { 200: Assignments }, tags, params: IdParams },
    },
    async (request) => campaigns.assignments(actorOf(request), request.params.id),
  );

  app.post(
    '/api/campaigns/:id/assignments',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        response: { 200: Assigned },
        tags,
        params: IdParams,
        body: Strict({
          items: Type.Array(
            Strict({
              buildingId: Id,
              entranceId: Type.Optional(Type.Union([Id, Type.Null()])),
              accountId: Id,
              team: Type.Optional(NullableText(30)),
            }),
            { minItems: 1, maxItems: 500 },
          ),
        }),
      },
    },
    async (request) => campaigns.assign(actorOf(request), request.params.id, request.body.items),
  );

  app.delete(
    '/api/campaigns/:id/assignments/:assignmentId',
    {
      config: { access: 'campaigns.manage' },
      schema: { response: { 204: NoContent }, tags, params: Strict({ id: Id, assignmentId: Id }) },
    },
    async (request, reply) => {
      await campaigns.unassign(actorOf(request), request.params.id, request.params.assignmentId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/campaigns/:id/assignment-suggestion',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        response: { 200: AssignmentSuggestion },
        tags,
        params: IdParams,
        querystring: Strict({ accountIds: Type.Array(Id, { minItems: 1, maxItems: 100 }) }),
      },
    },
    async (request) => campaigns.suggest(actorOf(request), request.params.id, request.query.accountIds),
  );

  app.get(
    '/api/campaigns/:id/my-households',
    {
      config: { access: 'campaigns.visit' },
      schema: { response: { 200: MyHouseholds }, tags, params: IdParams },
    },
    async (request) => campaigns.myHouseholds(actorOf(request), request.params.id),
  );

  app.post(
    '/api/campaigns/:id/visits',
    {
      config: { access: 'campaigns.visit' },
      bodyLimit: 64 * 1024,
      schema: {
        response: { 200: VisitRecorded, 201: VisitRecorded },
        tags,
        params: IdParams,
        body: Strict({
          id: Uuid,
          targetId: Id,
          outcome: literals(VISIT_OUTCOMES),
          notes: Type.Optional(NullableText(500)),
          visitedAt: Type.Optional(Instant),
          declarations: Type.Optional(
            Type.Array(Strict({ residentId: Id, ...AnswerFields }), { maxItems: 20 }),
          ),
        }),
      },
    },
    async (request, reply) => {
      const result = await campaigns.recordVisit(actorOf(request), request.params.id, request.body);
      // 201 for a new visit, 200 when the phone sent one the server already has.
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/campaigns/:id/targets/:targetId/visits',
    {
      config: { access: 'campaigns.visit' },
      schema: { response: { 200: TargetVisits }, tags, params: Strict({ id: Id, targetId: Id }) },
    },
    async (request) => ({
      items: await campaigns.visitsOf(actorOf(request), request.params.id, request.params.targetId),
    }),
  );

  app.get(
    '/api/campaigns/:id/progress',
    {
      config: { access: 'campaigns.read' },
      schema: { response: { 200: Progress }, tags, params: IdParams, querystring: Attempts(3) },
    },
    async (request) =>
      campaigns.progress(actorOf(request), request.params.id, request.query.minAttempts ?? 3),
  );

  app.get(
    '/api/campaigns/:id/queue',
    {
      config: { access: 'campaigns.read' },
      schema: { response: { 200: Queue }, tags, params: IdParams, querystring: Attempts(1) },
    },
    async (request) => campaigns.queue(actorOf(request), request.params.id, request.query.minAttempts ?? 1),
  );

  app.get(
    '/api/campaigns/:id/buildings',
    {
      config: { access: 'campaigns.visit' },
      schema: { response: { 200: GovBuildings }, tags, params: IdParams },
    },
    async (request) => campaigns.buildings(actorOf(request), request.params.id),
  );

  app.get(
    '/api/campaigns/:id/targets/:targetId/entrances',
    {
      config: { access: 'campaigns.visit' },
      schema: { response: { 200: Entrances }, tags, params: Strict({ id: Id, targetId: Id }) },
    },
    async (request) => campaigns.entrances(actorOf(request), request.params.id, request.params.targetId),
  );

  app.post(
    '/api/campaigns/:id/checks',
    {
      config: { access: 'campaigns.visit' },
      bodyLimit: 64 * 1024,
      schema: {
        response: { 200: CheckRecorded, 201: CheckRecorded },
        tags,
        params: IdParams,
        body: Strict({
          id: Uuid,
          targetId: Id,
          results: Type.Array(Strict({ key: ItemKey, passed: Type.Boolean() }), {
            minItems: 1,
            maxItems: CHECKLIST_MAX_ITEMS,
          }),
          notes: Type.Optional(NullableText(500)),
          checkedAt: Type.Optional(Instant),
          findings: Type.Optional(
            Type.Array(
              Strict({
                itemKey: ItemKey,
                entranceId: Type.Optional(Type.Union([Id, Type.Null()])),
                floor: Type.Optional(Type.Union([Type.Integer({ minimum: -5, maximum: 120 }), Type.Null()])),
                location: Type.Optional(NullableText(100)),
                description: Text(300, 1),
                photoIds: Type.Optional(PhotoIds),
                deadline: DateString,
              }),
              { maxItems: 50 },
            ),
          ),
        }),
      },
    },
    async (request, reply) => {
      const result = await campaigns.recordCheck(actorOf(request), request.params.id, request.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  // Read by officers above (campaigns.read) and by the people who check and re-check (campaigns.visit).
  app.get(
    '/api/campaigns/:id/findings',
    {
      config: { access: 'signed_in' },
      schema: {
        response: { 200: Findings },
        tags,
        params: IdParams,
        querystring: Strict({
          status: Type.Optional(literals(FINDING_FILTERS)),
          buildingId: Type.Optional(Id),
        }),
      },
    },
    async (request) => campaigns.findings(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/campaigns/:id/findings/:findingId/recheck',
    {
      config: { access: 'campaigns.visit' },
      schema: {
        response: { 200: FindingAnswer },
        tags,
        params: Strict({ id: Id, findingId: Id }),
        body: Strict({
          result: literals(RECHECK_RESULTS),
          notes: Type.Optional(NullableText(300)),
          photoIds: Type.Optional(PhotoIds),
          deadline: Type.Optional(DateString),
        }),
      },
    },
    async (request) =>
      campaigns.recheck(actorOf(request), request.params.id, request.params.findingId, request.body),
  );

  app.get(
    '/api/campaigns/:id/summary',
    {
      config: { access: 'campaigns.read' },
      schema: {
        response: { 200: Binary(XLSX, '排查汇总 · the campaign summary (xlsx)') },
        tags,
        params: IdParams,
      },
    },
    async (request, reply) => {
      const body = await campaigns.summaryWorkbook(actorOf(request), request.params.id);
      const file = { name: '排查汇总.xlsx', fallback: `campaign-${request.params.id}.xlsx` };
      return sendAttachment(reply, file, body);
    },
  );
}
