import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_PHOTO_PURPOSE, coverageMatrix, DEFAULT_COVERAGE, nextReportDue } from '../../../shared/helpers';
import type {
  CareTaskCompleted,
  CoverageMatrix,
  CoverageRollup,
  HelperAnswer,
  HoursSummary,
  MyCareTasks,
} from '../../../shared/helpers/helpers-responses';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { phoneJpeg, uploadPhoto } from '../photos/test-jpegs';

let t: TestApp;
let f: Fixture;
let secretary: string;
let volunteer: string;
let otherSecretary: string;
let residentId: number;
let helperId: number;
const photoDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-care-photos-'));

const api = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ DASHU_PHOTO_DIR: photoDir });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
  const made = await api(secretary, 'POST', '/api/residents', {
    householdId: f.a.householdIds[0],
    name: '王奶奶',
    docType: 'resident_id',
    docNumber: syntheticId('19400303', true),
    phone: '13912345678',
    relationToHead: 'self',
    residenceType: 'registered',
    tags: ['elderly_alone'],
  });
  residentId = made.json().resident.id;
  const me = await api(volunteer, 'GET', '/api/auth/me');
  const helper = await api(secretary, 'POST', '/api/helpers', {
    communityId: f.a.community.id,
    name: '李志愿',
    phone: '13800001234',
    teams: ['vanguard'],
    skills: ['买菜'],
    verified: true,
    accountId: me.json().account.id,
  });
  expect(helper.statusCode, helper.body).toBe(201);
  helperId = (helper.json() as HelperAnswer).helper.id;
}, 60_000);
afterAll(() => t.close());

