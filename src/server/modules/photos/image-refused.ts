/** Why an upload is not a photo Dashu keeps; the photo store turns each into a clear message. */
export type RefusalReason = 'not_jpeg' | 'truncated' | 'trailing' | 'unsupported' | 'malformed' | 'too_large';

export class ImageRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`image refused: ${reason}`);
  }
}
