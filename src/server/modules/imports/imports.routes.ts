import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Binary, FileBody, XLSX } from '../../../shared/api/responses';
import { CONFLICT_ROW_LIMIT, RosterPreviewAnswer } from '../../../shared/imports/import-preview';
import { ImportJobAnswer, ImportJobList } from '../../../shared/imports/import-responses';
import { sendAttachment, XLSX_TYPE } from '../../files/attachment';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import { storableText, unusableInputError } from '../../http/input-guard';
import { Id, IdParams, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { formatOf } from './imports.service';

// Workbooks go out as files (streams), never through a JSON serialiser.
const RosterFile = { schema: FileBody };
const RejectedRows = Binary(XLSX, '未导入的行 · the rejected rows (xlsx)');

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
        response: {
          200: {
            description: '住户名册模板 · the roster template',
            content: { [XLSX]: RosterFile, 'text/csv': RosterFile },
          },
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      const body = await imports.template(format);
      const type = format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8';
      return sendAttachment(
        reply,
        { name: `住户名册模板.${format}`, fallback: `roster-template.${format}`, type },
        body,
      );
    },
  );

  app.post(
    '/api/imports',
    {
      config: { access: 'registry.import' },
      schema: {
        tags: ['imports'],
        // preview: decide everything and write nothing until POST /api/imports/:id/confirm.
        querystring: Strict({ communityId: Id, preview: Type.Optional(Type.Boolean()) }),
        consumes: ['multipart/form-data'],
        response: { 202: ImportJobAnswer },
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
      // The name is stored with the job: it must be text PostgreSQL can store, like any other field.
      if (!storableText(file.filename)) {
        file.file.resume();
        throw unusableInputError({ instancePath: '/filename', kind: 'text' }, 'body');
      }
      // Spooled to disk, not memory: the import job reads it from the upload directory after this response.
      const dir = config.uploadDir;
      await mkdir(dir, { recursive: true });
      const spooled = path.join(dir, `upload-${randomUUID()}${path.extname(file.filename)}`);
      // An upload cut short fails the pipeline (answered 400 by the error handler): its part is not kept.
      await pipeline(file.file, createWriteStream(spooled, { mode: 0o600 })).catch(async (error: unknown) => {
        await rm(spooled, { force: true });
        throw error;
      });
      if (file.file.truncated) {
        await rm(spooled, { force: true });
        throw new AppError('payload_too_large');
      }
      const job = await imports
        .start(actorOf(request), {
          communityId: request.query.communityId,
          fileName: file.filename,
          spooledPath: spooled,
          preview: request.query.preview ?? false,
        })
        .finally(() => rm(spooled, { force: true }));
      return reply.status(202).send({ job });
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: 'registry.import' },
      schema: {
        tags: ['imports'],
        querystring: Strict({ communityId: Type.Optional(Id) }),
        response: { 200: ImportJobList },
      },
    },
    async (request) => ({ items: await imports.list(actorOf(request), request.query.communityId) }),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { access: 'registry.import' },
      schema: { tags: ['imports'], params: IdParams, response: { 200: ImportJobAnswer } },
    },
    async (request) => ({ job: await imports.get(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/imports/:id/preview',
    {
      config: { access: 'registry.import' },
      schema: { tags: ['imports'], params: IdParams, response: { 200: RosterPreviewAnswer } },
    },
    async (request) => ({ preview: await imports.preview(actorOf(request), request.params.id) }),
  );

  // The go-ahead for a previewed import; `accept` lists the conflicts (row numbers) to import anyway.
  app.post(
    '/api/imports/:id/confirm',
    {
      config: { access: 'registry.import' },
      schema: {
        tags: ['imports'],
        params: IdParams,
        body: Strict({
          accept: Type.Array(Type.Integer({ minimum: 1, maximum: 10_000_000 }), {
            maxItems: CONFLICT_ROW_LIMIT,
          }),
        }),
        response: { 202: ImportJobAnswer },
      },
    },
    async (request, reply) =>
      reply.status(202).send({
        job: await imports.confirm(actorOf(request), request.params.id, request.body.accept),
      }),
  );

  app.post(
    '/api/imports/:id/discard',
    {
      config: { access: 'registry.import' },
      schema: { tags: ['imports'], params: IdParams, response: { 200: ImportJobAnswer } },
    },
    async (request) => ({ job: await imports.discard(actorOf(request), request.params.id) }),
  );

  const sendWorkbook = (reply: FastifyReply, id: number, body: Readable) =>
    sendAttachment(reply, { name: `未导入的行-${id}.xlsx`, fallback: `rejected-${id}.xlsx` }, body);

  // Masked: ID and phone numbers as every response shows them, birth dates hidden.
  app.get(
    '/api/imports/:id/rejected',
    {
      config: { access: 'registry.import' },
      schema: { tags: ['imports'], params: IdParams, response: { 200: RejectedRows } },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        request.params.id,
        await imports.rejectedWorkbook(actorOf(request), request.params.id),
      ),
  );

  // As typed, to fix and upload again: for a stated reason, recorded before the file is made.
  app.post(
    '/api/imports/:id/rejected',
    {
      config: { access: 'registry.reveal' },
      schema: {
        tags: ['imports'],
        params: IdParams,
        body: Strict({ reason: Text(200) }),
        response: { 200: RejectedRows },
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        request.params.id,
        await imports.rejectedWorkbook(actorOf(request), request.params.id, request.body.reason),
      ),
  );
}
