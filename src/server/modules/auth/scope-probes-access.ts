// Scope probes for the access module (passes, gates, gate checks, visitors, duty): see scope-probes.ts.
import { randomUUID } from 'node:crypto';
import type { Probe, ProbeTargets } from './scope-probes';

/** Community B's secretary aims every access route at community A (same rules as `scopeProbes`). */
export function accessProbes(c: ProbeTargets): Record<string, Probe | 'public' | 'own-account'> {
  return {
    // Public keys verify passes; they are public by nature (the gate app caches them before sign-in).
    'GET /api/access/keys': 'public',
    // The signing key is installation-wide: only district officers rotate it (B's secretary gets 403).
    'POST /api/access/keys/rotate': () => ({ method: 'POST', url: '/api/access/keys/rotate' }),
    'GET /api/access/settings': () => ({
      method: 'GET',
      url: `/api/access/settings?communityId=${c.f.a.community.id}`,
    }),
    'PUT /api/access/settings': () => ({
      method: 'PUT',
      url: '/api/access/settings',
      payload: { communityId: c.f.a.community.id, passHolder: 'resident' },
    }),
    'POST /api/access/passes/issue': () => ({
      method: 'POST',
      url: '/api/access/passes/issue',
      payload: { compoundId: c.f.a.compound.id, validUntil: '2099-12-31' },
    }),
    'GET /api/access/passes': () => ({
      method: 'GET',
      url: `/api/access/passes?communityId=${c.f.a.community.id}`,
    }),
    'GET /api/access/passes/print': () => ({
      method: 'GET',
      url: `/api/access/passes/print?compoundId=${c.f.a.compound.id}`,
    }),
    'POST /api/access/passes/:id/revoke': () => ({
      method: 'POST',
      url: `/api/access/passes/${c.passId}/revoke`,
      payload: { reason: '恶意作废' },
    }),
    'POST /api/access/passes/:id/reissue': () => ({
      method: 'POST',
      url: `/api/access/passes/${c.passId}/reissue`,
      payload: {},
    }),
    'POST /api/access/passes/reissue-old-keys': () => ({
      method: 'POST',
      url: '/api/access/passes/reissue-old-keys',
      payload: { communityId: c.f.a.community.id },
    }),
    'POST /api/access/passes/:id/link': () => ({
      method: 'POST',
      url: `/api/access/passes/${c.passId}/link`,
    }),
    'DELETE /api/access/passes/:id/link': () => ({
      method: 'DELETE',
      url: `/api/access/passes/${c.passId}/link`,
    }),
    // The holder's own pass: the random link token is the credential, as for posters.
    'GET /api/public/passes/:token': 'public',
    'GET /api/access/compounds': () => ({ method: 'GET', url: '/api/access/compounds' }),
    'GET /api/access/gates': () => ({ method: 'GET', url: '/api/access/gates' }),
    'POST /api/access/gates': () => ({
      method: 'POST',
      url: '/api/access/gates',
      payload: { compoundId: c.f.a.compound.id, name: '偷开的门', vehiclesAllowed: true },
    }),
    'PATCH /api/access/gates/:id': () => ({
      method: 'PATCH',
      url: `/api/access/gates/${c.gateId}`,
      payload: { name: '被改名' },
    }),
    'GET /api/access/checks': () => ({ method: 'GET', url: `/api/access/checks?gateId=${c.gateId}` }),
    'GET /api/access/gate-view': () => ({
      method: 'GET',
      url: `/api/access/gate-view?communityId=${c.f.a.community.id}`,
    }),
    'GET /api/gate/gates': () => ({ method: 'GET', url: '/api/gate/gates' }),
    'GET /api/gate/gates/:id/offline': () => ({ method: 'GET', url: `/api/gate/gates/${c.gateId}/offline` }),
    'POST /api/gate/checks': () => ({
      method: 'POST',
      url: '/api/gate/checks',
      payload: {
        checks: [
          {
            uuid: randomUUID(),
            gateId: c.gateId,
            checkedAt: new Date().toISOString(),
            direction: 'in',
            passNumber: 1,
          },
        ],
      },
    }),
    'POST /api/gate/visitors': () => ({
      method: 'POST',
      url: '/api/gate/visitors',
      payload: {
        gateId: c.gateId,
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
      payload: { gateId: c.gateId, docNumber: c.residentDoc },
    }),
    'GET /api/access/shifts': () => ({
      method: 'GET',
      url: `/api/access/shifts?gateId=${c.gateId}&from=2026-01-01&to=2026-01-07`,
    }),
    'GET /api/access/shifts/accounts': () => ({
      method: 'GET',
      url: `/api/access/shifts/accounts?gateId=${c.gateId}`,
    }),
    'POST /api/access/shifts': () => ({
      method: 'POST',
      url: '/api/access/shifts',
      payload: {
        gateId: c.gateId,
        accountId: c.guardAccountId,
        shifts: [{ startsAt: '2099-01-01T00:00:00.000Z', endsAt: '2099-01-01T08:00:00.000Z' }],
      },
    }),
    'DELETE /api/access/shifts/:id': () => ({ method: 'DELETE', url: `/api/access/shifts/${c.shiftId}` }),
    'POST /api/gate/check-in': () => ({
      method: 'POST',
      url: '/api/gate/check-in',
      payload: { gateId: c.gateId },
    }),
    'GET /api/access/inspections': () => ({
      method: 'GET',
      url: `/api/access/inspections?gateId=${c.gateId}`,
    }),
    'POST /api/access/inspections': () => ({
      method: 'POST',
      url: '/api/access/inspections',
      payload: {
        gateId: c.gateId,
        staffed: false,
        thermometerOk: false,
        logComplete: false,
        visitorsRegistered: false,
      },
    }),
    'DELETE /api/access/inspections/:id': () => ({
      method: 'DELETE',
      url: `/api/access/inspections/${c.inspectionId}`,
    }),
  };
}
