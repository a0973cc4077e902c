import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { can, type Permission } from '../../../shared/auth/roles';
import { PHOTO_PURPOSES, type PhotoPurpose } from '../../../shared/photos';
import { beijingDayStart, beijingToday } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { assertCommunity } from '../auth/scope';
import { ImageRefused, type RefusalReason } from './image-refused';
import { type CheckedJpeg, checkJpeg } from './jpeg-check';
import * as repo from './photos.repo';

/** Phones resize before upload (src/web/shared/resize-photo.ts); the server checks, never resizes. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTO_SIDE = 1600;

/** Who may take a photo for each purpose, and which permissions let an account read the records it joins. */
const PURPOSES: Record<PhotoPurpose, { upload: Permission }> = {
  campaign_finding: { upload: 'campaigns.visit' },
  inspection: { upload: 'duty.inspect' },
  care_delivery: { upload: 'care.tasks' },
};
/** Findings are read on the findings list (campaigns.read / visit) and on the building profile. */
const READS_FINDINGS: Permission[] = ['campaigns.read', 'campaigns.visit', 'buildings.read'];
const READS_INSPECTIONS: Permission[] = ['access.read', 'duty.inspect'];
/** A care task's door photo: staff who read care tasks, and the helper who took it (their own upload). */
const READS_CARE: Permission[] = ['helpers.read'];

const REFUSED: Record<RefusalReason, { zh: string; en: string }> = {
  not_jpeg: {
    zh: '只能上传 JPEG 照片，请在大树里拍照上传（手机会自动压缩）',
    en: 'JPEG photos only; take the photo in Dashu (the phone shrinks it)',
  },
  truncated: {
    zh: '照片不完整，可能上传时中断了，请重新上传',
    en: 'the photo is incomplete (the upload may have been cut off)',
  },
  trailing: {
    zh: '照片结尾之后还附带了别的数据，不予保存，请重新拍照上传',
    en: 'there are extra bytes after the end of the image',
  },
  unsupported: {
    zh: '不支持这种 JPEG 编码（如渐进式），请在大树里拍照上传',
    en: 'this kind of JPEG (e.g. progressive) is not accepted; take the photo in Dashu',
  },
  malformed: {
    zh: '照片数据有损坏或不符合 JPEG 格式，请重新拍照上传',
    en: 'the image data is damaged or not a well-formed JPEG',
  },
  too_large: {
    zh: `照片太大：最长边不超过 ${MAX_PHOTO_SIDE} 像素，请在手机上缩小后再传`,
    en: `the longest side may be at most ${MAX_PHOTO_SIDE} pixels`,
  },
};

export interface PhotoLimits {
  /** Photos one account may upload per Beijing day. */
  perAccountPerDay: number;
  /** Bytes of photos one community may keep. */
  perCommunityBytes: number;
}

function isPurpose(value: string): value is PhotoPurpose {
  return (PHOTO_PURPOSES as readonly string[]).includes(value);
}

/** The whole file checked (jpeg-check.ts): what is kept, or a 400 that says why not. */
function checked(buffer: Buffer, mime: string): CheckedJpeg {
  try {
    // A part without a type comes as octet-stream; one that names another type (text/html…) is refused.
    if (mime && mime !== 'image/jpeg' && mime !== 'application/octet-stream')
      throw new ImageRefused('not_jpeg');
    return checkJpeg(buffer, MAX_PHOTO_SIDE);
  } catch (error) {
    if (error instanceof ImageRefused) throw new AppError('photo_refused', REFUSED[error.reason], 'file');
    throw error;
  }
}

/**
 * The photo store: `store` checks the whole file (a baseline JPEG as phones make it, ≤ 2 MB, longest side
 * ≤ 1600 px), counts the quotas in the database, writes the file under the photo directory and returns the
 * photo's public id; `read` gives it back only to accounts that may see what it is attached to.
 */
export function createPhotosService(db: Db, photoDir: string, limits: PhotoLimits) {
  return {
    async store(actor: Actor, communityId: number, purpose: string, buffer: Buffer, mime: string) {
      assertCommunity(actor.scope, communityId);
      if (!isPurpose(purpose))
        throw new AppError(
          'validation_failed',
          { detail: `照片用途只能是 ${PHOTO_PURPOSES.join('、')} (purpose: ${PHOTO_PURPOSES.join(', ')})` },
          'purpose',
        );
      if (!can(actor.role, PURPOSES[purpose].upload)) throw new AppError('forbidden');
      if (buffer.length === 0) throw new AppError('file_missing', {}, 'file');
      if (buffer.length > MAX_PHOTO_BYTES) throw new AppError('payload_too_large');
      const image = checked(buffer, mime);
      const publicId = randomBytes(16).toString('base64url');
      const today = beijingToday();
      // One folder per Beijing month, as the quota counts per Beijing day.
      const fileName = `${today.slice(0, 7)}/${publicId}.jpg`;
      const full = path.join(photoDir, fileName);
      const since = beijingDayStart(today);
      let written = false;
      try {
        await db.transaction(async (tx) => {
          await repo.lockUploads(tx, actor.accountId, communityId);
          const used = await repo.usage(tx, actor.accountId, since, communityId);
          if (used.photosToday >= limits.perAccountPerDay)
            throw new AppError('photo_quota_account', { count: limits.perAccountPerDay });
          if (used.communityBytes + image.body.length > limits.perCommunityBytes)
            throw new AppError('photo_quota_community', {
              limit: Math.round(limits.perCommunityBytes / 1024 / 1024),
            });
          await mkdir(path.dirname(full), { recursive: true });
          await writeFile(full, image.body, { mode: 0o600, flag: 'wx' });
          written = true;
          await repo.insertPhoto(tx, {
            publicId,
            communityId,
            purpose,
            fileName,
            mime: 'image/jpeg',
            bytes: image.body.length,
            width: image.width,
            height: image.height,
            createdBy: actor.accountId,
          });
        });
      } catch (error) {
        if (written) await rm(full, { force: true });
        throw error;
      }
      return publicId;
    },

    /** Out of reach answers as missing: the same 404 for a photo elsewhere and for none at all. */
    async read(actor: Actor, publicId: string) {
      const row = await repo.findVisiblePhoto(
        db,
        {
          accountId: actor.accountId,
          scope: actor.scope,
          findings: READS_FINDINGS.some((p) => can(actor.role, p)),
          inspections: READS_INSPECTIONS.some((p) => can(actor.role, p)),
          care: READS_CARE.some((p) => can(actor.role, p)),
        },
        publicId,
      );
      if (!row) throw new AppError('not_found');
      const body = await readFile(path.join(photoDir, row.fileName)).catch(() => null);
      if (!body) throw new AppError('not_found');
      return { mime: row.mime, body };
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
