// Photos of findings: requests and answers carry the photo store's public ids; the findings table keeps the
// photos' row ids, and each photo is attached to its finding so the store serves it to who sees the finding.
import { FINDING_PHOTO_PURPOSE } from '../../../shared/campaigns';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { attachablePhotos, attachPhotos } from '../photos/photos.repo';
import { bad } from './campaign-common';

/**
 * Public id → row id of the photos the account may put on a finding of this community: its own uploads not
 * attached yet, and — on a re-check (`findingId`) — those already attached to that finding.
 */
export function usableFindingPhotos(
  db: DbOrTx,
  actor: Actor,
  communityId: number,
  publicIds: string[],
  findingId?: number,
) {
  return attachablePhotos(db, {
    communityId,
    purpose: FINDING_PHOTO_PURPOSE,
    accountId: actor.accountId,
    publicIds,
    ...(findingId === undefined ? {} : { target: findingId }),
  });
}

/** Inside the write's transaction: a photo attached elsewhere in the meantime undoes the whole write. */
export async function attachFindingPhotos(tx: DbOrTx, actor: Actor, ids: number[], findingId: number) {
  const purpose = FINDING_PHOTO_PURPOSE;
  if (!(await attachPhotos(tx, { purpose, accountId: actor.accountId, ids, target: findingId })))
    throw bad('照片已用于别的记录，请重新拍照上传 (a photo is already used elsewhere)', 'photoIds');
}
