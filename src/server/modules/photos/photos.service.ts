import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database';
import { AppError } from '../../http/app-error';
import { assertCommunity, type Scope } from '../auth/scope';
import { readImageHeader } from './image-header';
import * as repo from './photos.repo';

/** Phones resize before upload (src/web/shared/resize-photo.ts); the server only checks, never decodes. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTO_SIDE = 1600;
const PURPOSE = /^[a-z][a-z_]{1,29}$/;
const EXTENSION = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/**
 * A small generic photo store: `store` checks the bytes (JPEG/PNG/WebP by magic bytes, ≤ 2 MB, longest side
 * ≤ 1600 px read from the header), writes the file under the photo directory and returns the id; `read`
 * gives it back only to accounts whose scope includes its community.
 */
export function createPhotosService(db: Db, photoDir: string) {
  return {
    async store(
      scope: Scope,
      communityId: number,
      purpose: string,
      buffer: Buffer,
      mime: string,
      createdBy: number | null = null,
    ): Promise<number> {
      assertCommunity(scope, communityId);
      if (!PURPOSE.test(purpose)) throw new AppError('validation_failed', { detail: 'purpose' }, 'purpose');
      if (buffer.length === 0) throw new AppError('file_missing', {}, 'file');
      if (buffer.length > MAX_PHOTO_BYTES) throw new AppError('payload_too_large');
      const header = readImageHeader(buffer);
      if (!header)
        throw new AppError(
          'validation_failed',
          { detail: '只能上传 JPEG、PNG 或 WebP 照片 (JPEG, PNG or WebP only)' },
          'file',
        );
      if (mime && mime !== header.mime)
        throw new AppError(
          'validation_failed',
          { detail: '照片格式与文件内容不符 (the type does not match the file)' },
          'file',
        );
      if (Math.max(header.width, header.height) > MAX_PHOTO_SIDE)
        throw new AppError(
          'validation_failed',
          { detail: `照片太大：最长边不超过 ${MAX_PHOTO_SIDE} 像素，请在手机上缩小后再传` },
          'file',
        );
      const month = new Date().toISOString().slice(0, 7);
      const fileName = `${month}/${randomUUID()}.${EXTENSION[header.mime]}`;
      const full = path.join(photoDir, fileName);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, buffer, { mode: 0o600 });
      try {
        const row = await repo.insertPhoto(db, {
          communityId,
          purpose,
          fileName,
          mime: header.mime,
          bytes: buffer.length,
          width: header.width,
          height: header.height,
          createdBy,
        });
        return row.id;
      } catch (error) {
        await rm(full, { force: true });
        throw error;
      }
    },

    async read(scope: Scope, id: number) {
      const row = await repo.findPhoto(db, scope, id);
      if (!row) throw new AppError('not_found');
      const body = await readFile(path.join(photoDir, row.fileName)).catch(() => null);
      if (!body) throw new AppError('not_found');
      return { mime: row.mime, body, width: row.width, height: row.height };
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
