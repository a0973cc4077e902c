import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS, FINDING_PHOTO_PURPOSE } from '../../../shared/campaigns';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { phoneJpeg, uploadPhoto } from '../photos/test-jpegs';

let t: TestApp;
let f: Fixture;
let secretary: string;
let volunteer: string;
let otherSecretary: string;
let campaignId: number;
let ownTargetId: number;
let otherTargetId: number;
let photoId: string;
let foreignPhotoId: string;
let findingIds: number[] = [];

const photoDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-gov-photos-'));
const today = beijingToday();
const purpose = FINDING_PHOTO_PURPOSE;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PHOTO_DIR: photoDir });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
  // The volunteer's own photo (attached by their check), and one taken in community B.
  const mine = await uploadPhoto(t, volunteer, { communityId: f.a.community.id, purpose }, phoneJpeg());
  photoId = mine.json().photo.id;
  const theirs = await uploadPhoto(
    t,
    otherSecretary,
    { communityId: f.b.community.id, purpose },
    phoneJpeg(),
  );
  foreignPhotoId = theirs.json().photo.id;
});
afterAll(() => t.close());

const api = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('governance campaigns', () => {
  it('starts over buildings, with the kind’s default checklist or an edited one', async () => {
    const plain = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '楼道堆物清理',
      kind: 'corridor_clutter',
    });
    expect(plain.statusCode).toBe(201);
    expect(plain.json().campaign.targetCount).toBe(2);
    expect(plain.json().campaign.checklist.map((c: { text: string }) => c.text)).toEqual(
      DEFAULT_CHECKLISTS.corridor_clutter,
    );

    const edited = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '消防通道专项检查',
      kind: 'fire_passage',
      checklist: ['  消防通道是否畅通 ', '楼道灭火器是否在有效期内'],
    });
    expect(edited.statusCode).toBe(201);
    campaignId = edited.json().campaign.id;
    expect(edited.json().campaign.checklist).toEqual([
      { key: 'i1', text: '消防通道是否畅通' },
      { key: 'i2', text: '楼道灭火器是否在有效期内' },
    ]);

    const repeated = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '重复项',
      kind: 'fire_passage',
      checklist: ['消防通道是否畅通', '消防通道是否畅通'],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.field).toBe('checklist');
    const empty = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '空清单',
      kind: 'fire_passage',
      checklist: [],
    });
    expect(empty.statusCode).toBe(400);
    const screening = await api(secretary, 'POST', '/api/campaigns', {
      communityId: f.a.community.id,
      name: '排查不带清单',
      kind: 'screening',
      checklist: ['消防通道是否畅通'],
    });
    expect(screening.statusCode).toBe(400);
  });

  it('shows volunteers only their buildings, and refuses door visits on a governance campaign', async () => {
    const all = await api(secretary, 'GET', `/api/campaigns/${campaignId}/buildings`);
    expect(all.json().items).toHaveLength(2);
    const mine = await api(volunteer, 'GET', `/api/campaigns/${campaignId}/buildings`);
    expect(mine.json().items.map((i: { buildingId: number }) => i.buildingId)).toEqual([
      f.a.buildings[0]?.id,
    ]);
    ownTargetId = mine.json().items[0].targetId;
    otherTargetId = all
      .json()
      .items.find((i: { buildingId: number }) => i.buildingId === f.a.buildings[1]?.id).targetId;
    const visit = await api(secretary, 'POST', `/api/campaigns/${campaignId}/visits`, {
      id: randomUUID(),
      targetId: ownTargetId,
      outcome: 'vacant',
    });
    expect(visit.statusCode).toBe(400);
    expect(visit.json().error.message).toContain('楼栋');
    const entrances = await api(
      volunteer,
      'GET',
      `/api/campaigns/${campaignId}/targets/${ownTargetId}/entrances`,
    );
    expect(entrances.json().items).toEqual([{ id: f.a.entrance.id, name: '1单元' }]);
  });

  it('checks a building: failed items need a finding; photos and entrances must be this community’s', async () => {
    const base = {
      targetId: ownTargetId,
      results: [
        { key: 'i1', passed: false },
        { key: 'i2', passed: true },
      ],
    };
    const missing = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      ...base,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('消防通道是否畅通');
    const partial = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      targetId: ownTargetId,
      results: [{ key: 'i1', passed: true }],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.field).toBe('results');
    const finding = { itemKey: 'i1', description: '一层楼道停放电动车三辆', deadline: addDays(today, 3) };
    const foreignPhoto = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      ...base,
      findings: [{ ...finding, photoIds: [foreignPhotoId] }],
    });
    expect(foreignPhoto.statusCode).toBe(400);
    expect(foreignPhoto.json().error.field).toBe('findings.0.photoIds');
    const wrongEntrance = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      ...base,
      findings: [{ ...finding, entranceId: f.b.entrance.id }],
    });
    expect(wrongEntrance.statusCode).toBe(400);
    const past = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      ...base,
      findings: [{ ...finding, deadline: addDays(today, -1) }],
    });
    expect(past.json().error.field).toBe('findings.0.deadline');
    const passedItem = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      ...base,
      findings: [finding, { ...finding, itemKey: 'i2' }],
    });
    expect(passedItem.json().error.field).toBe('findings.1.itemKey');
    const notMine = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      targetId: otherTargetId,
      results: [
        { key: 'i1', passed: true },
        { key: 'i2', passed: true },
      ],
    });
    expect(notMine.statusCode).toBe(404);
    const clockOff = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, {
      id: randomUUID(),
      ...base,
      findings: [finding],
      checkedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(clockOff.json().error.field).toBe('checkedAt');

    // Made two hours ago in a corridor without signal, sent now from the phone's outbox.
    const checkedAt = new Date(Date.now() - 2 * 3_600_000);
    const id = randomUUID();
    const body = {
      id,
      ...base,
      checkedAt: checkedAt.toISOString(),
      notes: '已当面告知住户',
      findings: [
        { ...finding, entranceId: f.a.entrance.id, floor: 1, location: '楼梯口', photoIds: [photoId] },
        { ...finding, description: '三层楼道堆放纸箱', floor: 3 },
      ],
    };
    const ok = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, body);
    expect(ok.statusCode).toBe(201);
    findingIds = ok.json().check.findingIds;
    expect(findingIds).toHaveLength(2);
    const stored = await t.services.database.pool.query(
      'select visited_at from campaign_visits where client_id = $1',
      [id],
    );
    expect(new Date(stored.rows[0].visited_at).getTime()).toBe(checkedAt.getTime());
    const again = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/checks`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().check.findingIds).toEqual(findingIds);
    const audit = await t.services.database.pool.query(
      `select count(*)::int as n from audit_log where entity = 'campaign_finding' and entity_id = any($1)`,
      [findingIds],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('lists findings by state and building; progress counts checked buildings and open findings', async () => {
    const open = await api(secretary, 'GET', `/api/campaigns/${campaignId}/findings?status=open`);
    expect(open.json().items).toHaveLength(2);
    expect(open.json().items[0]).toMatchObject({
      itemText: '消防通道是否畅通',
      buildingName: '1号楼',
      entranceName: '1单元',
      floor: 1,
      location: '楼梯口',
      photoIds: [photoId],
      status: 'open',
      overdue: false,
    });
    const officer = await login(t, f.officer);
    const above = await api(officer, 'GET', `/api/campaigns/${campaignId}/findings?status=open`);
    expect(above.json().items).toHaveLength(2);
    const guard = await login(t, f.a.usernames.gate_guard);
    expect((await api(guard, 'GET', `/api/campaigns/${campaignId}/findings`)).statusCode).toBe(403);
    const overdue = await api(secretary, 'GET', `/api/campaigns/${campaignId}/findings?status=overdue`);
    expect(overdue.json().items).toHaveLength(0);
    const other = await api(
      secretary,
      'GET',
      `/api/campaigns/${campaignId}/findings?buildingId=${f.a.buildings[1]?.id}`,
    );
    expect(other.json().items).toHaveLength(0);
    // Overdue once its deadline has passed.
    await t.services.database.pool.query(`update campaign_findings set deadline = $1 where id = $2`, [
      addDays(today, -2),
      findingIds[1],
    ]);
    const late = await api(secretary, 'GET', `/api/campaigns/${campaignId}/findings?status=overdue`);
    expect(late.json().items.map((i: { id: number }) => i.id)).toEqual([findingIds[1]]);

    const progress = (await api(secretary, 'GET', `/api/campaigns/${campaignId}/progress`)).json();
    expect(progress).toMatchObject({ total: 2, done: 1, findings: { open: 2, overdue: 1, closed: 0 } });
    expect(progress.byBuilding).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          buildingId: f.a.buildings[0]?.id,
          done: 1,
          openFindings: 2,
          overdueFindings: 1,
        }),
      ]),
    );
    const buildings = (await api(volunteer, 'GET', `/api/campaigns/${campaignId}/buildings`)).json();
    expect(buildings.items[0]).toMatchObject({ checked: true, openFindings: 2, overdueFindings: 1 });
  });

  it('re-checks: not fixed keeps it open with a new deadline, fixed closes it; both audited', async () => {
    const [first, second] = findingIds as [number, number];
    const outside = await api(
      otherSecretary,
      'POST',
      `/api/campaigns/${campaignId}/findings/${first}/recheck`,
      {
        result: 'fixed',
      },
    );
    expect(outside.statusCode).toBe(404);
    const notFixed = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/findings/${second}/recheck`, {
      result: 'not_fixed',
      notes: '纸箱仍在',
      deadline: addDays(today, 7),
    });
    expect(notFixed.statusCode).toBe(200);
    expect(notFixed.json().finding).toMatchObject({
      status: 'open',
      recheckResult: 'not_fixed',
      deadline: addDays(today, 7),
      overdue: false,
    });
    const fixed = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/findings/${first}/recheck`, {
      result: 'fixed',
      photoIds: [photoId],
    });
    expect(fixed.json().finding).toMatchObject({
      status: 'closed',
      recheckResult: 'fixed',
      recheckedOn: today,
      recheckPhotoIds: [photoId],
      recheckedByName: expect.any(String),
    });
    const twice = await api(volunteer, 'POST', `/api/campaigns/${campaignId}/findings/${first}/recheck`, {
      result: 'fixed',
    });
    expect(twice.statusCode).toBe(400);
    const closed = await api(secretary, 'GET', `/api/campaigns/${campaignId}/findings?status=closed`);
    expect(closed.json().items.map((i: { id: number }) => i.id)).toEqual([first]);
    const audit = await t.services.database.pool.query(
      `select count(*)::int as n from audit_log where entity = 'campaign_finding' and action = 'update' and entity_id = any($1)`,
      [findingIds],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('shows a building’s open findings on its profile', async () => {
    const profile = (await api(secretary, 'GET', `/api/buildings/${f.a.buildings[0]?.id}/profile`)).json();
    expect(profile.openFindings).toMatchObject({ total: 1, overdue: 0 });
    expect(profile.openFindings.items[0]).toMatchObject({
      id: findingIds[1],
      itemText: '消防通道是否畅通',
      description: '三层楼道堆放纸箱',
      campaignKind: 'fire_passage',
    });
    // The household grid still follows the latest screening, not the governance sweep.
    const grid = (await api(secretary, 'GET', `/api/communities/${f.a.community.id}/building-grid`)).json();
    expect(grid.items.every((b: { campaignId: number | null }) => b.campaignId !== campaignId)).toBe(true);
  });

  it('withdraws a finding recorded by mistake, only with a reason', async () => {
    const second = findingIds[1] as number;
    const url = `/api/campaigns/${campaignId}/findings/${second}/recheck`;
    const bare = await api(secretary, 'POST', url, { result: 'withdrawn' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.field).toBe('notes');
    const withdrawn = await api(secretary, 'POST', url, {
      result: 'withdrawn',
      notes: '纸箱属物业临时存放，已核实',
    });
    expect(withdrawn.json().finding).toMatchObject({ status: 'closed', recheckResult: 'withdrawn' });
    const profile = (await api(secretary, 'GET', `/api/buildings/${f.a.buildings[0]?.id}/profile`)).json();
    expect(profile.openFindings.total).toBe(0);
  });
});
