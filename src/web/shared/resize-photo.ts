/**
 * Shrinks a photo on the phone before upload: longest side at most 1600 px, re-encoded as JPEG. The server
 * installs no image tools and accepts only what this makes — a baseline JPEG ≤ 2 MB, checked whole
 * (src/server/modules/photos/jpeg-check.ts) — so every page that uploads photos goes through this first.
 */
export const PHOTO_MAX_SIDE = 1600;

export async function resizePhoto(file: Blob, maxSide = PHOTO_MAX_SIDE, quality = 0.82): Promise<Blob> {
  // Honour the camera's orientation so the photo is not stored on its side.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d is not available');
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('the photo could not be encoded');
    return blob;
  } finally {
    bitmap.close();
  }
}
