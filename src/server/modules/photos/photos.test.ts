import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { checkJpeg } from './jpeg-check';
import { phoneJpeg, uploadPhoto } from './test-jpegs';

// What the store keeps and refuses, and its quotas; who may read a photo is photo-access.test.ts.
let t: TestApp;
let f: Fixture;
let secretary: string;
let volunteer: string;
let guard: string;
const photoDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-photos-'));
const SCRIPT = Buffer.from('<script>fetch("/api/people").then(r=>r.text()).then(alert)</script>');
const finding = 'campaign_finding';

const upload = (cookie: string, body = phoneJpeg(), purpose = finding, communityId = f.a.community.id) =>
  uploadPhoto(t, cookie, { communityId, purpose }, body);
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const photoCount = async () =>
  (await t.services.database.pool.query('select count(*)::int n from photos')).rows[0].n as number;
const filesKept = () =>
  readdirSync(photoDir, { recursive: true }).filter((name) => String(name).endsWith('.jpg')).length;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PHOTO_DIR: photoDir });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  guard = await login(t, f.a.usernames.gate_guard);
});
afterAll(() => t.close());

describe('what the photo store keeps', () => {
  it('keeps a phone photo without its metadata, under a random id, and serves it with safe headers', async () => {
    const res = await upload(volunteer);
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json().photo;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(url).toBe(`/api/photos/${id}`);
    const row = await t.services.database.pool.query(
      'select purpose, mime, bytes, width, height, file_name, attached_to from photos where public_id = $1',
      [id],
    );
    const kept = checkJpeg(phoneJpeg(), 1600).body;
    expect(row.rows[0]).toMatchObject({
      purpose: finding,
      mime: 'image/jpeg',
      width: 160,
      height: 120,
      bytes: kept.length,
      attached_to: null,
    });
    expect(readFileSync(path.join(photoDir, row.rows[0].file_name)).equals(kept)).toBe(true);
    const back = await get(volunteer, url);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(kept)).toBe(true);
    expect(back.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'cache-control': 'private, max-age=86400',
    });
  });

  it('refuses a PNG with a script appended, a JPEG with trailing bytes and a truncated JPEG, in Chinese', async () => {
    const before = await photoCount();
    const files = filesKept();
    const image = new PNG({ width: 40, height: 30 });
    image.data.fill(200);
    const png = await uploadPhoto(
      t,
      volunteer,
      { communityId: f.a.community.id, purpose: finding },
      Buffer.concat([PNG.sync.write(image), SCRIPT]),
      'image/png',
    );
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toContain('JPEG');
    const trailing = await upload(volunteer, Buffer.concat([phoneJpeg(), SCRIPT]));
    expect(trailing.statusCode).toBe(400);
    expect(trailing.json().error).toMatchObject({ code: 'photo_refused', field: 'file' });
    expect(trailing.json().error.message).toContain('照片结尾之后还附带了别的数据');
    const truncated = await upload(volunteer, phoneJpeg().subarray(0, 3000));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().error.message).toContain('照片不完整');
    const mislabelled = await uploadPhoto(
      t,
      volunteer,
      { communityId: f.a.community.id, purpose: finding },
      phoneJpeg(),
      'text/html',
    );
    expect(mislabelled.statusCode).toBe(400);
    const tooLarge = await upload(volunteer, Buffer.concat([phoneJpeg(), Buffer.alloc(2 * 1024 * 1024)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(await photoCount()).toBe(before);
    expect(filesKept()).toBe(files);
  });

  it('answers a broken form with 400, never 500', async () => {
    const url = `/api/photos?communityId=${f.a.community.id}&purpose=${finding}`;
    const part = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="file"; filename="p"\r\nContent-Type: image/jpeg\r\n\r\n',
    );
    for (const [contentType, payload] of [
      ['multipart/form-data; boundary=b', Buffer.concat([part, phoneJpeg().subarray(0, 1000)])],
      ['multipart/form-data', Buffer.from('no boundary')],
      ['multipart/form-data; boundary=b', Buffer.from('garbage\0\0')],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: volunteer, 'content-type': contentType },
        payload,
      });
      expect(res.statusCode).toBe(400);
    }
  });

  it('takes only the purposes the product uses, each from the roles that take such photos', async () => {
    const unknown = await upload(volunteer, phoneJpeg(), 'avatar');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('purpose');
    expect((await upload(volunteer, phoneJpeg(), 'inspection')).statusCode).toBe(403);
    expect((await upload(guard, phoneJpeg(), finding)).statusCode).toBe(403);
    expect((await upload(secretary, phoneJpeg(), 'inspection')).statusCode).toBe(201);
    expect((await upload(volunteer, phoneJpeg(), finding, f.b.community.id)).statusCode).toBe(404);
  });
});

describe('quotas, counted in the database', () => {
  it('refuses past the per-account daily limit, across two server instances', async () => {
    const env = { DASHU_PHOTO_DIR: photoDir, DASHU_PHOTOS_PER_DAY: '3' };
    const one = await createTestApp(env);
    const two = await createTestApp(env);
    try {
      const fresh = `${f.tag}-quota-volunteer`;
      await t.services.auth.createAccount(null, {
        username: fresh,
        displayName: '限额志愿者',
        password: FIXTURE_PASSWORD,
        role: 'volunteer',
        scopePlaceId: f.a.community.id,
        scopeBuildingIds: [f.a.buildings[0]?.id as number],
      });
      const cookies = [await login(one, fresh), await login(two, fresh)];
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          uploadPhoto(
            i % 2 ? two : one,
            cookies[i % 2] as string,
            { communityId: f.a.community.id, purpose: finding },
            phoneJpeg(),
          ),
        ),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes).toEqual([201, 201, 201, 429, 429, 429]);
      const refused = answers.find((a) => a.statusCode === 429);
      expect(refused?.json().error.message).toContain('今天已上传 3 张照片');
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('refuses once the community’s storage is full', async () => {
    const small = await createTestApp({ DASHU_PHOTO_DIR: photoDir, DASHU_PHOTO_STORAGE_MB: '1' });
    try {
      const cookie = await login(small, f.b.usernames.community_secretary);
      const purpose = { communityId: f.b.community.id, purpose: finding };
      expect((await uploadPhoto(small, cookie, purpose, phoneJpeg())).statusCode).toBe(201);
      // Fill the community up to just under a megabyte, as if many photos had been taken.
      await small.services.database.pool.query(
        `insert into photos (community_id, purpose, file_name, mime, bytes, width, height)
         values ($1, 'campaign_finding', 'gone.jpg', 'image/jpeg', $2, 1, 1)`,
        [f.b.community.id, 1024 * 1024 - 6000],
      );
      const full = await uploadPhoto(small, cookie, purpose, phoneJpeg());
      expect(full.statusCode).toBe(413);
      expect(full.json().error.message).toContain('本社区的照片存储已满');
    } finally {
      await small.close();
    }
  });
});
