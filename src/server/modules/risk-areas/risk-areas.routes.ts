import { Type } from 'typebox';
import { NoContent } from '../../../shared/api/responses';
import { RISK_LEVELS } from '../../../shared/declarations';
import {
  RiskAreaAnswer,
  RiskAreaImport,
  RiskAreaList,
} from '../../../shared/declarations/risk-area-responses';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import { DateString, Id, IdParams, NullableText, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { readRiskAreasWorkbook } from './risk-areas-workbook';

const AreaFields = {
  regionCode: Type.String({ pattern: '^\\d{6}$' }),
  regionName: Text(60, 1),
  level: Type.Union(RISK_LEVELS.map((l) => Type.Literal(l))),
  validFrom: DateString,
  validTo: Type.Optional(Type.Union([DateString, Type.Null()])),
  note: Type.Optional(NullableText(300)),
};
const RiskAreaBody = Strict(AreaFields);
/** The place an area is set for: the officer's own place when left out, or a place under it. */
const PlaceQuery = { placeId: Type.Optional(Id) };

export function riskAreasRoutes(app: AppInstance, { riskAreas }: Services) {
  app.get(
    '/api/risk-areas',
    {
      config: { access: 'declarations.read' },
      schema: {
        tags: ['declarations'],
        querystring: Strict({ history: Type.Optional(Type.Boolean()), ...PlaceQuery }),
        response: { 200: RiskAreaList },
      },
    },
    async (request) => ({
      items: await riskAreas.list(actorOf(request), {
        history: request.query.history ?? false,
        placeId: request.query.placeId,
      }),
    }),
  );

  app.post(
    '/api/risk-areas',
    {
      config: { access: 'rules.write' },
      schema: {
        tags: ['declarations'],
        body: Strict({ ...AreaFields, ...PlaceQuery }),
        response: { 201: RiskAreaAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ riskArea: await riskAreas.create(actorOf(request), request.body) }),
  );

  app.post(
    '/api/risk-areas/import',
    {
      config: { access: 'rules.write' },
      schema: {
        tags: ['declarations'],
        consumes: ['multipart/form-data'],
        querystring: Strict(PlaceQuery),
        response: { 200: RiskAreaImport },
      },
    },
    async (request) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new AppError('file_missing', {}, 'file');
      const { rows, errors } = await readRiskAreasWorkbook(await file.toBuffer());
      if (errors.length)
        throw new AppError('validation_failed', { detail: errors.slice(0, 20).join('；') }, 'file');
      return riskAreas.importMany(actorOf(request), rows, request.query.placeId);
    },
  );

  app.put(
    '/api/risk-areas/:id',
    {
      config: { access: 'rules.write' },
      schema: {
        tags: ['declarations'],
        params: IdParams,
        body: RiskAreaBody,
        response: { 200: RiskAreaAnswer },
      },
    },
    async (request) => ({
      riskArea: await riskAreas.replace(actorOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/api/risk-areas/:id',
    {
      config: { access: 'rules.write' },
      schema: { tags: ['declarations'], params: IdParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await riskAreas.retire(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
