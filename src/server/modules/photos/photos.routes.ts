import { Binary } from '../../../shared/api/responses';
import { StoredPhoto } from '../../../shared/photos/photo-responses';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import { Id, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { PhotoId, PhotoPurposeSchema } from './photo-schemas';
import { MAX_PHOTO_BYTES } from './photos.service';

const BROKEN_UPLOAD = {
  zh: '上传的内容不完整或格式不对，请重新上传',
  en: 'the upload was cut off or is not a well-formed form',
};

export function photosRoutes(app: AppInstance, { photos }: Services) {
  app.post(
    '/api/photos',
    {
      config: { access: 'photos.write' },
      schema: {
        tags: ['photos'],
        querystring: Strict({ communityId: Id, purpose: PhotoPurposeSchema }),
        consumes: ['multipart/form-data'],
        response: { 201: StoredPhoto },
      },
    },
    async (request, reply) => {
      // A body that is not a well-formed form (no boundary, garbage, cut off) is the client's mistake: a 400.
      const file = request.isMultipart()
        ? await request.file({ limits: { fileSize: MAX_PHOTO_BYTES } }).catch(() => {
            throw new AppError('photo_refused', BROKEN_UPLOAD, 'file');
          })
        : undefined;
      if (!file) throw new AppError('file_missing', {}, 'file');
      const buffer = await file.toBuffer().catch(() => {
        throw file.file.truncated
          ? new AppError('payload_too_large')
          : new AppError('photo_refused', BROKEN_UPLOAD, 'file');
      });
      if (file.file.truncated) throw new AppError('payload_too_large');
      const id = await photos.store(
        actorOf(request),
        request.query.communityId,
        request.query.purpose,
        buffer,
        file.mimetype,
      );
      return reply.status(201).send({ photo: { id, url: `/api/photos/${id}` } });
    },
  );

  app.get(
    '/api/photos/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['photos'],
        params: Strict({ id: PhotoId }),
        // Stored photos are re-encoded JPEGs (photos.service.ts), sent as they are.
        response: { 200: Binary('image/jpeg', 'the photo (JPEG)') },
      },
    },
    async (request, reply) => {
      const photo = await photos.read(actorOf(request), request.params.id);
      reply.header('content-type', photo.mime);
      reply.header('x-content-type-options', 'nosniff');
      // Shown in the page, never saved under a name the uploader chose.
      reply.header('content-disposition', 'inline');
      // The browser may keep it (the file never changes), no shared cache may; other sites may not embed it.
      reply.header('cache-control', 'private, max-age=86400');
      reply.header('cross-origin-resource-policy', 'same-origin');
      return reply.send(photo.body);
    },
  );
}
