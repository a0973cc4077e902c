import { FINDING_PHOTO_PURPOSE } from '../campaigns';
import { CARE_PHOTO_PURPOSE } from '../helpers';

/** A gate's duty inspection (R8). */
export const INSPECTION_PHOTO_PURPOSE = 'inspection';

/**
 * What a photo may be taken for: each purpose is attached to one kind of record (a campaign finding, a duty
 * inspection) and only there, and it is served to whoever may see that record.
 */
export const PHOTO_PURPOSES = [FINDING_PHOTO_PURPOSE, INSPECTION_PHOTO_PURPOSE, CARE_PHOTO_PURPOSE] as const;
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number];

/**
 * A photo's id outside the server: 128 random bits in base64url (22 characters), so ids cannot be guessed
 * or counted. The phone's own keys for photos not yet sent ('photo-' and a uuid) never match it.
 */
export const PHOTO_ID_PATTERN = '^[A-Za-z0-9_-]{22}$';
const PHOTO_ID = new RegExp(PHOTO_ID_PATTERN);

export function isPhotoId(value: unknown): value is string {
  return typeof value === 'string' && PHOTO_ID.test(value);
}
