import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import { Id, IdParams, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { formatOf } from './imports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `filename*` carries the Chinese name; the plain `filename` is for old clients. */
function attachment(name: string, fallback: string) {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function importsRoutes(app: AppInstance, { imports, config }: Services) {
  app.get(
    '/api/imports/template',
    {
      config: { access: 'registry.import' },
      schema: {
        tags: ['imports'],
        querystring: Strict({
          format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
        }),
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      const body = await imports.template(format);
      reply.header('content-type', format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8');
      reply.header('content-disposition', attachment(`住户名册模板.${format}`, `roster-template.${format}`));
      return reply.send(body);
    },
  );

  app.post(
    '/api/imports',
    {
      config: { access: 'registry.import' },
      schema: {
        tags: ['imports'],
        querystring: Strict({ communityId: Id }),
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('file_missing', {}, 'file');
      const file = await request.file();
      if (!file) throw new AppError('file_missing', {}, 'file');
      if (!formatOf(file.filename)) {
        file.file.resume();
        throw new AppError('unsupported_file', {}, 'file');
      }
      // Spooled to disk, not memory: the import streams it from there after this response.
      const dir = path.join(config.dataDir, 'uploads');
      await mkdir(dir, { recursive: true });
      const spooled = path.join(dir, `${randomUUID()}-${path.extname(file.filename)}`);
      await pipeline(file.file, createWriteStream(spooled, { mode: 0o600 }));
      if (file.file.truncated) {
        await rm(spooled, { force: true });
        throw new AppError('payload_too_large');
      }
      const stream = createReadStream(spooled);
      stream.on('close', () => void rm(spooled, { force: true }));
      const job = await imports.start(actorOf(request), {
        communityId: request.query.communityId,
        fileName: file.filename,
        stream,
      });
      return reply.status(202).send({ job });
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: 'registry.import' },
      schema: { tags: ['imports'], querystring: Strict({ communityId: Type.Optional(Id) }) },
    },
    async (request) => ({ items: await imports.list(actorOf(request), request.query.communityId) }),
  );

  app.get(
    '/api/imports/:id',
    { config: { access: 'registry.import' }, schema: { tags: ['imports'], params: IdParams } },
    async (request) => ({ job: await imports.get(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/imports/:id/rejected',
    { config: { access: 'registry.import' }, schema: { tags: ['imports'], params: IdParams } },
    async (request, reply) => {
      const body = await imports.rejectedWorkbook(actorOf(request), request.params.id);
      reply.header('content-type', XLSX);
      reply.header(
        'content-disposition',
        attachment(`未导入的行-${request.params.id}.xlsx`, `rejected-${request.params.id}.xlsx`),
      );
      return reply.send(body);
    },
  );
}
