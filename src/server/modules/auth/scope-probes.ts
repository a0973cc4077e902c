import { type Fixture, syntheticId } from '../../test/fixture';
import { accessProbes } from './scope-probes-access';

/** What the probes aim at: community A's rows, created by scope.test.ts before any probe runs. */
export interface ProbeTargets {
  f: Fixture;
  residentId: number;
  residentDoc: string;
  jobId: number;
  declarationId: number;
  posterId: number;
  campaignId: number;
  targetId: number;
  govCampaignId: number;
  govTargetId: number;
  findingId: number;
  gateId: number;
  passId: number;
  shiftId: number;
  inspectionId: number;
  guardAccountId: number;
}

export type Probe = () => {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
};

/**
 * Community B's secretary aims every route at community A. Each route either refuses (403/404) or,
 * for lists and searches, answers without a trace of A. A route missing from this table fails the test,
 * so a new route cannot ship without saying how it keeps communities apart. Probes read `c` when they
 * run, after the test's set-up has filled it.
 */
export function scopeProbes(c: ProbeTargets): Record<string, Probe | 'public' | 'own-account'> {
  return {
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
        username: `${c.f.tag}-spy`,
        displayName: '间谍',
        password: 'spy-password-1',
        role: 'volunteer',
        scopePlaceId: c.f.a.community.id,
      },
    }),
    'GET /api/places/roots': () => ({ method: 'GET', url: '/api/places/roots' }),
    'GET /api/places/:id': () => ({ method: 'GET', url: `/api/places/${c.f.a.compound.id}` }),
    'POST /api/places': () => ({
      method: 'POST',
      url: '/api/places',
      payload: { parentId: c.f.a.compound.id, kind: 'building', name: '9号楼' },
    }),
    'PATCH /api/places/:id': () => ({
      method: 'PATCH',
      url: `/api/places/${c.f.a.community.id}`,
      payload: { name: '被改名' },
    }),
    'GET /api/places/:id/households': () => ({
      method: 'GET',
      url: `/api/places/${c.f.a.entrance.id}/households`,
    }),
    'GET /api/residents': () => ({ method: 'GET', url: `/api/residents?q=${c.residentDoc}` }),
    'GET /api/residents/:id': () => ({ method: 'GET', url: `/api/residents/${c.residentId}` }),
    'POST /api/residents': () => ({
      method: 'POST',
      url: '/api/residents',
      payload: {
        householdId: c.f.a.householdIds[1],
        name: '混入',
        docType: 'resident_id',
        docNumber: syntheticId(),
        relationToHead: 'self',
        residenceType: 'registered',
      },
    }),
    'PATCH /api/residents/:id': () => ({
      method: 'PATCH',
      url: `/api/residents/${c.residentId}`,
      payload: { version: 1, notes: '篡改' },
    }),
    'POST /api/residents/:id/move': () => ({
      method: 'POST',
      url: `/api/residents/${c.residentId}/move`,
      payload: { householdId: c.f.b.householdIds[0], reason: '搬走', version: 1 },
    }),
    'POST /api/residents/:id/reveal': () => ({
      method: 'POST',
      url: `/api/residents/${c.residentId}/reveal`,
      payload: { field: 'docNumber', reason: '好奇一下' },
    }),
    'GET /api/households/:id': () => ({ method: 'GET', url: `/api/households/${c.f.a.householdIds[0]}` }),
    'POST /api/households': () => ({
      method: 'POST',
      url: '/api/households',
      payload: { placeId: c.f.a.entrance.id, room: '999' },
    }),
    'GET /api/communities/:id/organisations': () => ({
      method: 'GET',
      url: `/api/communities/${c.f.a.community.id}/organisations`,
    }),
    'GET /api/communities/:id/party-branches': () => ({
      method: 'GET',
      url: `/api/communities/${c.f.a.community.id}/party-branches`,
    }),
    'GET /api/audit': () => ({ method: 'GET', url: `/api/audit?entityId=${c.residentId}` }),
    'POST /api/imports': () => ({ method: 'POST', url: `/api/imports?communityId=${c.f.a.community.id}` }),
    'GET /api/imports': () => ({ method: 'GET', url: `/api/imports?communityId=${c.f.a.community.id}` }),
    'GET /api/imports/:id': () => ({ method: 'GET', url: `/api/imports/${c.jobId}` }),
    'GET /api/imports/:id/rejected': () => ({ method: 'GET', url: `/api/imports/${c.jobId}/rejected` }),
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
        residentId: c.residentId,
        channel: 'phone',
        leftCity: false,
        contactConfirmedCase: false,
        contactRiskAreaPeople: false,
        symptoms: [],
      },
    }),
    'GET /api/declarations': () => ({
      method: 'GET',
      url: `/api/declarations?communityId=${c.f.a.community.id}`,
    }),
    // Binary Excel: its rows are checked by declarations.test.ts ("exports … only inside the scope").
    'GET /api/declarations/export': () => ({
      method: 'GET',
      url: `/api/declarations/export?communityId=${c.f.a.community.id}`,
    }),
    // Rules are city-wide like risk areas: anyone may read them, only district officers change them.
    'GET /api/status-rules': 'public',
    'PUT /api/status-rules': () => ({ method: 'PUT', url: '/api/status-rules', payload: { rules: [{}] } }),
    'POST /api/residents/:id/verify': () => ({
      method: 'POST',
      url: `/api/residents/${c.residentId}/verify`,
      payload: { version: 1 },
    }),
    'POST /api/declarations/:id/reveal': () => ({
      method: 'POST',
      url: `/api/declarations/${c.declarationId}/reveal`,
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
      url: `/api/form-versions/in-force?communityId=${c.f.a.community.id}`,
    }),
    'GET /api/status-changes': () => ({ method: 'GET', url: '/api/status-changes' }),
    'GET /api/residents/:id/status': () => ({ method: 'GET', url: `/api/residents/${c.residentId}/status` }),
    // The public form is reached by a poster token, not an account: scope comes from the token.
    'GET /api/public/posters/:token': 'public',
    'POST /api/public/declarations': 'public',
    'GET /api/posters': () => ({ method: 'GET', url: `/api/posters?communityId=${c.f.a.community.id}` }),
    'POST /api/posters': () => ({
      method: 'POST',
      url: '/api/posters',
      payload: { placeId: c.f.a.compound.id },
    }),
    'DELETE /api/posters/:id': () => ({ method: 'DELETE', url: `/api/posters/${c.posterId}` }),
    // Campaigns: B's secretary lists only B's, and every route on A's campaign answers 404.
    'GET /api/campaigns': () => ({ method: 'GET', url: `/api/campaigns?communityId=${c.f.a.community.id}` }),
    'POST /api/campaigns': () => ({
      method: 'POST',
      url: '/api/campaigns',
      payload: { communityId: c.f.a.community.id, name: '越界排查', kind: 'screening' },
    }),
    // Only the caller's own assignments, in their own communities.
    'GET /api/campaigns/mine': () => ({ method: 'GET', url: '/api/campaigns/mine' }),
    'GET /api/campaigns/:id': () => ({ method: 'GET', url: `/api/campaigns/${c.campaignId}` }),
    'POST /api/campaigns/:id/close': () => ({ method: 'POST', url: `/api/campaigns/${c.campaignId}/close` }),
    'GET /api/campaigns/:id/assignments': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.campaignId}/assignments`,
    }),
    'POST /api/campaigns/:id/assignments': () => ({
      method: 'POST',
      url: `/api/campaigns/${c.campaignId}/assignments`,
      payload: { items: [{ buildingId: c.f.a.buildings[0]?.id, accountId: 1 }] },
    }),
    'DELETE /api/campaigns/:id/assignments/:assignmentId': () => ({
      method: 'DELETE',
      url: `/api/campaigns/${c.campaignId}/assignments/1`,
    }),
    'GET /api/campaigns/:id/assignment-suggestion': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.campaignId}/assignment-suggestion?accountIds=1`,
    }),
    'GET /api/campaigns/:id/my-households': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.campaignId}/my-households`,
    }),
    'POST /api/campaigns/:id/visits': () => ({
      method: 'POST',
      url: `/api/campaigns/${c.campaignId}/visits`,
      payload: { id: '7c0f0a52-3f7e-4d0e-9a57-0b6c1e0d2f11', targetId: c.targetId, outcome: 'vacant' },
    }),
    'GET /api/campaigns/:id/targets/:targetId/visits': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.campaignId}/targets/${c.targetId}/visits`,
    }),
    'GET /api/campaigns/:id/progress': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.campaignId}/progress`,
    }),
    'GET /api/campaigns/:id/queue': () => ({ method: 'GET', url: `/api/campaigns/${c.campaignId}/queue` }),
    'GET /api/communities/:id/building-grid': () => ({
      method: 'GET',
      url: `/api/communities/${c.f.a.community.id}/building-grid`,
    }),
    'GET /api/buildings/:id/profile': () => ({
      method: 'GET',
      url: `/api/buildings/${c.f.a.buildings[0]?.id}/profile`,
    }),
    // Multipart: B's secretary names A's community; the photo store answers 404 (photos.test.ts checks more).
    'POST /api/photos': () => ({
      method: 'POST',
      url: `/api/photos?communityId=${c.f.a.community.id}&purpose=campaign_finding`,
    }),
    'GET /api/photos/:id': () => ({ method: 'GET', url: '/api/photos/1' }),
    'GET /api/campaigns/:id/summary': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.campaignId}/summary`,
    }),
    // Governance: A's buildings, checks and findings answer 404 to B.
    'GET /api/campaigns/:id/buildings': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.govCampaignId}/buildings`,
    }),
    'GET /api/campaigns/:id/targets/:targetId/entrances': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.govCampaignId}/targets/${c.govTargetId}/entrances`,
    }),
    'POST /api/campaigns/:id/checks': () => ({
      method: 'POST',
      url: `/api/campaigns/${c.govCampaignId}/checks`,
      payload: {
        id: '3c1f0a52-3f7e-4d0e-9a57-0b6c1e0d2f33',
        targetId: c.govTargetId,
        results: [{ key: 'i1', passed: true }],
      },
    }),
    'GET /api/campaigns/:id/findings': () => ({
      method: 'GET',
      url: `/api/campaigns/${c.govCampaignId}/findings`,
    }),
    'POST /api/campaigns/:id/findings/:findingId/recheck': () => ({
      method: 'POST',
      url: `/api/campaigns/${c.govCampaignId}/findings/${c.findingId}/recheck`,
      payload: { result: 'fixed' },
    }),
    ...accessProbes(c),
  };
}
