// Scope probes: the gate app (checks, visitors, lookup, offline lists) and gate duty (format: probes.ts).
import { randomUUID } from 'node:crypto';
import type { ProbeTable } from './probes';
import type { ProbeTargets } from './targets';

export function gateProbes(c: ProbeTargets): ProbeTable {
  return {
    // The gates the caller works: B's for B, A's for A.
    'GET /api/gate/gates': () => ({ method: 'GET', url: '/api/gate/gates' }),
    'GET /api/gate/gates/:id/offline': () => ({ method: 'GET', url: `/api/gate/gates/${c.gate}/offline` }),
    'POST /api/gate/checks': () => ({
      method: 'POST',
      url: '/api/gate/checks',
      perItem: true,
      payload: {
        checks: [
          {
            uuid: randomUUID(),
            gateId: c.gate,
            checkedAt: new Date().toISOString(),
            direction: 'out',
            passNumber: 1,
          },
        ],
      },
    }),
    'POST /api/gate/visitors': () => ({
      method: 'POST',
      url: '/api/gate/visitors',
      payload: {
        gateId: c.gate,
        name: '来访者',
        phone: '13800001111',
        reason: '探亲',
        visiting: '1号楼',
        temperature: 36.5,
      },
    }),
    'POST /api/gate/lookup': () => ({
      method: 'POST',
      url: '/api/gate/lookup',
      payload: { gateId: c.gate, docNumber: c.residentDoc },
    }),
    // A's guard has a shift at A's gate starting in ten minutes; B's guard has none there.
    'POST /api/gate/check-in': () => ({
      method: 'POST',
      url: '/api/gate/check-in',
      payload: { gateId: c.gate },
      as: 'guard',
    }),
    'GET /api/access/shifts': () => ({
      method: 'GET',
      url: `/api/access/shifts?gateId=${c.gate}&from=2026-01-01&to=2026-01-07`,
    }),
    'GET /api/access/shifts/accounts': () => ({
      method: 'GET',
      url: `/api/access/shifts/accounts?gateId=${c.gate}`,
    }),
    'POST /api/access/shifts': () => ({
      method: 'POST',
      url: '/api/access/shifts',
      payload: {
        gateId: c.gate,
        accountId: c.accountsOfA.guard,
        shifts: [{ startsAt: '2099-01-01T00:00:00.000Z', endsAt: '2099-01-01T08:00:00.000Z' }],
      },
    }),
    'DELETE /api/access/shifts/:id': () => ({ method: 'DELETE', url: `/api/access/shifts/${c.deleteShift}` }),
    'GET /api/access/inspections': () => ({ method: 'GET', url: `/api/access/inspections?gateId=${c.gate}` }),
    'POST /api/access/inspections': () => ({
      method: 'POST',
      url: '/api/access/inspections',
      payload: {
        gateId: c.gate,
        staffed: true,
        thermometerOk: true,
        logComplete: false,
        visitorsRegistered: true,
      },
    }),
    'DELETE /api/access/inspections/:id': () => ({
      method: 'DELETE',
      url: `/api/access/inspections/${c.deleteInspection}`,
    }),
  };
}