describe('helpers', () => {
  it('keeps the phone sealed and answers it masked', async () => {
    const list = await api(secretary, 'GET', `/api/helpers?communityId=${f.a.community.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('13800001234');
    expect(list.json().items[0]).toMatchObject({
      name: '李志愿',
      phoneMasked: '138****1234',
      verified: true,
    });
    const { rows } = await t.services.database.pool.query('select phone_cipher from helpers where id = $1', [
      helperId,
    ]);
    expect(rows[0].phone_cipher).not.toContain('13800001234');
  });

  it('records an in-service Party member with the next half-yearly report due', async () => {
    const res = await api(secretary, 'POST', '/api/helpers', {
      communityId: f.a.community.id,
      name: '赵党员',
      partyKind: 'in_service',
      employerPartyOrg: '某公司党委',
      reportedOn: '2026-03-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().helper).toMatchObject({ partyKind: 'in_service', nextReportDue: '2026-09-30' });
    expect(nextReportDue('2026-08-31')).toBe('2027-02-28');
  });

  it('refuses a bad phone and an account of another community, and B cannot list A', async () => {
    const badPhone = await api(secretary, 'POST', '/api/helpers', {
      communityId: f.a.community.id,
      name: '错号',
      phone: '12',
    });
    expect(badPhone.statusCode).toBe(400);
    const otherAccount = await api(otherSecretary, 'GET', '/api/auth/me');
    const wrong = await api(secretary, 'POST', '/api/helpers', {
      communityId: f.a.community.id,
      name: '外人',
      accountId: otherAccount.json().account.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await api(otherSecretary, 'GET', `/api/helpers?communityId=${f.a.community.id}`)).statusCode,
    ).toBe(404);
  });
});

describe('building coverage', () => {
  it('lists gaps first and reaches 100% as roles are assigned from the matrix', async () => {
    const url = `/api/helpers/coverage?communityId=${f.a.community.id}`;
    const before = (await api(secretary, 'GET', url)).json() as CoverageMatrix;
    expect(before.buildings).toBe(2);
    expect(before.covered).toBe(0);
    // Building 2 needs one volunteer less after it gets one: it comes after building 1 then.
    const [b1, b2] = f.a.buildings.map((b) => b.id) as [number, number];
    for (const role of ['party_contact', 'building_lead', 'volunteer'] as const) {
      const res = await api(secretary, 'POST', '/api/helpers/coverage/assignments', {
        buildingId: b1,
        role,
        helperId,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const half = (await api(secretary, 'GET', url)).json() as CoverageMatrix;
    expect(half.share).toBe(0.5);
    expect(half.rows[0]?.buildingId).toBe(b2);
    expect(half.rows[1]).toMatchObject({ buildingId: b1, covered: true });
    // Each row and each helper's building names the compound: several compounds each have a "1号楼".
    expect(half.rows[1]).toMatchObject({ buildingName: '1号楼', compoundName: f.a.compound.name });
    const listed = (await api(secretary, 'GET', `/api/helpers?communityId=${f.a.community.id}`)).json();
    const held = listed.items.find((h: { id: number }) => h.id === helperId);
    expect(held.buildings[0]).toMatchObject({ buildingId: b1, compoundName: f.a.compound.name });
    // Only two roles needed: building 2 with a lead and a volunteer is covered.
    await api(secretary, 'PUT', '/api/helpers/coverage/settings', {
      communityId: f.a.community.id,
      required: { party_contact: 0, building_lead: 1, volunteer: 1 },
    });
    for (const role of ['building_lead', 'volunteer'] as const)
      await api(secretary, 'POST', '/api/helpers/coverage/assignments', { buildingId: b2, role, helperId });
    const full = (await api(secretary, 'GET', url)).json() as CoverageMatrix;
    expect(full.share).toBe(1);
    // A second assign of the same person is the same assignment.
    const again = await api(secretary, 'POST', '/api/helpers/coverage/assignments', {
      buildingId: b2,
      role: 'volunteer',
      helperId,
    });
    expect(again.statusCode).toBe(201);
    expect((await api(secretary, 'GET', url)).json().rows[0].cells[2].people).toHaveLength(1);
    await api(secretary, 'PUT', '/api/helpers/coverage/settings', {
      communityId: f.a.community.id,
      required: DEFAULT_COVERAGE,
    });
  });

  it('rolls coverage up per community for the sub-district; B cannot assign in A', async () => {
    const officer = await login(t, f.officer);
    const res = await api(officer, 'GET', `/api/helpers/coverage/rollup?placeId=${f.subdistrict.id}`);
    const items = (res.json() as CoverageRollup).items;
    expect(items.map((i) => i.communityId).sort()).toEqual([f.a.community.id, f.b.community.id].sort());
    expect(items.find((i) => i.communityId === f.a.community.id)).toMatchObject({ buildings: 2, covered: 1 });
    const cross = await api(otherSecretary, 'POST', '/api/helpers/coverage/assignments', {
      buildingId: f.a.buildings[0]?.id,
      role: 'volunteer',
      helperId,
    });
    expect(cross.statusCode).toBe(404);
    const rollupOfA = await api(
      otherSecretary,
      'GET',
      `/api/helpers/coverage/rollup?placeId=${f.a.community.id}`,
    );
    expect(rollupOfA.statusCode).toBe(404);
  });

  it('is the pure matrix: gaps first, share of fully covered', () => {
    const m = coverageMatrix(
      [
        { id: 1, name: '1号楼' },
        { id: 2, name: '2号楼' },
      ],
      [{ id: 9, buildingId: 1, role: 'volunteer', helperId: 5, name: '甲' }],
      { party_contact: 0, building_lead: 0, volunteer: 1 },
    );
    expect(m.rows.map((r) => r.buildingId)).toEqual([2, 1]);
    expect(m.share).toBe(0.5);
  });
});

describe('care', () => {
  it('tags a person who needs care (weekly for elderly living alone) and lists who is overdue', async () => {
    const res = await api(secretary, 'PUT', '/api/care/needs', { residentId, tags: ['elderly_alone'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().need).toMatchObject({ contactEveryDays: 7, overdue: false, name: '王奶奶' });
    await t.services.database.pool.query(
      `update care_needs set created_at = now() - interval '8 days' where resident_id = $1`,
      [residentId],
    );
    const overdue = await api(
      secretary,
      'GET',
      `/api/care/needs?communityId=${f.a.community.id}&overdue=true`,
    );
    expect(overdue.json().items).toHaveLength(1);
    expect(overdue.json().items[0].overdue).toBe(true);
  });

  it('offers a task to the building’s helper, who accepts and delivers once with a photo; hours counted', async () => {
    const created = await api(secretary, 'POST', '/api/care/tasks', {
      residentId,
      kind: 'groceries',
      what: '一袋米、鸡蛋',
    });
    expect(created.statusCode, created.body).toBe(201);
    const taskId = created.json().task.id as number;
    const mine = (await api(volunteer, 'GET', '/api/care/tasks/mine')).json() as MyCareTasks;
    const offered = mine.items.find((i) => i.id === taskId);
    expect(offered).toMatchObject({ status: 'offered', phoneMasked: '139****5678', what: '一袋米、鸡蛋' });
    expect(offered?.personName).not.toBe('王奶奶');
    expect(JSON.stringify(mine)).not.toContain('13912345678');

    const accepted = await api(volunteer, 'POST', `/api/care/tasks/${taskId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().task).toMatchObject({ status: 'accepted', mine: true });
    // Staff accepting for the same helper changes nothing (the same acceptance).
    const staffTake = await api(secretary, 'POST', `/api/care/tasks/${taskId}/accept`, {
      helperId: helperId + 0,
    });
    expect(staffTake.statusCode).toBe(200);

    const clientId = randomUUID();
    const noPhoto = await api(volunteer, 'POST', `/api/care/tasks/${taskId}/complete`, {
      clientId,
      outcome: 'left_at_door',
    });
    expect(noPhoto.statusCode).toBe(400);
    const photo = await uploadPhoto(
      t,
      volunteer,
      { communityId: f.a.community.id, purpose: CARE_PHOTO_PURPOSE },
      phoneJpeg(),
    );
    expect(photo.statusCode, photo.body).toBe(201);
    const photoId = photo.json().photo.id as string;
    const body = { clientId, outcome: 'left_at_door', photoId, minutes: 45 };
    const first = await api(volunteer, 'POST', `/api/care/tasks/${taskId}/complete`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json() as CareTaskCompleted).toMatchObject({ duplicate: false, task: { status: 'done' } });
    // The phone's outbox sends it again (offline replay), and another phone too: done once.
    const replay = await api(volunteer, 'POST', `/api/care/tasks/${taskId}/complete`, body);
    expect(replay.json()).toMatchObject({ duplicate: true, task: { outcome: 'left_at_door' } });
    const other = await api(volunteer, 'POST', `/api/care/tasks/${taskId}/complete`, {
      clientId: randomUUID(),
      outcome: 'delivered',
    });
    expect(other.json()).toMatchObject({ duplicate: true, task: { outcome: 'left_at_door' } });
    const { rows } = await t.services.database.pool.query(
      'select count(*)::int as n from helper_hours where task_id = $1',
      [taskId],
    );
    expect(rows[0].n).toBe(1);
    const hours = (
      await api(secretary, 'GET', `/api/helpers/hours?communityId=${f.a.community.id}`)
    ).json() as HoursSummary;
    expect(hours.items.find((i) => i.helperId === helperId)).toMatchObject({ approvedMinutes: 45, tasks: 1 });
    // Staff see the task done with its photo, and may read the photo; B may not.
    const list = await api(secretary, 'GET', `/api/care/tasks?communityId=${f.a.community.id}&status=done`);
    expect(list.json().items[0]).toMatchObject({ id: taskId, photoId, helperName: '李志愿' });
    expect((await api(secretary, 'GET', `/api/photos/${photoId}`)).statusCode).toBe(200);
    expect((await api(otherSecretary, 'GET', `/api/photos/${photoId}`)).statusCode).toBe(404);
    // Delivered: the person's contact is no longer overdue.
    const overdue = await api(
      secretary,
      'GET',
      `/api/care/needs?communityId=${f.a.community.id}&overdue=true`,
    );
    expect(overdue.json().items).toHaveLength(0);
  });

  it('escalates an offer nobody accepted within 30 minutes, through the timed job', async () => {
    const created = await api(secretary, 'POST', '/api/care/tasks', { residentId, kind: 'phone_call' });
    const taskId = created.json().task.id as number;
    const declined = await api(volunteer, 'POST', `/api/care/tasks/${taskId}/decline`, {});
    expect(declined.statusCode).toBe(200);
    const mine = (await api(volunteer, 'GET', '/api/care/tasks/mine')).json() as MyCareTasks;
    expect(mine.items.some((i) => i.id === taskId)).toBe(false);
    expect(await t.services.care.escalateOverdue()).toBe(0);
    await t.services.database.pool.query(
      `update care_tasks set offered_at = now() - interval '31 minutes' where id = $1`,
      [taskId],
    );
    expect(await t.services.care.escalateOverdue()).toBeGreaterThanOrEqual(1);
    const list = await api(
      secretary,
      'GET',
      `/api/care/tasks?communityId=${f.a.community.id}&status=escalated`,
    );
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(taskId);
  });

  it('keeps B out of A’s tasks and a volunteer of no building out of the offers', async () => {
    const created = await api(secretary, 'POST', '/api/care/tasks', { residentId, kind: 'medicine' });
    const taskId = created.json().task.id as number;
    expect((await api(otherSecretary, 'POST', `/api/care/tasks/${taskId}/accept`, {})).statusCode).toBe(404);
    expect(
      (
        await api(otherSecretary, 'POST', `/api/care/tasks/${taskId}/complete`, {
          clientId: randomUUID(),
          outcome: 'delivered',
        })
      ).statusCode,
    ).toBe(404);
    const otherVolunteer = await login(t, f.b.usernames.volunteer);
    expect((await api(otherVolunteer, 'POST', `/api/care/tasks/${taskId}/accept`, {})).statusCode).toBe(404);
    expect((await api(otherVolunteer, 'GET', '/api/care/tasks/mine')).json().items).toEqual([]);
  });

  it('takes hours entered by hand as pending until approved', async () => {
    const entry = await api(secretary, 'POST', '/api/helpers/hours', {
      helperId,
      workedOn: '2026-01-05',
      minutes: 120,
      note: '楼道清扫',
    });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.json().entry.status).toBe('pending');
    const id = entry.json().entry.id;
    const pending = await api(
      secretary,
      'GET',
      `/api/helpers/hours?communityId=${f.a.community.id}&month=2026-01`,
    );
    expect((pending.json() as HoursSummary).items[0]).toMatchObject({
      pendingMinutes: 120,
      approvedMinutes: 0,
    });
    expect(
      (await api(otherSecretary, 'POST', `/api/helpers/hours/${id}/decide`, { approve: true })).statusCode,
    ).toBe(404);
    const approved = await api(secretary, 'POST', `/api/helpers/hours/${id}/decide`, { approve: true });
    expect(approved.json().entry.status).toBe('approved');
    const after = await api(
      secretary,
      'GET',
      `/api/helpers/hours?communityId=${f.a.community.id}&month=2026-01`,
    );
    expect((after.json() as HoursSummary).items[0]).toMatchObject({
      approvedMinutes: 120,
      pendingMinutes: 0,
    });
  });
});
