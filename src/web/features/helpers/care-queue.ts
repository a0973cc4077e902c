import { useCallback } from 'react';
import { isPhotoId } from '../../../shared/photos';
import { createOutbox, type OutboxItem, useOutbox } from '../../shared/outbox';
import { forgetPhoto, photoOnPhone } from '../campaigns/check-queue';
import { type CompletePayload, helpersApi } from './helpers-api';

/**
 * Care tasks completed on a helper's phone, kept there until the server has them (the same outbox as door
 * visits and building checks). The door photo stays on the phone as a resized JPEG and is uploaded when
 * the completion is sent; the completion carries a client id made on the phone, so a replay (no answer
 * heard, sent again) is answered with the first completion — never a second delivery.
 */
export interface WaitingCompletion {
  taskId: number;
  communityId: number;
  address: string;
  /** The photo: its stored id once uploaded, or the key of the copy on the phone. */
  photo: string | null;
  completion: Omit<CompletePayload, 'photoId'>;
}

async function send(
  { payload }: OutboxItem<WaitingCompletion>,
  save: (p: WaitingCompletion) => Promise<void>,
) {
  let photo = payload.photo;
  if (photo && !isPhotoId(photo)) {
    const key = photo;
    const blob = await photoOnPhone(key);
    photo = blob ? (await helpersApi.uploadPhoto(payload.communityId, blob)).photo.id : null;
    // Remembered before the phone's copy goes: a lost connection now does not upload it twice.
    await save({ ...payload, photo });
    await forgetPhoto(key);
  }
  await helpersApi.complete(payload.taskId, { ...payload.completion, ...(photo ? { photoId: photo } : {}) });
}

export const careOutbox = createOutbox<WaitingCompletion>('dashu-care', send);

export function queueCompletion(accountId: number, waiting: WaitingCompletion) {
  const at = waiting.completion.doneAt ?? new Date().toISOString();
  return careOutbox.put({ id: waiting.completion.clientId, accountId, at, payload: waiting });
}

export async function dropCompletion(item: OutboxItem<WaitingCompletion>) {
  if (item.payload.photo && !isPhotoId(item.payload.photo)) await forgetPhoto(item.payload.photo);
  await careOutbox.drop(item.id);
}

export function useCareQueue(accountId: number, onSent: () => void) {
  const sent = useCallback(() => onSent(), [onSent]);
  return useOutbox(careOutbox, accountId, sent);
}
