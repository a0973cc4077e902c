import { Type } from 'typebox';
import { NoContent } from '../../../shared/api/responses';
import {
  CARE_OUTCOMES,
  CARE_TAGS,
  CARE_TASK_KINDS,
  CARE_TASK_STATUSES,
  COVERAGE_ROLES,
  HELPER_TEAMS,
  MAX_PER_ROLE,
  PARTY_KINDS,
} from '../../../shared/helpers';
import {
  CareNeedAnswer,
  CareNeedList,
  CareTaskAnswer,
  CareTaskCompleted,
  CareTaskList,
  CoverageAssigned,
  CoverageMatrix,
  CoverageRollup,
  CoverageSettings,
  HelperAnswer,
  HelperList,
  HourEntryAnswer,
  HoursSummary,
  MyCareTaskAnswer,
  MyCareTasks,
} from '../../../shared/helpers/helpers-responses';
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
import { PhotoId } from '../photos/photo-schemas';

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const CommunityQuery = Strict({ communityId: Id });
const Month = MonthString;

const HelperFields = {
  phone: Type.Optional(Type.Union([Text(30), Type.Null()])),
  teams: Type.Optional(Type.Array(literals(HELPER_TEAMS), { maxItems: HELPER_TEAMS.length })),
  skills: Type.Optional(Type.Array(Text(20, 1), { maxItems: 20 })),
  availability: Type.Optional(NullableText(200)),
  verified: Type.Optional(Type.Boolean()),
  accountId: Type.Optional(Type.Union([Id, Type.Null()])),
  partyBranchId: Type.Optional(Type.Union([Id, Type.Null()])),
  partyKind: Type.Optional(Type.Union([literals(PARTY_KINDS), Type.Null()])),
  employerPartyOrg: Type.Optional(NullableText(100)),
  reportedOn: Type.Optional(Type.Union([DateString, Type.Null()])),
};
const Requirement = Int4(0, MAX_PER_ROLE);
/** Staff accept or decline on behalf of a helper without a phone; a volunteer names nobody. */
const OnBehalf = Strict({ helperId: Type.Optional(Id) });

