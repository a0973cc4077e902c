// The world the OpenAPI fuzz test works in: one fixture (two communities), an account of every kind the
// routes need, and one real row of everything a route can name (resident, campaign, finding, gate, pass,
// shift, poster…), made through the API as the console and the phones make them. Rows a route destroys
// (a closed campaign, a deleted shift) have a copy of their own so the other routes keep theirs.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_CHECKLISTS } from '../../../shared/campaigns';
import { addDays, beijingInstant, beijingToday } from '../../../shared/time/beijing';
import { emptyPreview } from '../../modules/imports/import-preview';
import { insertJob } from '../../modules/imports/imports.repo';
import { phoneJpeg, uploadPhoto } from '../../modules/photos/test-jpegs';
import { createFixture, FIXTURE_PASSWORD, login, syntheticId } from '../fixture';
import { createTestApp } from '../test-app';

export const WHO = [
  'anonymous',
  'district',
  'officer',
  'secretary',
  'worker',
  'guard',
  'volunteer',
  'pw',
] as const;
export type Who = (typeof WHO)[number];

export async function riskAreaWorkbook(code: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('风险地区');
  sheet.addRow(['地区代码', '地区名称', '风险等级', '开始日期', '结束日期']);
  sheet.addRow([code, '模糊测试区', '低', beijingToday()]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function createFuzzWorld() {
  const t = await createTestApp({
    // The fuzz sends thousands of public requests: the per-address limit would answer most with 429.
    DASHU_PUBLIC_RATE_LIMIT: '1000000',
    DASHU_PHOTO_DIR: mkdtempSync(path.join(os.tmpdir(), 'dashu-fuzz-photos-')),
  });
  const f = await createFixture(t.services);
  const today = beijingToday();
  const account = async (username: string, role: 'district_officer' | 'gate_guard', placeId: number) =>
    t.services.auth.createAccount(null, {
      username,
      displayName: `fuzz ${role}`,
      password: FIXTURE_PASSWORD,
      role,
      scopePlaceId: placeId,
    });
  await account(`${f.tag}-district`, 'district_officer', f.district.id);
  // Accounts of their own for the routes that sign in, sign out or change the password.
  await account(`${f.tag}-login`, 'gate_guard', f.a.community.id);
  await account(`${f.tag}-pw`, 'gate_guard', f.a.community.id);
  await account(`${f.tag}-logout`, 'gate_guard', f.a.community.id);
  const cookies: Record<Who, string> = {
    anonymous: '',
    district: await login(t, `${f.tag}-district`),
    officer: await login(t, f.officer),
    secretary: await login(t, f.a.usernames.community_secretary),
    worker: await login(t, f.a.usernames.social_worker),
    guard: await login(t, f.a.usernames.gate_guard),
    volunteer: await login(t, f.a.usernames.volunteer),
    pw: await login(t, `${f.tag}-pw`),
  };

  async function call(who: Who, method: string, url: string, payload?: unknown, expected = [200, 201, 204]) {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: cookies[who] },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (!expected.includes(res.statusCode))
      throw new Error(`fuzz set-up ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : {};
  }
  const accountId = async (who: Who) => (await call(who, 'GET', '/api/auth/me')).account.id as number;
  const [b1, b2] = f.a.buildings as [(typeof f.a.buildings)[0], (typeof f.a.buildings)[0]];

  const newResident = async (householdId: number, name: string) => {
    const docNumber = syntheticId('19750505');
    const created = await call('secretary', 'POST', '/api/residents', {
      householdId,
      name,
      docType: 'resident_id',
      docNumber,
      phone: '13700001111',
      relationToHead: 'self',
      residenceType: 'registered',
    });
    return { ...(created.resident as { id: number; version: number }), docNumber };
  };
  const resident = await newResident(f.a.householdIds[0] as number, '模糊甲');
  const mover = await newResident(f.a.householdIds[0] as number, '模糊乙');
  const declaration = (
    await call('secretary', 'POST', '/api/declarations', {
      residentId: resident.id,
      channel: 'phone',
      leftCity: false,
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: [],
    })
  ).declaration as { id: number };

  const poster = (await call('secretary', 'POST', '/api/posters', { placeId: f.a.compound.id })).poster;
  const posterToRevoke = (await call('secretary', 'POST', '/api/posters', { placeId: f.a.compound.id }))
    .poster;
  // Residents' own declarations about 模糊甲 under another name: held for review (named by the
  // declaration's id, the receipt's second half), one to confirm and one to reject.
  const heldReview = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/declarations',
      payload: {
        token: poster.token,
        person: {
          name: '冒名者',
          docType: 'resident_id',
          docNumber: resident.docNumber,
          phone: '13700004444',
        },
        address: { buildingId: f.a.buildings[0]?.id, entranceId: f.a.entrance.id, room: '101' },
        leftCity: false,
        contactConfirmedCase: false,
        contactRiskAreaPeople: false,
        symptoms: [],
        consent: true,
        clientId: randomUUID(),
      },
    });
    return Number(String(res.json().receipt.receiptNo).split('-')[1]);
  };
  const reviewToConfirm = await heldReview();
  const reviewToReject = await heldReview();

  const campaign = async (kind: string, name: string) =>
    (await call('secretary', 'POST', '/api/campaigns', { communityId: f.a.community.id, name, kind }))
      .campaign.id as number;
  const screening = await campaign('screening', '模糊测试排查');
  const toClose = await campaign('screening', '模糊测试待关闭');
  const governance = await campaign('corridor_clutter', '模糊测试楼道');
  const targetOf = async (campaignId: number, where: string, value: number) =>
    (
      await t.services.database.pool.query<{ id: number }>(
        `select id from campaign_targets where campaign_id = $1 and ${where} = $2 order by id limit 1`,
        [campaignId, value],
      )
    ).rows[0]?.id as number;
  const target = await targetOf(screening, 'household_id', f.a.householdIds[0] as number);
  const govTarget = await targetOf(governance, 'building_id', b1.id);
  const volunteerId = await accountId('volunteer');
  const workerId = await accountId('worker');
  const guardId = await accountId('guard');
  await call('secretary', 'POST', `/api/campaigns/${screening}/assignments`, {
    items: [{ buildingId: b1.id, accountId: volunteerId }],
  });
  await call('secretary', 'POST', `/api/campaigns/${screening}/assignments`, {
    items: [{ buildingId: b2.id, accountId: workerId }],
  });
  const assignment = (
    await t.services.database.pool.query<{ id: number }>(
      'select id from campaign_assignments where campaign_id = $1 and account_id = $2',
      [screening, workerId],
    )
  ).rows[0]?.id as number;

  // The photo's public id is a random string (photos are never named by a guessable number).
  const photo = (
    await uploadPhoto(
      t,
      cookies.volunteer,
      { communityId: f.a.community.id, purpose: 'campaign_finding' },
      phoneJpeg(),
    )
  ).json().photo.id as string;
  // A photo is attached once: the check the fuzz sends needs one of its own.
  const photoForCheck = (
    await uploadPhoto(
      t,
      cookies.volunteer,
      { communityId: f.a.community.id, purpose: 'campaign_finding' },
      phoneJpeg(),
    )
  ).json().photo.id as string;
  const checklist = DEFAULT_CHECKLISTS.corridor_clutter.map((_, i) => `i${i + 1}`);
  const check = await call('volunteer', 'POST', `/api/campaigns/${governance}/checks`, {
    id: randomUUID(),
    targetId: govTarget,
    results: checklist.map((key) => ({ key, passed: key !== 'i1' })),
    findings: [
      { itemKey: 'i1', description: '楼道堆放纸箱', deadline: addDays(today, 3), photoIds: [photo] },
    ],
  });
  const finding = check.check.findingIds[0] as number;

  const job = (
    await insertJob(t.services.database.db, {
      communityId: f.a.community.id,
      fileName: 'a.csv',
      status: 'done',
    })
  ).id;
  // Two previews waiting for an answer: one the confirm case takes, one the discard case lets go.
  const preview = async () =>
    (
      await insertJob(t.services.database.db, {
        communityId: f.a.community.id,
        fileName: 'preview.csv',
        status: 'previewed',
        mode: 'preview',
        previewCipher: t.services.vault.encrypt(JSON.stringify(emptyPreview())),
      })
    ).id;
  const previewJob = await preview();
  const discardJob = await preview();
  // Risk areas and status rules are installation-wide: codes no other test uses, and the rules put back.
  const riskCode = '659901';
  const riskArea = async (regionCode: string) =>
    (
      await call('district', 'POST', '/api/risk-areas', {
        regionCode,
        regionName: '模糊测试区',
        level: 'low',
        validFrom: today,
      })
    ).riskArea.id as number;
  const risk = await riskArea(riskCode);
  const riskToRetire = await riskArea('659902');
  const rules = (await call('secretary', 'GET', '/api/status-rules')).rules as unknown[];
  // A daily report of A's sub-district, frozen yesterday (confirmed by its case) and today (corrected).
  const reportTemplate = (
    await call('district', 'POST', '/api/reports/templates', {
      placeId: f.subdistrict.id,
      name: '模糊日报',
      cutoff: '00:00',
      columns: [{ indicator: 'people.residents', group: '人口' }],
    })
  ).template.id as number;
  await t.services.reports.freezeDue(beijingInstant(addDays(today, -1), '23:00'));
  await t.services.reports.freezeDue(new Date());
  const screenMade = await call('district', 'POST', '/api/screens', {
    placeId: f.subdistrict.id,
    name: '模糊大屏',
  });
  // Revoked by its case; the wall's case reads the first, which stays open.
  const screen = (
    await call('district', 'POST', '/api/screens', { placeId: f.subdistrict.id, name: '模糊大屏撤' })
  ).screen.id as number;
  const screenToken = screenMade.token as string;

  const gate = (
    await call('secretary', 'POST', '/api/access/gates', {
      compoundId: f.a.compound.id,
      name: '模糊门',
      vehiclesAllowed: true,
    })
  ).gate.id as number;
  // Household passes, then per-resident ones: five passes, one for each route that changes a pass.
  const issue = () =>
    call('secretary', 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 30),
    });
  await issue();
  await call('secretary', 'PUT', '/api/access/settings', {
    communityId: f.a.community.id,
    passHolder: 'resident',
  });
  await issue();
  const passes = (
    await call(
      'secretary',
      'GET',
      `/api/access/passes?communityId=${f.a.community.id}&status=active&pageSize=50`,
    )
  ).items as Array<{
    id: number;
    number: number;
  }>;
  if (passes.length < 4) throw new Error(`fuzz set-up: ${passes.length} passes`);
  const [pass, passToRevoke, passToReissue, passToLink] = passes as [
    (typeof passes)[0],
    (typeof passes)[0],
    (typeof passes)[0],
    (typeof passes)[0],
  ];
  const token = (
    await t.services.database.pool.query<{ token: string }>('select token from passes where id = $1', [
      pass.id,
    ])
  ).rows[0]?.token as string;
  const link = ((await call('secretary', 'POST', `/api/access/passes/${passToLink.id}/link`)).path as string)
    .split('/')
    .pop() as string;
  const hour = 3_600_000;
  const shift = async (from: number, to: number) =>
    (
      await call('secretary', 'POST', '/api/access/shifts', {
        gateId: gate,
        accountId: guardId,
        shifts: [{ startsAt: new Date(from).toISOString(), endsAt: new Date(to).toISOString() }],
      })
    ).ids[0] as number;
  const now = Date.now();
  await shift(now - hour, now + 6 * hour);
  const shiftToDelete = await shift(now + 30 * hour, now + 32 * hour);
  const inspection = async () =>
    (
      await call('secretary', 'POST', '/api/access/inspections', {
        gateId: gate,
        staffed: true,
        thermometerOk: true,
        logComplete: true,
        visitorsRegistered: true,
      })
    ).inspection.id as number;
  await inspection();
  const inspectionToDelete = await inspection();

  // A volunteer of A for the accounts page's routes (disable, reset, change): not one the fuzz signs in as.
  const managedAccount = (
    await call('secretary', 'POST', '/api/accounts', {
      username: `${f.tag}-managed`.toLowerCase(),
      displayName: '模糊志愿者',
      role: 'volunteer',
      scopePlaceId: f.a.community.id,
    })
  ).account.id as number;

  return {
    t,
    f,
    cookies,
    today,
    call,
    ids: {
      resident,
      mover,
      declaration: declaration.id,
      poster,
      posterToRevoke,
      reviewToConfirm,
      reviewToReject,
      screening,
      toClose,
      governance,
      target,
      govTarget,
      checklist,
      volunteerId,
      guardId,
      workerId,
      assignment,
      photo,
      photoForCheck,
      finding,
      job,
      previewJob,
      discardJob,
      riskCode,
      risk,
      riskToRetire,
      rules,
      reportTemplate,
      screen,
      screenToken,
      gate,
      pass,
      passToRevoke,
      passToReissue,
      token,
      link,
      shiftToDelete,
      inspectionToDelete,
      managedAccount,
    },
    jpeg: phoneJpeg,
  };
}
export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;
