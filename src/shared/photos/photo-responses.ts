import { type Static, Type } from 'typebox';

// What the photo routes answer (src/server/modules/photos/photos.routes.ts): the stored photo's id and
// where to read it; the photo itself goes out as a JPEG file.

export const StoredPhoto = Type.Object({
  photo: Type.Object({ id: Type.String(), url: Type.String() }),
});
export type StoredPhoto = Static<typeof StoredPhoto>;