export function helpersRoutes(app: AppInstance, { helpers, care }: Services) {
  const tags = ['helpers'];

  app.get(
    '/api/helpers',
    {
      config: { access: 'helpers.read' },
      schema: { tags, querystring: CommunityQuery, response: { 200: HelperList } },
    },
    async (request) => ({ items: await helpers.list(actorOf(request), request.query.communityId) }),
  );

  app.post(
    '/api/helpers',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags,
        body: Strict({
          communityId: Id,
          residentId: Type.Optional(Type.Union([Id, Type.Null()])),
          name: Type.Optional(Text(50)),
          ...HelperFields,
        }),
        response: { 201: HelperAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ helper: await helpers.create(actorOf(request), request.body) }),
  );

  app.patch(
    '/api/helpers/:id',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags,
        params: IdParams,
        body: StrictPatch({ name: Type.Optional(Text(50)), ...HelperFields }),
        response: { 200: HelperAnswer },
      },
    },
    async (request) => ({
      helper: await helpers.update(actorOf(request), request.params.id, request.body),
    }),
  );

  app.get(
    '/api/helpers/coverage',
    {
      config: { access: 'helpers.read' },
      schema: { tags, querystring: CommunityQuery, response: { 200: CoverageMatrix } },
    },
    async (request) => helpers.coverage(actorOf(request), request.query.communityId),
  );

  app.put(
    '/api/helpers/coverage/settings',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags,
        body: Strict({
          communityId: Id,
          required: Strict({
            party_contact: Requirement,
            building_lead: Requirement,
            volunteer: Requirement,
          }),
        }),
        response: { 200: CoverageSettings },
      },
    },
    async (request) =>
      helpers.saveRequirements(actorOf(request), request.body.communityId, request.body.required),
  );

  app.post(
    '/api/helpers/coverage/assignments',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags,
        body: Strict({ buildingId: Id, role: literals(COVERAGE_ROLES), helperId: Id }),
        response: { 201: CoverageAssigned },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ assignment: await helpers.assign(actorOf(request), request.body) }),
  );

  app.delete(
    '/api/helpers/coverage/assignments/:id',
    {
      config: { access: 'helpers.manage' },
      schema: { tags, params: IdParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await helpers.unassign(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/helpers/coverage/rollup',
    {
      config: { access: 'helpers.read' },
      schema: { tags, querystring: Strict({ placeId: Id }), response: { 200: CoverageRollup } },
    },
    async (request) => ({ items: await helpers.rollup(actorOf(request), request.query.placeId) }),
  );

  app.get(
    '/api/helpers/hours',
    {
      config: { access: 'helpers.read' },
      schema: {
        tags,
        querystring: Strict({ communityId: Id, month: Type.Optional(Month) }),
        response: { 200: HoursSummary },
      },
    },
    async (request) => care.hours(actorOf(request), request.query.communityId, request.query.month),
  );

  app.post(
    '/api/helpers/hours',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags,
        body: Strict({
          helperId: Id,
          workedOn: DateString,
          minutes: Int4(1, 24 * 60),
          note: Type.Optional(NullableText(200)),
        }),
        response: { 201: HourEntryAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ entry: await care.addHours(actorOf(request), request.body) }),
  );

  app.post(
    '/api/helpers/hours/:id/decide',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags,
        params: IdParams,
        body: Strict({ approve: Type.Boolean() }),
        response: { 200: HourEntryAnswer },
      },
    },
    async (request) => ({
      entry: await care.decideHours(actorOf(request), request.params.id, request.body.approve),
    }),
  );

  const careTags = ['care'];

  app.get(
    '/api/care/needs',
    {
      config: { access: 'helpers.read' },
      schema: {
        tags: careTags,
        querystring: Strict({ communityId: Id, overdue: Type.Optional(Type.Boolean()) }),
        response: { 200: CareNeedList },
      },
    },
    async (request) => ({
      items: await care.needs(actorOf(request), request.query.communityId, request.query.overdue ?? false),
    }),
  );

  app.put(
    '/api/care/needs',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags: careTags,
        body: Strict({
          residentId: Id,
          tags: Type.Array(literals(CARE_TAGS), { minItems: 1, maxItems: CARE_TAGS.length }),
          contactEveryDays: Type.Optional(Int4(1, 365)),
          notes: Type.Optional(NullableText(200)),
        }),
        response: { 200: CareNeedAnswer },
      },
    },
    async (request) => ({ need: await care.saveNeed(actorOf(request), request.body) }),
  );

  app.get(
    '/api/care/tasks',
    {
      config: { access: 'helpers.read' },
      schema: {
        tags: careTags,
        querystring: Strict({ communityId: Id, status: Type.Optional(literals(CARE_TASK_STATUSES)) }),
        response: { 200: CareTaskList },
      },
    },
    async (request) => ({
      items: await care.tasks(actorOf(request), request.query.communityId, request.query.status),
    }),
  );

  app.post(
    '/api/care/tasks',
    {
      config: { access: 'helpers.manage' },
      schema: {
        tags: careTags,
        body: Strict({
          residentId: Id,
          kind: literals(CARE_TASK_KINDS),
          what: Type.Optional(NullableText(200)),
        }),
        response: { 201: CareTaskAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ task: await care.createTask(actorOf(request), request.body) }),
  );

  app.get(
    '/api/care/tasks/mine',
    { config: { access: 'care.tasks' }, schema: { tags: careTags, response: { 200: MyCareTasks } } },
    async (request) => ({ items: await care.mine(actorOf(request)) }),
  );

  app.post(
    '/api/care/tasks/:id/accept',
    {
      config: { access: 'care.tasks' },
      schema: { tags: careTags, params: IdParams, body: OnBehalf, response: { 200: MyCareTaskAnswer } },
    },
    async (request) => ({
      task: await care.accept(actorOf(request), request.params.id, request.body.helperId),
    }),
  );

  app.post(
    '/api/care/tasks/:id/decline',
    {
      config: { access: 'care.tasks' },
      schema: { tags: careTags, params: IdParams, body: OnBehalf, response: { 200: MyCareTaskAnswer } },
    },
    async (request) => ({
      task: await care.decline(actorOf(request), request.params.id, request.body.helperId),
    }),
  );

  app.post(
    '/api/care/tasks/:id/complete',
    {
      config: { access: 'care.tasks' },
      schema: {
        tags: careTags,
        params: IdParams,
        body: Strict({
          clientId: Uuid,
          outcome: literals(CARE_OUTCOMES),
          photoId: Type.Optional(PhotoId),
          minutes: Type.Optional(Int4(1, 24 * 60)),
          notes: Type.Optional(NullableText(200)),
          doneAt: Type.Optional(Instant),
        }),
        response: { 200: CareTaskCompleted },
      },
    },
    async (request) => care.complete(actorOf(request), request.params.id, request.body),
  );
}
