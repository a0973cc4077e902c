import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { phoneJpeg, uploadPhoto } from './test-jpegs';

// Who may read a photo: what it is attached to decides; anything else answers 404 (photos.test.ts: storing).
let t: TestApp;
let f: Fixture;
let secretary: string;
let socialWorker: string;
let volunteer: string;
let farVolunteer: string;
let guard: string;
let otherSecretary: string;
const photoDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-photos-'));
const finding = 'campaign_finding';

const upload = (cookie: string, body = phoneJpeg(), purpose = finding, communityId = f.a.community.id) =>
  uploadPhoto(t, cookie, { communityId, purpose }, body);
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

/** A governance campaign of community A and the target of its first building (the volunteer's). */
async function governanceTarget() {
  const created = await post(secretary, '/api/campaigns', {
    communityId: f.a.community.id,
    name: `消防通道检查 ${randomUUID().slice(0, 6)}`,
    kind: 'fire_passage',
    checklist: ['消防通道是否畅通'],
  });
  const campaignId = created.json().campaign.id as number;
  const mine = await get(volunteer, `/api/campaigns/${campaignId}/buildings`);
  return { campaignId, targetId: mine.json().items[0].targetId as number };
}

/** A check of the volunteer's building with one finding carrying these photos. */
function check(cookie: string, campaignId: number, targetId: number, photoIds: string[]) {
  return post(cookie, `/api/campaigns/${campaignId}/checks`, {
    id: randomUUID(),
    targetId,
    results: [{ key: 'i1', passed: false }],
    findings: [
      { itemKey: 'i1', description: '一层楼道停放电动车', deadline: addDays(beijingToday(), 3), photoIds },
    ],
  });
}

beforeAll(async () => {
  t = await createTestApp({ DASHU_PHOTO_DIR: photoDir });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  socialWorker = await login(t, f.a.usernames.social_worker);
  volunteer = await login(t, f.a.usernames.volunteer);
  guard = await login(t, f.a.usernames.gate_guard);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
  // A volunteer of the same community who looks after the other building.
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-far-volunteer`,
    displayName: '乙楼志愿者',
    password: FIXTURE_PASSWORD,
    role: 'volunteer',
    scopePlaceId: f.a.community.id,
    scopeBuildingIds: [f.a.buildings[1]?.id as number],
  });
  farVolunteer = await login(t, `${f.tag}-far-volunteer`);
});
afterAll(() => t.close());

describe('who sees a photo', () => {
  it('ids are random: consecutive uploads share nothing, the row key never shows, guesses find nothing', async () => {
    const first = (await upload(secretary)).json().photo.id as string;
    const second = (await upload(secretary)).json().photo.id as string;
    const samePlace = [...first].filter((c, i) => second[i] === c).length;
    expect(samePlace).toBeLessThan(8);
    const rows = await t.services.database.pool.query('select id from photos where public_id = any($1)', [
      [first, second],
    ]);
    expect(rows.rows).toHaveLength(2);
    for (const r of rows.rows) expect((await get(secretary, `/api/photos/${r.id}`)).statusCode).toBe(400);
    for (let i = 0; i < 20; i++) {
      const guess = randomBytes(16).toString('base64url');
      expect((await get(secretary, `/api/photos/${guess}`)).statusCode).toBe(404);
    }
  });

  it('an unattached photo is its uploader’s alone', async () => {
    const { id } = (await upload(volunteer)).json().photo;
    expect((await get(volunteer, `/api/photos/${id}`)).statusCode).toBe(200);
    for (const other of [secretary, socialWorker, farVolunteer, otherSecretary])
      expect((await get(other, `/api/photos/${id}`)).statusCode).toBe(404);
  });

  it('a finding’s photo goes to whoever sees the finding: not a volunteer of another building, nor another community', async () => {
    const { campaignId, targetId } = await governanceTarget();
    const { id } = (await upload(volunteer)).json().photo;
    const stored = await check(volunteer, campaignId, targetId, [id]);
    expect(stored.statusCode).toBe(201);
    const listed = await get(secretary, `/api/campaigns/${campaignId}/findings`);
    expect(listed.json().items[0].photoIds).toEqual([id]);
    for (const allowed of [volunteer, secretary, socialWorker, await login(t, f.officer)])
      expect((await get(allowed, `/api/photos/${id}`)).statusCode).toBe(200);
    for (const denied of [farVolunteer, otherSecretary, guard])
      expect((await get(denied, `/api/photos/${id}`)).statusCode).toBe(404);
    // Attached once: no other finding may take it (it would show it to that finding's readers).
    const again = await check(volunteer, campaignId, targetId, [id]);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.field).toBe('findings.0.photoIds');
  });

  it('an inspection’s photo goes to the community’s staff; purposes do not cross', async () => {
    const gate = await post(secretary, '/api/access/gates', {
      compoundId: f.a.compound.id,
      name: '南门',
      vehiclesAllowed: false,
    });
    expect(gate.statusCode).toBe(201);
    const gateId = gate.json().gate.id as number;
    const inspect = (photoId: string) =>
      post(secretary, '/api/access/inspections', {
        gateId,
        staffed: true,
        thermometerOk: true,
        logComplete: true,
        visitorsRegistered: true,
        photoId,
      });
    const findingPhoto = (await upload(secretary)).json().photo.id as string;
    const crossed = await inspect(findingPhoto);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().error.field).toBe('photoId');
    const { id } = (await upload(secretary, phoneJpeg(), 'inspection')).json().photo;
    const { campaignId, targetId } = await governanceTarget();
    const wrongWay = await check(secretary, campaignId, targetId, [id]);
    expect(wrongWay.statusCode).toBe(400);
    const stored = await inspect(id);
    expect(stored.statusCode).toBe(201);
    expect(stored.json().inspection.photoId).toBe(id);
    const listed = await get(socialWorker, `/api/access/inspections?gateId=${gateId}`);
    expect(listed.json().items[0].photoId).toBe(id);
    for (const allowed of [secretary, socialWorker])
      expect((await get(allowed, `/api/photos/${id}`)).statusCode).toBe(200);
    for (const denied of [volunteer, guard, otherSecretary])
      expect((await get(denied, `/api/photos/${id}`)).statusCode).toBe(404);
  });
});
