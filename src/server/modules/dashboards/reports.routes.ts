import { Type } from 'typebox';
import { Binary, XLSX } from '../../../shared/api/responses';
import {
  DailyReport,
  ReportRowAnswer,
  ReportTemplateAnswer,
  ReportTemplates,
} from '../../../shared/dashboards/reports-responses';
import { sendAttachment } from '../../files/attachment';
import { actorOf } from '../../http/access';
import { DateString, Id, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

const IndicatorId = Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z_]+(\\.[a-z_]+)*$' });
const DayParams = Strict({ id: Id, day: DateString });
const CommunityDayParams = Strict({ id: Id, day: DateString, communityId: Id });
const PlaceQuery = Strict({ placeId: Id });

export function reportsRoutes(app: AppInstance, { reports }: Services) {
  app.post(
    '/api/reports/templates',
    {
      config: { access: 'reports.confirm' },
      schema: {
        tags: ['reports'],
        body: Strict({
          placeId: Id,
          name: Text(60, 1),
          cutoff: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 }),
          columns: Type.Array(
            Strict({ indicator: IndicatorId, group: Type.Optional(Type.Union([Text(30, 1), Type.Null()])) }),
            {
              minItems: 1,
              maxItems: 40,
            },
          ),
        }),
        response: { 201: ReportTemplateAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.createTemplate(actorOf(request), request.body)),
  );

  app.get(
    '/api/reports/templates',
    {
      config: { access: 'dashboards.read' },
      schema: { tags: ['reports'], querystring: PlaceQuery, response: { 200: ReportTemplates } },
    },
    async (request) => reports.templates(actorOf(request), request.query.placeId),
  );

  app.get(
    '/api/reports/templates/:id/days/:day',
    {
      config: { access: 'dashboards.read' },
      schema: {
        tags: ['reports'],
        params: DayParams,
        querystring: PlaceQuery,
        response: { 200: DailyReport },
      },
    },
    async (request) =>
      reports.report(actorOf(request), request.params.id, request.params.day, request.query.placeId),
  );

  app.get(
    '/api/reports/templates/:id/days/:day/export',
    {
      config: { access: 'dashboards.read' },
      schema: {
        tags: ['reports'],
        params: DayParams,
        querystring: PlaceQuery,
        response: { 200: Binary(XLSX, '日报 · the daily report (xlsx)') },
      },
    },
    async (request, reply) => {
      const { id, day } = request.params;
      const body = await reports.exportWorkbook(actorOf(request), id, day, request.query.placeId);
      return sendAttachment(reply, { name: `日报-${day}.xlsx`, fallback: `daily-report-${day}.xlsx` }, body);
    },
  );

  app.put(
    '/api/reports/templates/:id/days/:day/communities/:communityId',
    {
      config: { access: 'reports.submit' },
      schema: {
        tags: ['reports'],
        params: CommunityDayParams,
        body: Strict({
          values: Type.Record(IndicatorId, Type.Integer({ minimum: 0, maximum: 100_000_000 }), {
            minProperties: 1,
            maxProperties: 40,
          }),
        }),
        response: { 200: ReportRowAnswer },
      },
    },
    async (request) => {
      const { id, day, communityId } = request.params;
      return reports.resubmit(actorOf(request), { templateId: id, day, communityId }, request.body.values);
    },
  );

  app.post(
    '/api/reports/templates/:id/days/:day/communities/:communityId/confirm',
    {
      config: { access: 'reports.confirm' },
      schema: { tags: ['reports'], params: CommunityDayParams, response: { 200: ReportRowAnswer } },
    },
    async (request) => {
      const { id, day, communityId } = request.params;
      return reports.confirm(actorOf(request), { templateId: id, day, communityId });
    },
  );
}
