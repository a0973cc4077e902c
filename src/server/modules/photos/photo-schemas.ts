import { Type } from 'typebox';
import { PHOTO_ID_PATTERN, PHOTO_PURPOSES } from '../../../shared/photos';

/** A photo's public id (shared/photos): what routes that take or give photos use, never the row's key. */
export const PhotoId = Type.String({ pattern: PHOTO_ID_PATTERN, minLength: 22, maxLength: 22 });

export const PhotoPurposeSchema = Type.Union(PHOTO_PURPOSES.map((p) => Type.Literal(p)));
