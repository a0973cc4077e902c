import { Type } from 'typebox';
import { Binary, XLSX } from '../../../shared/api/responses';
import { AuditPage } from '../../../shared/audit/audit-responses';
import { sendAttachment } from '../../files/attachment';
import { actorOf } from '../../http/access';
import { Id, Instant, Page, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { AUDIT_ACTIONS } from './audit.service';

const AuditQuery = {
  action: Type.Optional(Type.Union(AUDIT_ACTIONS.map((a) => Type.Literal(a)))),
  entity: Type.Optional(Type.String({ maxLength: 40 })),
  entityId: Type.Optional(Id),
  accountId: Type.Optional(Id),
  residentId: Type.Optional(Id),
  placeId: Type.Optional(Id),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
};

export function auditRoutes(app: AppInstance, { audit }: Services) {
  app.get(
    '/api/audit/export',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: Strict(AuditQuery),
        response: { 200: Binary(XLSX, '操作记录 · the audit log as its sentences (xlsx)') },
      },
    },
    async (request, reply) => {
      const body = await audit.exportWorkbook(actorOf(request), request.query);
      return sendAttachment(reply, { name: '操作记录.xlsx', fallback: 'audit-log.xlsx' }, body);
    },
  );

  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: Strict({ ...AuditQuery, ...Page }),
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await audit.list(actorOf(request), { ...filter, page, pageSize });
      return {
        total: result.total,
        items: result.items.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          accountId: row.accountId,
          accountName: row.accountName,
          communityId: row.communityId,
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          reason: row.reason,
          detail: row.detail as Record<string, unknown> | null,
          ip: row.ip,
          sentence: row.sentence,
        })),
      };
    },
  );
}
