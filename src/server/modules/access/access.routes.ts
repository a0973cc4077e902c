import { Type } from 'typebox';
import {
  CheckList,
  Compounds,
  DocumentLookup,
  GateAnswer,
  GateCheckResults,
  GateDayView,
  GateList,
  KeyRotated,
  OfflineBundle,
  OwnPass,
  PassesIssued,
  PassesReissued,
  PassLink,
  PassPage,
  PassReissued,
  PassSettings,
  PrintSheet,
  PublicKeys,
  VisitorAnswer,
} from '../../../shared/access/access-responses';
import { NoContent } from '../../../shared/api/responses';
import { beijingToday } from '../../../shared/time/beijing';
import { actorOf } from '../../http/access';
import { requestLang } from '../../http/lang';
import { DateString, Id, IdParams, literals, Page, Strict, StrictPatch, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { routeLimits } from '../rate-limits/route-limits';
import {
  answerBatch,
  GateChecksBody,
  gateChecksBatchValidator,
  PassNumber,
  readGateCheck,
} from './gate-check-input';
import { MAX_BULK } from './passes.service';

const LinkToken = Type.String({ pattern: '^[A-Za-z0-9_-]{24}$' });
const PassStatus = literals(['active', 'revoked', 'reissued', 'expired'] as const);

/** Console side: passes, settings and the signing key. */
export async function accessRoutes(app: AppInstance, { passes, config }: Services) {
  app.get(
    '/api/access/keys',
    // Public keys are public: the gate app fetches them before anyone signs in and caches them.
    { config: { access: 'public' }, schema: { response: { 200: PublicKeys }, tags: ['access'] } },
    async () => ({ keys: passes.publicKeys() }),
  );

  app.post(
    '/api/access/keys/rotate',
    { config: { access: 'access.keys' }, schema: { response: { 200: KeyRotated }, tags: ['access'] } },
    async (request) => passes.rotateKey(actorOf(request)),
  );

  app.get(
    '/api/access/settings',
    {
      config: { access: 'access.read' },
      schema: { response: { 200: PassSettings }, tags: ['access'], querystring: Strict({ communityId: Id }) },
    },
    async (request) => passes.settings(actorOf(request), request.query.communityId),
  );

  app.put(
    '/api/access/settings',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 200: PassSettings },
        tags: ['access'],
        body: Strict({ communityId: Id, passHolder: literals(['resident', 'household'] as const) }),
      },
    },
    async (request) =>
      passes.setSettings(actorOf(request), request.body.communityId, request.body.passHolder),
  );

  app.post(
    '/api/access/passes/issue',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 201: PassesIssued },
        tags: ['access'],
        body: Strict({ compoundId: Id, validUntil: DateString }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await passes.issueForCompound(actorOf(request), request.body)),
  );

  app.get(
    '/api/access/passes',
    {
      config: { access: 'access.read' },
      schema: {
        response: { 200: PassPage },
        tags: ['access'],
        querystring: Strict({
          communityId: Type.Optional(Id),
          compoundId: Type.Optional(Id),
          status: Type.Optional(PassStatus),
          number: Type.Optional(PassNumber),
          ...Page,
        }),
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return passes.list(actorOf(request), { ...rest, page, pageSize });
    },
  );

  app.get(
    '/api/access/passes/print',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 200: PrintSheet },
        tags: ['access'],
        querystring: Strict({
          compoundId: Id,
          status: Type.Optional(PassStatus),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BULK, default: MAX_BULK })),
        }),
      },
    },
    async (request) =>
      passes.printSheet(actorOf(request), { ...request.query, limit: request.query.limit ?? MAX_BULK }),
  );

  app.post(
    '/api/access/passes/:id/revoke',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 204: NoContent },
        tags: ['access'],
        params: IdParams,
        body: Strict({ reason: Text(200, 2) }),
      },
    },
    async (request, reply) => {
      await passes.revoke(actorOf(request), request.params.id, request.body.reason);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/access/passes/:id/reissue',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 201: PassReissued },
        tags: ['access'],
        params: IdParams,
        body: Strict({ validUntil: Type.Optional(DateString) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await passes.reissue(actorOf(request), request.params.id, request.body.validUntil)),
  );

  app.post(
    '/api/access/passes/reissue-old-keys',
    {
      config: { access: 'access.manage' },
      schema: { response: { 200: PassesReissued }, tags: ['access'], body: Strict({ communityId: Id }) },
    },
    async (request) => passes.reissueOldKeys(actorOf(request), request.body.communityId),
  );

  app.post(
    '/api/access/passes/:id/link',
    {
      config: { access: 'access.manage' },
      schema: { response: { 201: PassLink }, tags: ['access'], params: IdParams },
    },
    async (request, reply) =>
      reply.status(201).send(await passes.createLink(actorOf(request), request.params.id)),
  );

  app.delete(
    '/api/access/passes/:id/link',
    {
      config: { access: 'access.manage' },
      schema: { response: { 204: NoContent }, tags: ['access'], params: IdParams },
    },
    async (request, reply) => {
      await passes.revokeLink(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // The holder's own pass on their phone: reached by a random link, so limited like the public form.
  const limited = routeLimits(app, [{ name: 'pass-link:', max: config.publicRateLimit }]);
  app.get(
    '/api/public/passes/:token',
    {
      config: { access: 'public' },
      preHandler: limited,
      schema: { response: { 200: OwnPass }, tags: ['public'], params: Strict({ token: LinkToken }) },
    },
    async (request) => passes.byLink(request.params.token),
  );
}

const OpeningHours = Type.Union([
  Type.String({ pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$', maxLength: 11 }),
  Type.Null(),
]);

/** Gate side: what the gate app calls, and the gates themselves. */
export function gateRoutes(app: AppInstance, { gate }: Services) {
  app.get(
    '/api/access/compounds',
    { config: { access: 'access.read' }, schema: { response: { 200: Compounds }, tags: ['access'] } },
    async (request) => ({ items: await gate.compounds(actorOf(request)) }),
  );

  app.get(
    '/api/access/gates',
    { config: { access: 'access.read' }, schema: { response: { 200: GateList }, tags: ['access'] } },
    async (request) => ({ items: await gate.gates(actorOf(request)) }),
  );

  app.post(
    '/api/access/gates',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 201: GateAnswer },
        tags: ['access'],
        body: Strict({
          compoundId: Id,
          name: Text(40, 1),
          vehiclesAllowed: Type.Boolean(),
          openingHours: Type.Optional(OpeningHours),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        gate: await gate.createGate(actorOf(request), {
          ...request.body,
          openingHours: request.body.openingHours ?? null,
        }),
      }),
  );

  app.patch(
    '/api/access/gates/:id',
    {
      config: { access: 'access.manage' },
      schema: {
        response: { 200: GateAnswer },
        tags: ['access'],
        params: IdParams,
        body: StrictPatch({
          name: Type.Optional(Text(40, 1)),
          vehiclesAllowed: Type.Optional(Type.Boolean()),
          openingHours: Type.Optional(OpeningHours),
        }),
      },
    },
    async (request) => ({ gate: await gate.updateGate(actorOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/gate/gates',
    { config: { access: 'gate.check' }, schema: { response: { 200: GateList }, tags: ['gate'] } },
    async (request) => ({ items: await gate.gates(actorOf(request)) }),
  );

  app.get(
    '/api/gate/gates/:id/offline',
    {
      config: { access: 'gate.check' },
      schema: { response: { 200: OfflineBundle }, tags: ['gate'], params: IdParams },
    },
    async (request) => gate.offlineBundle(actorOf(request), request.params.id),
  );

  app.post(
    '/api/gate/checks',
    {
      // Each check is read on its own (gate-check-input.ts): a bad one is refused alone, the rest stored.
      config: { access: 'gate.check', bodyItemsCheckedAlone: true },
      bodyLimit: 256 * 1024,
      schema: { response: { 200: GateCheckResults }, tags: ['gate'], body: GateChecksBody },
      validatorCompiler: gateChecksBatchValidator,
    },
    async (request) => {
      const sent: unknown[] = request.body.checks;
      const readings = sent.map(readGateCheck);
      const valid = readings.flatMap((r) => ('check' in r ? [r.check] : []));
      const answers = await gate.record(actorOf(request), valid);
      return { results: answerBatch(sent, readings, answers, requestLang(request)) };
    },
  );

  app.get(
    '/api/access/checks',
    {
      config: { access: 'access.read' },
      schema: {
        response: { 200: CheckList },
        tags: ['access'],
        querystring: Strict({
          gateId: Type.Optional(Id),
          day: Type.Optional(DateString),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
        }),
      },
    },
    async (request) => ({
      items: await gate.listChecks(actorOf(request), {
        gateId: request.query.gateId,
        day: request.query.day ?? beijingToday(),
        limit: request.query.limit ?? 200,
      }),
    }),
  );

  app.post(
    '/api/gate/visitors',
    {
      config: { access: 'gate.check' },
      schema: {
        response: { 201: VisitorAnswer },
        tags: ['gate'],
        body: Strict({
          gateId: Id,
          name: Text(50, 1),
          phone: Text(40, 5),
          reason: Text(100, 1),
          // The door picked from the compound's doors; free text only for a door not on the list.
          householdId: Type.Optional(Id),
          visiting: Type.Optional(Text(100, 1)),
          temperature: Type.Union([Type.Number({ minimum: 34, maximum: 43 }), Type.Null()]),
          plate: Type.Optional(Type.Union([Text(12, 2), Type.Null()])),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        visitor: await gate.registerVisitor(actorOf(request), {
          ...request.body,
          plate: request.body.plate ?? null,
        }),
      }),
  );

  app.get(
    '/api/access/gate-view',
    {
      config: { access: 'access.read' },
      schema: {
        response: { 200: GateDayView },
        tags: ['access'],
        querystring: Strict({ communityId: Type.Optional(Id), day: Type.Optional(DateString) }),
      },
    },
    async (request) =>
      gate.dayView(actorOf(request), {
        communityId: request.query.communityId,
        day: request.query.day ?? beijingToday(),
      }),
  );

  app.post(
    '/api/gate/lookup',
    {
      config: { access: 'gate.check' },
      schema: {
        response: { 200: DocumentLookup },
        tags: ['gate'],
        body: Strict({ gateId: Id, docNumber: Text(40, 5) }),
      },
    },
    async (request) => gate.lookupDocument(actorOf(request), request.body.gateId, request.body.docNumber),
  );
}
