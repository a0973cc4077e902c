import { Type } from 'typebox';
import { DOCUMENT_TYPES } from '../../../shared/identity';
import {
  GENDERS,
  RELATIONS,
  RESIDENCE_TYPES,
  RESIDENT_TAGS,
  REVEALABLE_FIELDS,
} from '../../../shared/people/people-enums';
import {
  HouseholdDetail,
  Organisations,
  PartyBranches,
  ResidentAnswer,
  ResidentDetail,
  ResidentPage,
  Revealed,
  Verified,
} from '../../../shared/people/people-responses';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import {
  DateString,
  Id,
  IdParams,
  literals,
  NullableText,
  Page,
  Strict,
  Text,
  Version,
} from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

const residentFields = {
  name: Text(50, 1),
  gender: Type.Optional(Type.Union([literals(GENDERS), Type.Null()])),
  docType: literals(DOCUMENT_TYPES),
  docNumber: Text(40, 1),
  phone: Type.Optional(NullableText(40)),
  birthDate: Type.Optional(Type.Union([DateString, Type.Null()])),
  relationToHead: literals(RELATIONS),
  residenceType: literals(RESIDENCE_TYPES),
  tags: Type.Optional(
    Type.Array(literals(RESIDENT_TAGS), { maxItems: RESIDENT_TAGS.length, uniqueItems: true }),
  ),
  notes: Type.Optional(NullableText(500)),
};

const optionalFields = {
  name: Type.Optional(residentFields.name),
  gender: residentFields.gender,
  docType: Type.Optional(residentFields.docType),
  docNumber: Type.Optional(residentFields.docNumber),
  phone: residentFields.phone,
  birthDate: residentFields.birthDate,
  relationToHead: Type.Optional(residentFields.relationToHead),
  residenceType: Type.Optional(residentFields.residenceType),
  tags: residentFields.tags,
  notes: residentFields.notes,
};

export function peopleRoutes(app: AppInstance, { people }: Services) {
  app.get(
    '/api/residents',
    {
      config: { access: 'registry.read' },
      schema: {
        tags: ['people'],
        querystring: Strict({
          q: Type.Optional(Text(50)),
          communityId: Type.Optional(Id),
          householdId: Type.Optional(Id),
          tag: Type.Optional(literals(RESIDENT_TAGS)),
          unverified: Type.Optional(Type.Boolean()),
          ...Page,
        }),
        response: { 200: ResidentPage },
      },
    },
    async (request, reply) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      try {
        return await people.search(actorOf(request), { ...rest, page, pageSize });
      } catch (error) {
        if (error instanceof AppError && error.code === 'search_rate_limited')
          reply.header('retry-after', String(error.params.seconds));
        throw error;
      }
    },
  );

  app.get(
    '/api/residents/:id',
    {
      config: { access: 'registry.read' },
      schema: { tags: ['people'], params: IdParams, response: { 200: ResidentDetail } },
    },
    async (request) => people.getResident(actorOf(request), request.params.id),
  );

  app.post(
    '/api/residents',
    {
      config: { access: 'registry.write' },
      schema: {
        tags: ['people'],
        body: Strict({ householdId: Id, ...residentFields }),
        response: { 201: ResidentAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ resident: await people.createResident(actorOf(request), request.body) }),
  );

  app.patch(
    '/api/residents/:id',
    {
      config: { access: 'registry.write' },
      schema: {
        tags: ['people'],
        params: IdParams,
        // `version` is the one the editor loaded: a save over someone else's change is refused.
        body: Strict({ version: Version, ...optionalFields }),
        response: { 200: ResidentAnswer },
      },
    },
    async (request) => ({
      resident: await people.updateResident(actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/residents/:id/move',
    {
      config: { access: 'registry.write' },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: Strict({ householdId: Id, reason: Text(200, 2), version: Version }),
        response: { 200: ResidentDetail },
      },
    },
    async (request) => people.moveResident(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/residents/:id/verify',
    {
      config: { access: 'registry.write' },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: Strict({ version: Version }),
        response: { 200: Verified },
      },
    },
    async (request) => people.verifyResident(actorOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/api/residents/:id/reveal',
    {
      config: { access: 'registry.reveal' },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: Strict({ field: literals(REVEALABLE_FIELDS), reason: Text(200) }),
        response: { 200: Revealed },
      },
    },
    async (request) =>
      people.reveal(actorOf(request), request.params.id, request.body.field, request.body.reason),
  );

  app.get(
    '/api/households/:id',
    {
      config: { access: 'registry.read' },
      schema: { tags: ['people'], params: IdParams, response: { 200: HouseholdDetail } },
    },
    async (request) => people.getHousehold(actorOf(request), request.params.id),
  );

  app.post(
    '/api/households',
    {
      config: { access: 'registry.write' },
      schema: {
        tags: ['people'],
        body: Strict({
          placeId: Id,
          room: Text(30, 1),
          floor: Type.Optional(Type.Union([Type.Integer({ minimum: -5, maximum: 200 }), Type.Null()])),
          notes: Type.Optional(NullableText(500)),
        }),
        response: { 201: HouseholdDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createHousehold(actorOf(request), request.body)),
  );

  app.get(
    '/api/communities/:id/organisations',
    {
      config: { access: 'registry.read' },
      schema: { tags: ['people'], params: IdParams, response: { 200: Organisations } },
    },
    async (request) => ({ items: await people.organisations(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/communities/:id/party-branches',
    {
      config: { access: 'registry.read' },
      schema: { tags: ['people'], params: IdParams, response: { 200: PartyBranches } },
    },
    async (request) => ({ items: await people.partyBranches(actorOf(request), request.params.id) }),
  );
}
