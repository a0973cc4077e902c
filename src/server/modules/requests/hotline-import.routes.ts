import { Readable } from 'node:stream';
import { HotlineImportResult } from '../../../shared/requests/requests-responses';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import { storableText, unusableInputError } from '../../http/input-guard';
import { Id, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

/** 12345 work orders from the city platform's Excel export (see `hotline-import.service.ts`). */
export async function hotlineImportRoutes(app: AppInstance, { requests }: Services) {
  app.post(
    '/api/requests/import-12345',
    {
      config: { access: 'requests.write' },
      schema: {
        tags: ['requests'],
        querystring: Strict({ communityId: Id }),
        consumes: ['multipart/form-data'],
        response: { 200: HotlineImportResult },
      },
    },
    async (request) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new AppError('file_missing', {}, 'file');
      if (!/\.xlsx$/i.test(file.filename)) {
        file.file.resume();
        throw new AppError('validation_failed', { detail: '只支持 Excel（.xlsx）文件' }, 'file');
      }
      // The name goes into the audit row: it must be text PostgreSQL can store, like any other field.
      if (!storableText(file.filename)) {
        file.file.resume();
        throw unusableInputError({ instancePath: '/filename', kind: 'text' }, 'body');
      }
      // Read whole first (within the upload limit): a file cut short is answered 400 before any row is kept.
      const body = await file.toBuffer();
      return requests.importHotline(
        actorOf(request),
        request.query.communityId,
        file.filename,
        Readable.from(body),
      );
    },
  );
}
