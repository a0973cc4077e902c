import { isPhotoId } from '../../../shared/photos';
import type { CheckDraft, PhotoRef } from './check-queue';

/**
 * The check with one photo kept on the phone replaced by its stored id — or dropped, when the phone no
 * longer had it (`id` null). Matched by the photo's key, not its position, so photos sent one after
 * another never overwrite each other.
 */
export function withPhotoSent(check: CheckDraft, key: string, id: string | null): CheckDraft {
  return {
    ...check,
    findings: check.findings.map((finding) => ({
      ...finding,
      photos: finding.photos.flatMap((ref): PhotoRef[] => (ref === key ? (id === null ? [] : [id]) : [ref])),
    })),
  };
}

/** The photos of a check still on the phone, in order. */
export const photosOnPhone = (check: CheckDraft): string[] =>
  check.findings.flatMap((f) => f.photos.filter((ref) => typeof ref === 'string' && !isPhotoId(ref)));
