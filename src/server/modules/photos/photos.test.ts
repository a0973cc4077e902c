import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readImageHeader } from './image-header';

let t: TestApp;
let f: Fixture;
let volunteer: string;
let otherSecretary: string;
const photoDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-photos-'));

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
}

/** The smallest JPEG header that names its size: SOI, an APP0 segment, then a baseline SOF0. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(12), Buffer.from([0xff, 0xd9])]);
}

function webpVp8x(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

function multipart(body: Buffer, mime: string) {
  const boundary = 'dashuphoto';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p"\r\nContent-Type: ${mime}\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(cookie: string, body: Buffer, mime: string, communityId = f.a.community.id) {
  const { payload, contentType } = multipart(body, mime);
  return t.app.inject({
    method: 'POST',
    url: `/api/photos?communityId=${communityId}&purpose=campaign_finding`,
    headers: { cookie, 'content-type': contentType },
    payload,
  });
}

beforeAll(async () => {
  t = await createTestApp({ DASHU_PHOTO_DIR: photoDir });
  f = await createFixture(t.services);
  volunteer = await login(t, f.a.usernames.volunteer);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
});
afterAll(() => t.close());

describe('image headers', () => {
  it('reads type and size from JPEG, PNG and WebP headers, and nothing else', () => {
    expect(readImageHeader(jpegHeader(1600, 1200))).toEqual({
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
    });
    expect(readImageHeader(png(30, 20))).toEqual({ mime: 'image/png', width: 30, height: 20 });
    expect(readImageHeader(webpVp8x(800, 600))).toEqual({ mime: 'image/webp', width: 800, height: 600 });
    expect(readImageHeader(Buffer.from('GIF89a……'))).toBeNull();
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
  });
});

describe('the photo store', () => {
  it('keeps a photo under the photo directory and serves it only inside the scope', async () => {
    const image = png(40, 30);
    const res = await upload(volunteer, image, 'image/png');
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json().photo;
    const row = await t.services.database.pool.query(
      'select purpose, mime, bytes, width, height, file_name from photos where id = $1',
      [id],
    );
    expect(row.rows[0]).toMatchObject({
      purpose: 'campaign_finding',
      mime: 'image/png',
      width: 40,
      height: 30,
    });
    expect(row.rows[0].bytes).toBe(image.length);
    const back = await t.app.inject({ method: 'GET', url, headers: { cookie: volunteer } });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(image)).toBe(true);
    const other = await t.app.inject({ method: 'GET', url, headers: { cookie: otherSecretary } });
    expect(other.statusCode).toBe(404);
  });

  it('refuses what is not a photo, too big, mislabelled or for another community, in Chinese', async () => {
    const text = await upload(volunteer, Buffer.from('not an image at all'), 'image/jpeg');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('JPEG');
    const huge = await upload(volunteer, jpegHeader(4000, 3000), 'image/jpeg');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.message).toContain('1600');
    const mislabelled = await upload(volunteer, png(10, 10), 'image/jpeg');
    expect(mislabelled.statusCode).toBe(400);
    const tooLarge = await upload(
      volunteer,
      Buffer.concat([png(10, 10), Buffer.alloc(2 * 1024 * 1024)]),
      'image/png',
    );
    expect(tooLarge.statusCode).toBe(413);
    const foreign = await upload(volunteer, png(10, 10), 'image/png', f.b.community.id);
    expect(foreign.statusCode).toBe(404);
    const count = await t.services.database.pool.query(
      'select count(*)::int n from photos where community_id = $1',
      [f.b.community.id],
    );
    expect(count.rows[0].n).toBe(0);
  });
});
