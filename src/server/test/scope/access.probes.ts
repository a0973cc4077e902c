// Scope probes: passes, signing keys, settings, gates, the console's view of checks (format: probes.ts).
import { installationWide, type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';

export function accessProbes(c: ProbeTargets): ProbeTable {
  return {
    'GET /api/access/keys': publicRoute('public keys verify passes; the gate app caches them before sign-in'),
    'POST /api/access/keys/rotate': installationWide(
      'one signing key serves every community; only the root officer rotates it (passes.test.ts)',
    ),
    'GET /api/access/settings': () => ({
      method: 'GET',
      url: `/api/access/settings?communityId=${c.a.community}`,
    }),
    'PUT /api/access/settings': () => ({
      method: 'PUT',
      url: '/api/access/settings',
      payload: { communityId: c.a.community, passHolder: 'resident' },
    }),
    'POST /api/access/passes/issue': () => ({
      method: 'POST',
      url: '/api/access/passes/issue',
      payload: { compoundId: c.a.compound, validUntil: '2099-12-31' },
    }),
    'GET /api/access/passes': () => ({
      method: 'GET',
      url: `/api/access/passes?communityId=${c.a.community}`,
    }),
    'GET /api/access/passes/print': () => ({
      method: 'GET',
      url: `/api/access/passes/print?compoundId=${c.a.compound}`,
    }),
    'POST /api/access/passes/:id/revoke': () => ({
      method: 'POST',
      url: `/api/access/passes/${c.revokePass}/revoke`,
      payload: { reason: '住户搬离' },
    }),
    'POST /api/access/passes/:id/reissue': () => ({
      method: 'POST',
      url: `/api/access/passes/${c.reissuePass}/reissue`,
      payload: {},
    }),
    'POST /api/access/passes/reissue-old-keys': () => ({
      method: 'POST',
      url: '/api/access/passes/reissue-old-keys',
      payload: { communityId: c.a.community },
    }),
    'POST /api/access/passes/:id/link': () => ({ method: 'POST', url: `/api/access/passes/${c.pass}/link` }),
    'DELETE /api/access/passes/:id/link': () => ({
      method: 'DELETE',
      url: `/api/access/passes/${c.pass}/link`,
    }),
    'GET /api/public/passes/:token': publicRoute('the holder’s random link token is the credential'),
    // The caller's own compounds and gates: B's for B, A's for A.
    'GET /api/access/compounds': () => ({ method: 'GET', url: '/api/access/compounds' }),
    'GET /api/access/gates': () => ({ method: 'GET', url: '/api/access/gates' }),
    'POST /api/access/gates': () => ({
      method: 'POST',
      url: '/api/access/gates',
      payload: { compoundId: c.a.compound, name: '北门', vehiclesAllowed: true },
    }),
    'PATCH /api/access/gates/:id': () => ({
      method: 'PATCH',
      url: `/api/access/gates/${c.gate}`,
      payload: { openingHours: '06:00-22:00' },
    }),
    'GET /api/access/checks': () => ({ method: 'GET', url: `/api/access/checks?gateId=${c.gate}` }),
    'GET /api/access/gate-view': () => ({
      method: 'GET',
      url: `/api/access/gate-view?communityId=${c.a.community}`,
    }),
  };
}
