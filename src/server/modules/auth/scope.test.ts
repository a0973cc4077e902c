import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertJob } from '../imports/imports.repo';
import { gates } from '../places/places.table';

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
const posterId = 0;
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
});
afterAll(() => t.close());

type Probe = () => { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };

/**
 * Community B's secretary aims every route at community A. Each route either refuses (403/404) or,
 * for lists and searches, answers without a trace of A. A route missing from this table fails the test,
 * so a new route cannot ship without saying how it keeps communities apart.
 */
const probes: Record<string, Probe | 'public' | 'own-account'> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'own-account',
  'GET /api/auth/me': 'own-account',
  'POST /api/auth/password': 'own-account',
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/imports/template': 'public',
  'POST /api/accounts': () => ({
    method: 'POST',
    url: '/api/accounts',
    payload: {
      username: `${f.tag}-spy`,
      displayName: '间谍',
      password: 'spy-password-1',
      role: 'volunteer',
      scopePlaceId: f.a.community.id,
    },
  }),
  'GET /api/places/roots': () => ({ method: 'GET', url: '/api/places/roots' }),
  'GET /api/places/:id': () => ({ method: 'GET', url: `/api/places/${f.a.compound.id}` }),
  'POST /api/places': () => ({
    method: 'POST',
    url: '/api/places',
    payload: { parentId: f.a.compound.id, kind: 'building', name: '9号楼' },
  }),
  'PATCH /api/places/:id': () => ({
    method: 'PATCH',
    url: `/api/places/${f.a.community.id}`,
    payload: { name: '被改名' },
  }),
  'GET /api/places/:id/households': () => ({
    method: 'GET',
    url: `/api/places/${f.a.entrance.id}/households`,
  }),
  'GET /api/residents': () => ({ method: 'GET', url: `/api/residents?q=${residentDoc}` }),
  'GET /api/residents/:id': () => ({ method: 'GET', url: `/api/residents/${residentId}` }),
  'POST /api/residents': () => ({
    method: 'POST',
    url: '/api/residents',
    payload: {
      householdId: f.a.householdIds[1],
      name: '混入',
      docType: 'resident_id',
      docNumber: syntheticId(),
      relationToHead: 'self',
      residenceType: 'registered',
    },
  }),
  'PATCH /api/residents/:id': () => ({
    method: 'PATCH',
    url: `/api/residents/${residentId}`,
    payload: { version: 1, notes: '篡改' },
  }),
  'POST /api/residents/:id/move': () => ({
    method: 'POST',
    url: `/api/residents/${residentId}/move`,
    payload: { householdId: f.b.householdIds[0], reason: '搬走', version: 1 },
  }),
  'POST /api/residents/:id/reveal': () => ({
    method: 'POST',
    url: `/api/residents/${residentId}/reveal`,
    payload: { field: 'docNumber', reason: '好奇一下' },
  }),
  'GET /api/households/:id': () => ({ method: 'GET', url: `/api/households/${f.a.householdIds[0]}` }),
  'POST /api/households': () => ({
    method: 'POST',
    url: '/api/households',
    payload: { placeId: f.a.entrance.id, room: '999' },
  }),
  'GET /api/communities/:id/organisations': () => ({
    method: 'GET',
    url: `/api/communities/${f.a.community.id}/organisations`,
  }),
  'GET /api/communities/:id/party-branches': () => ({
    method: 'GET',
    url: `/api/communities/${f.a.community.id}/party-branches`,
  }),
  'GET /api/audit': () => ({ method: 'GET', url: `/api/audit?entityId=${residentId}` }),
  'POST /api/imports': () => ({ method: 'POST', url: `/api/imports?communityId=${f.a.community.id}` }),
  'GET /api/imports': () => ({ method: 'GET', url: `/api/imports?communityId=${f.a.community.id}` }),
  'GET /api/imports/:id': () => ({ method: 'GET', url: `/api/imports/${jobId}` }),
  'GET /api/imports/:id/rejected': () => ({ method: 'GET', url: `/api/imports/${jobId}/rejected` }),
  // Risk areas are city-wide, the same list for every community; only district officers change them.
  'GET /api/risk-areas': 'public',
  'POST /api/risk-areas': () => ({
    method: 'POST',
    url: '/api/risk-areas',
    payload: { regionCode: '420100', regionName: '武汉市', level: 'high', validFrom: '2020-01-23' },
  }),
  'POST /api/risk-areas/import': () => ({ method: 'POST', url: '/api/risk-areas/import' }),
  'PUT /api/risk-areas/:id': () => ({
    method: 'PUT',
    url: '/api/risk-areas/1',
    payload: { regionCode: '420100', regionName: '武汉市', level: 'low', validFrom: '2020-01-23' },
  }),
  'DELETE /api/risk-areas/:id': () => ({ method: 'DELETE', url: '/api/risk-areas/1' }),
  'POST /api/declarations': () => ({
    method: 'POST',
    url: '/api/declarations',
    payload: {
      residentId,
      channel: 'phone',
      leftCity: false,
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: [],
    },
  }),
  'GET /api/declarations': () => ({
    method: 'GET',
    url: `/api/declarations?communityId=${f.a.community.id}`,
  }),
  // Binary Excel: its rows are checked by declarations.test.ts ("exports … only inside the scope").
  'GET /api/declarations/export': () => ({
    method: 'GET',
    url: `/api/declarations/export?communityId=${f.a.community.id}`,
  }),
  // Rules are city-wide like risk areas: anyone may read them, only district officers change them.
  'GET /api/status-rules': 'public',
  'PUT /api/status-rules': () => ({ method: 'PUT', url: '/api/status-rules', payload: { rules: [{}] } }),
  'POST /api/residents/:id/verify': () => ({
    method: 'POST',
    url: `/api/residents/${residentId}/verify`,
    payload: { version: 1 },
  }),
  'POST /api/declarations/:id/reveal': () => ({
    method: 'POST',
    url: `/api/declarations/${declarationId}/reveal`,
    payload: { reason: '核实健康情况' },
  }),
  // Form questions are set by officers for their own place; B's secretary may neither read nor publish.
  'GET /api/form-versions': () => ({ method: 'GET', url: '/api/form-versions' }),
  'POST /api/form-versions': () => ({
    method: 'POST',
    url: '/api/form-versions',
    payload: { questions: [] },
  }),
  'GET /api/form-versions/in-force': () => ({
    method: 'GET',
    url: `/api/form-versions/in-force?communityId=${f.a.community.id}`,
  }),
  'GET /api/status-changes': () => ({ method: 'GET', url: '/api/status-changes' }),
  'GET /api/residents/:id/status': () => ({ method: 'GET', url: `/api/residents/${residentId}/status` }),
  // The public form is reached by a poster token, not an account: scope comes from the token.
  'GET /api/public/posters/:token': 'public',
  'POST /api/public/declarations': 'public',
  'GET /api/posters': () => ({ method: 'GET', url: `/api/posters?communityId=${f.a.community.id}` }),
  'POST /api/posters': () => ({ method: 'POST', url: '/api/posters', payload: { placeId: f.a.compound.id } }),
  'DELETE /api/posters/:id': () => ({ method: 'DELETE', url: `/api/posters/${posterId}` }),
  // Campaigns: B's secretary lists only B's, and every route on A's campaign answers 404.
  'GET /api/campaigns': () => ({ method: 'GET', url: `/api/campaigns?communityId=${f.a.community.id}` }),
  'POST /api/campaigns': () => ({
    method: 'POST',
    url: '/api/campaigns',
    payload: { communityId: f.a.community.id, name: '越界排查', kind: 'screening' },
  }),
  // Only the caller's own assignments, in their own communities.
  'GET /api/campaigns/mine': () => ({ method: 'GET', url: '/api/campaigns/mine' }),
  'GET /api/campaigns/:id': () => ({ method: 'GET', url: `/api/campaigns/${campaignId}` }),
  'POST /api/campaigns/:id/close': () => ({ method: 'POST', url: `/api/campaigns/${campaignId}/close` }),
  'GET /api/campaigns/:id/assignments': () => ({
    method: 'GET',
    url: `/api/campaigns/${campaignId}/assignments`,
  }),
  'POST /api/campaigns/:id/assignments': () => ({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/assignments`,
    payload: { items: [{ buildingId: f.a.buildings[0]?.id, accountId: 1 }] },
  }),
  'DELETE /api/campaigns/:id/assignments/:assignmentId': () => ({
    method: 'DELETE',
    url: `/api/campaigns/${campaignId}/assignments/1`,
  }),
  'GET /api/campaigns/:id/assignment-suggestion': () => ({
    method: 'GET',
    url: `/api/campaigns/${campaignId}/assignment-suggestion?accountIds=1`,
  }),
  'GET /api/campaigns/:id/my-households': () => ({
    method: 'GET',
    url: `/api/campaigns/${campaignId}/my-households`,
  }),
  'POST /api/campaigns/:id/visits': () => ({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/visits`,
    payload: { id: '7c0f0a52-3f7e-4d0e-9a57-0b6c1e0d2f11', targetId, outcome: 'vacant' },
  }),
  'GET /api/campaigns/:id/targets/:targetId/visits': () => ({
    method: 'GET',
    url: `/api/campaigns/${campaignId}/targets/${targetId}/visits`,
  }),
  'GET /api/campaigns/:id/progress': () => ({ method: 'GET', url: `/api/campaigns/${campaignId}/progress` }),
  'GET /api/campaigns/:id/queue': () => ({ method: 'GET', url: `/api/campaigns/${campaignId}/queue` }),
  'GET /api/communities/:id/building-grid': () => ({
    method: 'GET',
    url: `/api/communities/${f.a.community.id}/building-grid`,
  }),
  'GET /api/buildings/:id/profile': () => ({
    method: 'GET',
    url: `/api/buildings/${f.a.buildings[0]?.id}/profile`,
  }),
  // Multipart: B's secretary names A's community; the photo store answers 404 (photos.test.ts checks more).
  'POST /api/photos': () => ({
    method: 'POST',
    url: `/api/photos?communityId=${f.a.community.id}&purpose=campaign_finding`,
  }),
  'GET /api/photos/:id': () => ({ method: 'GET', url: '/api/photos/1' }),
  'GET /api/campaigns/:id/summary': () => ({ method: 'GET', url: `/api/campaigns/${campaignId}/summary` }),
  // Public keys verify passes; they are public by nature (the gate app caches them before sign-in).
  'GET /api/access/keys': 'public',
  // The signing key is installation-wide: only district officers rotate it (B's secretary gets 403).
  'POST /api/access/keys/rotate': () => ({ method: 'POST', url: '/api/access/keys/rotate' }),
  'GET /api/access/settings': () => ({
    method: 'GET',
    url: `/api/access/settings?communityId=${f.a.community.id}`,
  }),
  'PUT /api/access/settings': () => ({
    method: 'PUT',
    url: '/api/access/settings',
    payload: { communityId: f.a.community.id, passHolder: 'resident' },
  }),
  'POST /api/access/passes/issue': () => ({
    method: 'POST',
    url: '/api/access/passes/issue',
    payload: { compoundId: f.a.compound.id, validUntil: '2099-12-31' },
  }),
  'GET /api/access/passes': () => ({
    method: 'GET',
    url: `/api/access/passes?communityId=${f.a.community.id}`,
  }),
  'GET /api/access/passes/print': () => ({
    method: 'GET',
    url: `/api/access/passes/print?compoundId=${f.a.compound.id}`,
  }),
  'POST /api/access/passes/:id/revoke': () => ({
    method: 'POST',
    url: `/api/access/passes/${passId}/revoke`,
    payload: { reason: '恶意作废' },
  }),
  'POST /api/access/passes/:id/reissue': () => ({
    method: 'POST',
    url: `/api/access/passes/${passId}/reissue`,
    payload: {},
  }),
  'POST /api/access/passes/reissue-old-keys': () => ({
    method: 'POST',
    url: '/api/access/passes/reissue-old-keys',
    payload: { communityId: f.a.community.id },
  }),
  'POST /api/access/passes/:id/link': () => ({ method: 'POST', url: `/api/access/passes/${passId}/link` }),
  'DELETE /api/access/passes/:id/link': () => ({
    method: 'DELETE',
    url: `/api/access/passes/${passId}/link`,
  }),
  // The holder's own pass: the random link token is the credential, as for posters.
  'GET /api/public/passes/:token': 'public',
  'GET /api/access/compounds': () => ({ method: 'GET', url: '/api/access/compounds' }),
  'GET /api/access/gates': () => ({ method: 'GET', url: '/api/access/gates' }),
  'POST /api/access/gates': () => ({
    method: 'POST',
    url: '/api/access/gates',
    payload: { compoundId: f.a.compound.id, name: '偷开的门', vehiclesAllowed: true },
  }),
  'PATCH /api/access/gates/:id': () => ({
    method: 'PATCH',
    url: `/api/access/gates/${gateId}`,
    payload: { name: '被改名' },
  }),
  'GET /api/access/checks': () => ({ method: 'GET', url: `/api/access/checks?gateId=${gateId}` }),
  'GET /api/access/gate-view': () => ({
    method: 'GET',
    url: `/api/access/gate-view?communityId=${f.a.community.id}`,
  }),
  'GET /api/gate/gates': () => ({ method: 'GET', url: '/api/gate/gates' }),
  'GET /api/gate/gates/:id/offline': () => ({ method: 'GET', url: `/api/gate/gates/${gateId}/offline` }),
  'POST /api/gate/checks': () => ({
    method: 'POST',
    url: '/api/gate/checks',
    payload: {
      checks: [
        { uuid: randomUUID(), gateId, checkedAt: new Date().toISOString(), direction: 'in', passNumber: 1 },
      ],
    },
  }),
  'POST /api/gate/visitors': () => ({
    method: 'POST',
    url: '/api/gate/visitors',
    payload: {
      gateId,
      name: '混入者',
      phone: '13800001111',
      reason: '串门',
      visiting: '1号楼',
      temperature: 36.5,
    },
  }),
  'POST /api/gate/lookup': () => ({
    method: 'POST',
    url: '/api/gate/lookup',
    payload: { gateId, docNumber: residentDoc },
  }),
  // Governance: A's buildings, checks and findings answer 404 to B.
  'GET /api/campaigns/:id/buildings': () => ({
    method: 'GET',
    url: `/api/campaigns/${govCampaignId}/buildings`,
  }),
  'GET /api/campaigns/:id/targets/:targetId/entrances': () => ({
    method: 'GET',
    url: `/api/campaigns/${govCampaignId}/targets/${govTargetId}/entrances`,
  }),
  'POST /api/campaigns/:id/checks': () => ({
    method: 'POST',
    url: `/api/campaigns/${govCampaignId}/checks`,
    payload: {
      id: '3c1f0a52-3f7e-4d0e-9a57-0b6c1e0d2f33',
      targetId: govTargetId,
      results: [{ key: 'i1', passed: true }],
    },
  }),
  'GET /api/campaigns/:id/findings': () => ({
    method: 'GET',
    url: `/api/campaigns/${govCampaignId}/findings`,
  }),
  'POST /api/campaigns/:id/findings/:findingId/recheck': () => ({
    method: 'POST',
    url: `/api/campaigns/${govCampaignId}/findings/${findingId}/recheck`,
    payload: { result: 'fixed' },
  }),
  'GET /api/access/shifts': () => ({
    method: 'GET',
    url: `/api/access/shifts?gateId=${gateId}&from=2026-01-01&to=2026-01-07`,
  }),
  'GET /api/access/shifts/accounts': () => ({
    method: 'GET',
    url: `/api/access/shifts/accounts?gateId=${gateId}`,
  }),
  'POST /api/access/shifts': () => ({
    method: 'POST',
    url: '/api/access/shifts',
    payload: {
      gateId,
      accountId: guardAccountId,
      shifts: [{ startsAt: '2099-01-01T00:00:00.000Z', endsAt: '2099-01-01T08:00:00.000Z' }],
    },
  }),
  'DELETE /api/access/shifts/:id': () => ({ method: 'DELETE', url: `/api/access/shifts/${shiftId}` }),
  'POST /api/gate/check-in': () => ({ method: 'POST', url: '/api/gate/check-in', payload: { gateId } }),
  'GET /api/access/inspections': () => ({ method: 'GET', url: `/api/access/inspections?gateId=${gateId}` }),
  'POST /api/access/inspections': () => ({
    method: 'POST',
    url: '/api/access/inspections',
    payload: { gateId, staffed: false, thermometerOk: false, logComplete: false, visitorsRegistered: false },
  }),
  'DELETE /api/access/inspections/:id': () => ({
    method: 'DELETE',
    url: `/api/access/inspections/${inspectionId}`,
  }),
};

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
