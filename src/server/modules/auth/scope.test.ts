import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertJob } from '../imports/imports.repo';
import { gates } from '../places/places.table';
import { type Probe, type ProbeTargets, scopeProbes } from './scope-probes';

let t: TestApp;
let f: Fixture;
let a: string;
let b: string;
let residentId: number;
let residentDoc: string;
let jobId: number;
let declarationId: number;
let campaignId: number;
let targetId: number;
let govCampaignId: number;
let govTargetId: number;
let findingId: number;
let gateId: number;
let passId: number;
let shiftId: number;
let inspectionId: number;
let guardAccountId: number;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  a = await login(t, f.a.usernames.community_secretary);
  b = await login(t, f.b.usernames.community_secretary);
  residentDoc = syntheticId('19501010');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: a },
    payload: {
      householdId: f.a.householdIds[0],
      name: '周甲',
      docType: 'resident_id',
      docNumber: residentDoc,
      phone: '13600003333',
      relationToHead: 'self',
      residenceType: 'registered',
    },
  });
  residentId = created.json().resident.id;
  declarationId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/declarations',
      headers: { cookie: a },
      payload: {
        residentId,
        channel: 'phone',
        leftCity: false,
        contactConfirmedCase: false,
        contactRiskAreaPeople: false,
        symptoms: ['cough'],
      },
    })
  ).json().declaration.id;
  jobId = (
    await insertJob(t.services.database.db, {
      communityId: f.a.community.id,
      fileName: 'a.xlsx',
      status: 'done',
    })
  ).id;
  const campaign = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie: a },
    payload: { communityId: f.a.community.id, name: '甲社区排查', kind: 'screening' },
  });
  campaignId = campaign.json().campaign.id;
  const target = await t.services.database.pool.query<{ id: number }>(
    'select id from campaign_targets where campaign_id = $1 limit 1',
    [campaignId],
  );
  targetId = target.rows[0]?.id as number;
  // Community A closes its compound: a gate and its passes, which B must not reach.
  const [gate] = await t.services.database.db
    .insert(gates)
    .values({ communityId: f.a.community.id, compoundId: f.a.compound.id, name: '甲东门' })
    .returning();
  gateId = gate?.id as number;
  await t.app.inject({
    method: 'POST',
    url: '/api/access/passes/issue',
    headers: { cookie: a },
    payload: { compoundId: f.a.compound.id, validUntil: '2099-12-31' },
  });
  const listed = await t.app.inject({
    method: 'GET',
    url: `/api/access/passes?communityId=${f.a.community.id}`,
    headers: { cookie: a },
  });
  passId = listed.json().items[0].id;
  const governance = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie: a },
    payload: {
      communityId: f.a.community.id,
      name: '甲社区消防通道检查',
      kind: 'fire_passage',
      checklist: ['消防通道是否畅通'],
    },
  });
  govCampaignId = governance.json().campaign.id;
  const govTarget = await t.services.database.pool.query<{ id: number }>(
    'select id from campaign_targets where campaign_id = $1 limit 1',
    [govCampaignId],
  );
  govTargetId = govTarget.rows[0]?.id as number;
  const check = await t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${govCampaignId}/checks`,
    headers: { cookie: a },
    payload: {
      id: '2b1f0a52-3f7e-4d0e-9a57-0b6c1e0d2f22',
      targetId: govTarget.rows[0]?.id,
      results: [{ key: 'i1', passed: false }],
      findings: [{ itemKey: 'i1', description: '自行车堵住通道', deadline: '2099-01-01' }],
    },
  });
  findingId = check.json().check.findingIds[0];
  // A's gate has a shift and an inspection, which B must neither read nor delete.
  const guardRow = await t.services.database.pool.query<{ id: number }>(
    'select id from accounts where username = $1',
    [f.a.usernames.gate_guard],
  );
  guardAccountId = guardRow.rows[0]?.id as number;
  const start = new Date(Date.now() + 10 * 60_000);
  shiftId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/access/shifts',
      headers: { cookie: a },
      payload: {
        gateId,
        accountId: guardAccountId,
        shifts: [
          { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() },
        ],
      },
    })
  ).json().ids[0];
  inspectionId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/access/inspections',
      headers: { cookie: a },
      payload: { gateId, staffed: true, thermometerOk: true, logComplete: true, visitorsRegistered: true },
    })
  ).json().inspection.id;
  Object.assign(targets, {
    f,
    residentId,
    residentDoc,
    jobId,
    declarationId,
    campaignId,
    targetId,
    govCampaignId,
    govTargetId,
    findingId,
    gateId,
    passId,
    shiftId,
    inspectionId,
    guardAccountId,
  });
});
afterAll(() => t.close());

const targets = { posterId: 0 } as ProbeTargets;
const probes = scopeProbes(targets);

describe('one community cannot see or change another', () => {
  it('has a probe for every API route', () => {
    const apiRoutes = t.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(apiRoutes.filter((key) => !(key in probes))).toEqual([]);
  });

  it.each(Object.entries(probes).filter(([, p]) => typeof p === 'function'))('%s', async (_key, probe) => {
    const request = (probe as Probe)();
    const res = await t.app.inject({ ...request, headers: { cookie: b } });
    if (res.statusCode >= 400) {
      expect([400, 403, 404]).toContain(res.statusCode);
      return;
    }
    // Allowed to answer: then nothing of A may be in the answer.
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('周甲');
    expect(res.body).not.toContain(f.a.community.name);
    expect(res.body).not.toMatch(new RegExp(`"id":(${residentId}|${jobId}|${f.a.community.id}),`));
  });

  it('answers 404 (not 400) to B on A’s governance campaign, and left A’s finding open', async () => {
    const recheck = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${govCampaignId}/findings/${findingId}/recheck`,
      headers: { cookie: b },
      payload: { result: 'fixed' },
    });
    expect(recheck.statusCode).toBe(404);
    const findings = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${govCampaignId}/findings`,
      headers: { cookie: a },
    });
    expect(findings.json().items).toEqual([expect.objectContaining({ id: findingId, status: 'open' })]);
    const buildings = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${govCampaignId}/buildings`,
      headers: { cookie: a },
    });
    expect(buildings.json().items.filter((i: { checked: boolean }) => i.checked)).toHaveLength(1);
  });

  it('left community A untouched', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/residents/${residentId}`,
      headers: { cookie: a },
    });
    expect(res.json().resident).toMatchObject({ notes: null, version: 1, householdId: f.a.householdIds[0] });
    const place = await t.app.inject({
      method: 'GET',
      url: `/api/places/${f.a.community.id}`,
      headers: { cookie: a },
    });
    expect(place.json().place.name).toBe(f.a.community.name);
    expect(place.json().children).toHaveLength(1);
    const households = await t.app.inject({
      method: 'GET',
      url: `/api/places/${f.a.entrance.id}/households`,
      headers: { cookie: a },
    });
    expect(households.json().total).toBe(2);
    const accounts = await t.services.database.pool.query(
      'select count(*)::int n from accounts where username = $1',
      [`${f.tag}-spy`],
    );
    expect(accounts.rows[0].n).toBe(0);
    const campaign = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/progress`,
      headers: { cookie: a },
    });
    expect(campaign.json()).toMatchObject({ total: 3, done: 0, campaign: { status: 'active' } });
    const visits = await t.services.database.pool.query(
      'select count(*)::int n from campaign_visits where campaign_id = $1',
      [campaignId],
    );
    expect(visits.rows[0].n).toBe(0);
    const passRows = await t.services.database.pool.query(
      `select count(*)::int n, count(*) filter (where status = 'active' and link_token is null)::int active
       from passes where community_id = $1`,
      [f.a.community.id],
    );
    expect(passRows.rows[0]).toEqual({ n: 3, active: 3 });
    const checks = await t.services.database.pool.query(
      'select count(*)::int n from gate_checks where gate_id = $1',
      [gateId],
    );
    expect(checks.rows[0].n).toBe(0);
    const visitorRows = await t.services.database.pool.query(
      'select count(*)::int n from visitors where community_id = $1',
      [f.a.community.id],
    );
    expect(visitorRows.rows[0].n).toBe(0);
    const gateRows = await t.services.database.pool.query('select name from gates where community_id = $1', [
      f.a.community.id,
    ]);
    expect(gateRows.rows).toEqual([{ name: '甲东门' }]);
    const duty = await t.services.database.pool.query(
      `select (select count(*)::int from gate_shifts where gate_id = $1) shifts,
              (select count(*)::int from gate_shifts where gate_id = $1 and checked_in_at is not null) checked,
              (select count(*)::int from duty_inspections where gate_id = $1) inspections`,
      [gateId],
    );
    expect(duty.rows[0]).toEqual({ shifts: 1, checked: 0, inspections: 1 });
  });

  it('lets the sub-district officer above both read both, but not reveal or edit', async () => {
    const officer = await login(t, f.officer);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/residents/${residentId}`,
          headers: { cookie: officer },
        })
      ).statusCode,
    ).toBe(200);
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/residents/${residentId}/reveal`,
      headers: { cookie: officer },
      payload: { field: 'phone', reason: '抽查核实' },
    });
    expect(reveal.statusCode).toBe(403);
    const roots = (
      await t.app.inject({ method: 'GET', url: '/api/places/roots', headers: { cookie: officer } })
    ).json();
    expect(roots.items[0]).toMatchObject({ id: f.subdistrict.id, households: 6 });
  });
});
