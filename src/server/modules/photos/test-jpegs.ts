// JPEGs for tests: a real phone photo (made by Chromium's canvas, as resize-photo.ts makes them, ICC profile
// included) and flat grey baseline JPEGs built here byte by byte, of any size, with or without restarts.
import { readFileSync } from 'node:fs';
import type { TestApp } from '../../test/test-app';

/** A 160×120 photo as a phone sends it: canvas.toBlob('image/jpeg', 0.82) in Chromium. */
export function phoneJpeg(): Buffer {
  return readFileSync(new URL('./test-photos/phone.jpg', import.meta.url));
}

const u16 = (n: number) => [n >> 8, n & 255];

/**
 * A valid grey JPEG: one component, every block "DC unchanged, end of block" (two bits with one-code Huffman
 * tables), padded with ones; with `restartInterval`, a restart marker after every that many blocks.
 */
export function flatJpeg(width: number, height: number, restartInterval = 0): Buffer {
  const table = (cls: number) => [0xff, 0xc4, 0, 20, cls, 1, ...new Array(15).fill(0), 0];
  const head = [
    ...[0xff, 0xd8],
    ...[0xff, 0xdb, 0, 67, 0, ...new Array(64).fill(1)],
    ...[0xff, 0xc0, 0, 11, 8, ...u16(height), ...u16(width), 1, 1, 0x11, 0],
    ...table(0x00),
    ...table(0x10),
    ...(restartInterval ? [0xff, 0xdd, 0, 4, ...u16(restartInterval)] : []),
    ...[0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0],
  ];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const data: number[] = [];
  let bits = 0;
  const flush = () => {
    if (bits % 8) data[data.length - 1] = 0xff >> (bits % 8);
    bits = 0;
  };
  for (let n = 0; n < blocks; n++) {
    if (restartInterval && n > 0 && n % restartInterval === 0) {
      flush();
      data.push(0xff, 0xd0 + ((n / restartInterval - 1) % 8));
    }
    if (bits % 8 === 0) data.push(0);
    bits += 2;
  }
  flush();
  return Buffer.from([...head, ...data, 0xff, 0xd9]);
}

/** Uploads through the real route as a browser does (multipart, one file). */
export function uploadPhoto(
  t: TestApp,
  cookie: string,
  query: { communityId: number; purpose: string },
  body: Buffer,
  mime = 'image/jpeg',
) {
  const boundary = 'dashuphoto';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/photos?communityId=${query.communityId}&purpose=${query.purpose}`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
