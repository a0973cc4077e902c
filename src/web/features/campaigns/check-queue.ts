import { createStore, del, get, set } from 'idb-keyval';
import { useCallback } from 'react';
import { isPhotoId } from '../../../shared/photos';
import { createOutbox, newPhoneId, type OutboxItem, useOutbox } from '../../shared/outbox';
import { campaignsApi, type FindingPayload } from './campaigns-api';
import { photosOnPhone, withPhotoSent } from './check-photos';

/**
 * Building checks (governance campaigns) recorded on a phone, kept there until the server has them —
 * photos included: a photo is kept on the phone as a resized JPEG and uploaded when its check is sent,
 * so a check made in a basement corridor without signal is not lost. The server keys checks by the id
 * made here, so a check sent twice is stored once.
 */

/**
 * A photo of a finding: its public id once uploaded (shared/photos: 22 characters, `isPhotoId`), or the key
 * of the copy still on the phone ('photo-' and a uuid, which never looks like an id).
 */
export type PhotoRef = string;

export interface CheckDraft {
  id: string;
  targetId: number;
  results: Array<{ key: string; passed: boolean }>;
  notes: string | null;
  findings: Array<Omit<FindingPayload, 'photoIds'> & { photos: PhotoRef[] }>;
  checkedAt: string;
}

export interface WaitingCheck {
  campaignId: number;
  communityId: number;
  buildingName: string;
  check: CheckDraft;
}

const photos = createStore('dashu-check-photos', 'photos');

/** Keeps a (resized) photo on the phone; returns the key its check refers to it by. */
export async function keepPhotoOnPhone(photo: Blob): Promise<string> {
  const key = newPhotoKey();
  await set(key, photo, photos);
  return key;
}

export const photoOnPhone = (key: string) => get<Blob>(key, photos);

/** A photo taken for a draft that was removed or never saved. */
export const forgetPhoto = (key: string) => del(key, photos);

const newPhotoKey = () => `photo-${newPhoneId()}`;

async function send({ payload }: OutboxItem<WaitingCheck>, save: (p: WaitingCheck) => Promise<void>) {
  let check = payload.check;
  for (const key of photosOnPhone(check)) {
    const blob = await photoOnPhone(key);
    // A photo the phone no longer holds (storage cleared) cannot be sent; the finding goes without it.
    const id = blob ? (await campaignsApi.uploadPhoto(payload.communityId, blob)).photo.id : null;
    check = withPhotoSent(check, key, id);
    // Remembered before the phone's copy goes: a lost connection now does not upload it twice.
    await save({ ...payload, check });
    await forgetPhoto(key);
  }
  await campaignsApi.recordCheck(payload.campaignId, {
    id: check.id,
    targetId: check.targetId,
    results: check.results,
    notes: check.notes,
    checkedAt: check.checkedAt,
    findings: check.findings.map(({ photos: refs, ...finding }) => ({
      ...finding,
      // Only uploaded photos; a number is a row id from before ids were random, which the server no longer takes.
      photoIds: refs.filter(isPhotoId),
    })),
  });
}

export const checkOutbox = createOutbox<WaitingCheck>('dashu-checks', send);

export function queueCheck(accountId: number, waiting: WaitingCheck) {
  return checkOutbox.put({ id: waiting.check.id, accountId, at: waiting.check.checkedAt, payload: waiting });
}

/** Drops a refused check, and the photos it kept on the phone. */
export async function dropCheck(item: OutboxItem<WaitingCheck>) {
  for (const finding of item.payload.check.findings)
    for (const ref of finding.photos) if (!isPhotoId(ref)) await forgetPhoto(ref);
  await checkOutbox.drop(item.id);
}

/** The waiting checks, and "send now" (the app's sender, outbox-sender.ts, sends from any page). */
export function useCheckQueue(accountId: number, onSent: (campaignId: number) => void) {
  const sent = useCallback((item: OutboxItem<WaitingCheck>) => onSent(item.payload.campaignId), [onSent]);
  return useOutbox(checkOutbox, accountId, sent);
}
