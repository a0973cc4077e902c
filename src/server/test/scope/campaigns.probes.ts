// Scope probes: campaigns (screening and governance), building profiles, photos (format: probes.ts).
import { multipart, type ProbeTable } from './probes';
import type { ProbeTargets } from './targets';

export function campaignProbes(c: ProbeTargets): ProbeTable {
  // Read when a probe runs (the targets are filled in after the table is built).
  const campaign = () => `/api/campaigns/${c.campaign}`;
  const governance = () => `/api/campaigns/${c.govCampaign}`;
  return {
    'GET /api/campaigns': () => ({ method: 'GET', url: `/api/campaigns?communityId=${c.a.community}` }),
    'POST /api/campaigns': () => ({
      method: 'POST',
      url: '/api/campaigns',
      payload: { communityId: c.a.community, name: '楼道排查', kind: 'screening' },
    }),
    // The caller's own active campaigns, in their own community.
    'GET /api/campaigns/mine': () => ({ method: 'GET', url: '/api/campaigns/mine' }),
    'GET /api/campaigns/:id': () => ({ method: 'GET', url: campaign() }),
    'POST /api/campaigns/:id/close': () => ({
      method: 'POST',
      url: `/api/campaigns/${c.closeCampaign}/close`,
    }),
    'GET /api/campaigns/:id/assignments': () => ({ method: 'GET', url: `${campaign()}/assignments` }),
    'POST /api/campaigns/:id/assignments': () => ({
      method: 'POST',
      url: `${campaign()}/assignments`,
      payload: { items: [{ buildingId: c.a.buildings[0], accountId: c.accountsOfA.socialWorker }] },
    }),
    'DELETE /api/campaigns/:id/assignments/:assignmentId': () => ({
      method: 'DELETE',
      url: `${campaign()}/assignments/${c.assignment}`,
    }),
    'GET /api/campaigns/:id/assignment-suggestion': () => ({
      method: 'GET',
      url: `${campaign()}/assignment-suggestion?accountIds=${c.accountsOfA.socialWorker}`,
    }),
    'GET /api/campaigns/:id/my-households': () => ({ method: 'GET', url: `${campaign()}/my-households` }),
    'POST /api/campaigns/:id/visits': () => ({
      method: 'POST',
      url: `${campaign()}/visits`,
      payload: { id: '7c0f0a52-3f7e-4d0e-9a57-0b6c1e0d2f11', targetId: c.target, outcome: 'vacant' },
    }),
    'GET /api/campaigns/:id/targets/:targetId/visits': () => ({
      method: 'GET',
      url: `${campaign()}/targets/${c.target}/visits`,
    }),
    'GET /api/campaigns/:id/progress': () => ({ method: 'GET', url: `${campaign()}/progress` }),
    'GET /api/campaigns/:id/queue': () => ({ method: 'GET', url: `${campaign()}/queue` }),
    'GET /api/campaigns/:id/summary': () => ({ method: 'GET', url: `${campaign()}/summary` }),
    'GET /api/campaigns/:id/buildings': () => ({ method: 'GET', url: `${governance()}/buildings` }),
    'GET /api/campaigns/:id/targets/:targetId/entrances': () => ({
      method: 'GET',
      url: `${governance()}/targets/${c.govTarget}/entrances`,
    }),
    'POST /api/campaigns/:id/checks': () => ({
      method: 'POST',
      url: `${governance()}/checks`,
      payload: {
        id: '3c1f0a52-3f7e-4d0e-9a57-0b6c1e0d2f33',
        targetId: c.govTarget,
        results: [{ key: 'i1', passed: true }],
      },
    }),
    'GET /api/campaigns/:id/findings': () => ({ method: 'GET', url: `${governance()}/findings` }),
    'POST /api/campaigns/:id/findings/:findingId/recheck': () => ({
      method: 'POST',
      url: `${governance()}/findings/${c.finding}/recheck`,
      payload: { result: 'fixed' },
    }),
    'GET /api/communities/:id/building-grid': () => ({
      method: 'GET',
      url: `/api/communities/${c.a.community}/building-grid`,
    }),
    'GET /api/buildings/:id/profile': () => ({
      method: 'GET',
      url: `/api/buildings/${c.a.buildings[0]}/profile`,
    }),
    // A photo for A's community, and A's photo of a gate inspection.
    'POST /api/photos': () =>
      multipart(`/api/photos?communityId=${c.a.community}&purpose=inspection`, {
        name: 'photo.jpg',
        type: 'image/jpeg',
        body: c.files.jpeg,
      }),
    'GET /api/photos/:id': () => ({ method: 'GET', url: `/api/photos/${c.photo}` }),
  };
}
