import { Type } from 'typebox';
import { actorOf } from '../../http/access';
import { AppError } from '../../http/app-error';
import { Id, IdParams, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { MAX_PHOTO_BYTES } from './photos.service';

export function photosRoutes(app: AppInstance, { photos }: Services) {
  app.post(
    '/api/photos',
    {
      config: { access: 'photos.write' },
      schema: {
        tags: ['photos'],
        querystring: Strict({ communityId: Id, purpose: Type.String({ pattern: '^[a-z][a-z_]{1,29}$' }) }),
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const file = request.isMultipart()
        ? await request.file({ limits: { fileSize: MAX_PHOTO_BYTES } })
        : undefined;
      if (!file) throw new AppError('file_missing', {}, 'file');
      const buffer = await file.toBuffer().catch(() => {
        throw new AppError('payload_too_large');
      });
      if (file.file.truncated) throw new AppError('payload_too_large');
      const actor = actorOf(request);
      const id = await photos.store(
        actor.scope,
        request.query.communityId,
        request.query.purpose,
        buffer,
        file.mimetype,
        actor.accountId,
      );
      return reply.status(201).send({ photo: { id, url: `/api/photos/${id}` } });
    },
  );

  app.get(
    '/api/photos/:id',
    { config: { access: 'signed_in' }, schema: { tags: ['photos'], params: IdParams } },
    async (request, reply) => {
      const photo = await photos.read(actorOf(request).scope, request.params.id);
      reply.header('content-type', photo.mime);
      reply.header('cache-control', 'private, max-age=86400');
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(photo.body);
    },
  );
}
