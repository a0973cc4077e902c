import { Type } from 'typebox';
import {
  CheckedIn,
  DutyAccounts,
  InspectionAnswer,
  Inspections,
  Shifts,
  ShiftsCreated,
} from '../../../shared/access/access-responses';
import { NoContent } from '../../../shared/api/responses';
import { actorOf } from '../../http/access';
import { DateString, Id, IdParams, Instant, NullableText, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { PhotoId } from '../photos/photo-schemas';
import { MAX_BULK_SHIFTS } from './duty.service';

/** Gate duty: shifts, check-in, uncovered hours and the secretary's inspections. */
export function dutyRoutes(app: AppInstance, { duty }: Services) {
  app.get(
    '/api/access/shifts',
    {
      config: { access: 'access.read' },
      schema: {
        response: { 200: Shifts },
        tags: ['access'],
        querystring: Strict({ gateId: Id, from: DateString, to: DateString }),
      },
    },
    async (request) => duty.list(actorOf(request), request.query),
  );

  app.get(
    '/api/access/shifts/accounts',
    {
      config: { access: 'access.manage' },
      schema: { response: { 200: DutyAccounts }, tags: ['access'], querystring: Strict({ gateId: Id }) },
    },
    async (request) => ({ items: await duty.accounts(actorOf(request), request.query.gateId) }),
  );

  app.post(
    '/api/access/shifts',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 201: ShiftsCreated },
        tags: ['access'],
        body: Strict({
          gateId: Id,
          accountId: Id,
          note: Type.Optional(NullableText(200)),
          shifts: Type.Array(Strict({ startsAt: Instant, endsAt: Instant }), {
            minItems: 1,
            maxItems: MAX_BULK_SHIFTS,
          }),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        ids: await duty.create(actorOf(request), { ...request.body, note: request.body.note || null }),
      }),
  );

  app.delete(
    '/api/access/shifts/:id',
    {
      config: { access: 'access.manage' },
      schema: { response: { 204: NoContent }, tags: ['access'], params: IdParams },
    },
    async (request, reply) => {
      await duty.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/gate/check-in',
    {
      config: { access: 'gate.check' },
      schema: { response: { 200: CheckedIn }, tags: ['gate'], body: Strict({ gateId: Id }) },
    },
    async (request) => ({ shift: await duty.checkIn(actorOf(request), request.body.gateId) }),
  );

  app.get(
    '/api/access/inspections',
    {
      config: { access: 'access.read' },
      schema: {
        response: { 200: Inspections },
        tags: ['access'],
        querystring: Strict({
          gateId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
      },
    },
    async (request) => ({
      items: await duty.inspections(actorOf(request), {
        gateId: request.query.gateId,
        limit: request.query.limit ?? 50,
      }),
    }),
  );

  app.post(
    '/api/access/inspections',
    {
      config: { access: 'duty.inspect' },
      schema: {
        response: { 201: InspectionAnswer },
        tags: ['access'],
        body: Strict({
          gateId: Id,
          inspectedAt: Type.Optional(Instant),
          staffed: Type.Boolean(),
          thermometerOk: Type.Boolean(),
          logComplete: Type.Boolean(),
          visitorsRegistered: Type.Boolean(),
          notes: Type.Optional(NullableText(500)),
          photoId: Type.Optional(Type.Union([PhotoId, Type.Null()])),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        inspection: await duty.inspect(actorOf(request), {
          ...request.body,
          notes: request.body.notes || null,
          photoId: request.body.photoId ?? null,
        }),
      }),
  );

  app.delete(
    '/api/access/inspections/:id',
    {
      config: { access: 'duty.inspect' },
      schema: { response: { 204: NoContent }, tags: ['access'], params: IdParams },
    },
    async (request, reply) => {
      await duty.removeInspection(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
