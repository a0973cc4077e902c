// Scope probes: helpers, building coverage, care needs and tasks, hours (format: probes.ts).
import { aboutCaller, type ProbeTable } from './probes';
import type { ProbeTargets } from './targets';

export function helperProbes(c: ProbeTargets): ProbeTable {
  return {
    'GET /api/helpers': () => ({ method: 'GET', url: `/api/helpers?communityId=${c.a.community}` }),
    'POST /api/helpers': () => ({
      method: 'POST',
      url: '/api/helpers',
      payload: { communityId: c.a.community, name: '探针新志愿者' },
    }),
    'PATCH /api/helpers/:id': () => ({
      method: 'PATCH',
      url: `/api/helpers/${c.helper}`,
      payload: { verified: true, skills: ['理发'] },
    }),
    'GET /api/helpers/coverage': () => ({
      method: 'GET',
      url: `/api/helpers/coverage?communityId=${c.a.community}`,
    }),
    'PUT /api/helpers/coverage/settings': () => ({
      method: 'PUT',
      url: '/api/helpers/coverage/settings',
      payload: { communityId: c.a.community, required: { party_contact: 1, building_lead: 1, volunteer: 1 } },
    }),
    'POST /api/helpers/coverage/assignments': () => ({
      method: 'POST',
      url: '/api/helpers/coverage/assignments',
      payload: { buildingId: c.a.buildings[0], role: 'volunteer', helperId: c.helper },
    }),
    'DELETE /api/helpers/coverage/assignments/:id': () => ({
      method: 'DELETE',
      url: `/api/helpers/coverage/assignments/${c.deleteAssignment}`,
    }),
    'GET /api/helpers/coverage/rollup': () => ({
      method: 'GET',
      url: `/api/helpers/coverage/rollup?placeId=${c.a.community}`,
    }),
    'GET /api/helpers/hours': () => ({
      method: 'GET',
      url: `/api/helpers/hours?communityId=${c.a.community}&month=2026-01`,
    }),
    'POST /api/helpers/hours': () => ({
      method: 'POST',
      url: '/api/helpers/hours',
      payload: { helperId: c.helper, workedOn: '2026-01-06', minutes: 30 },
    }),
    'POST /api/helpers/hours/:id/decide': () => ({
      method: 'POST',
      url: `/api/helpers/hours/${c.hoursEntry}/decide`,
      payload: { approve: true },
    }),
    'GET /api/care/needs': () => ({ method: 'GET', url: `/api/care/needs?communityId=${c.a.community}` }),
    'PUT /api/care/needs': () => ({
      method: 'PUT',
      url: '/api/care/needs',
      payload: { residentId: c.resident, tags: ['elderly_alone'] },
    }),
    'GET /api/care/tasks': () => ({ method: 'GET', url: `/api/care/tasks?communityId=${c.a.community}` }),
    'POST /api/care/tasks': () => ({
      method: 'POST',
      url: '/api/care/tasks',
      payload: { residentId: c.resident, kind: 'medicine', what: '降压药' },
    }),
    'GET /api/care/tasks/mine': aboutCaller(
      'the tasks offered to or taken by the helper the signed-in account is; it names no community',
    ),
    'POST /api/care/tasks/:id/accept': () => ({
      method: 'POST',
      url: `/api/care/tasks/${c.acceptTask}/accept`,
      payload: { helperId: c.helper },
    }),
    'POST /api/care/tasks/:id/decline': () => ({
      method: 'POST',
      url: `/api/care/tasks/${c.declineTask}/decline`,
      payload: { helperId: c.helper },
    }),
    'POST /api/care/tasks/:id/complete': () => ({
      method: 'POST',
      url: `/api/care/tasks/${c.completeTask}/complete`,
      payload: { clientId: '5d1f0a52-3f7e-4d0e-9a57-0b6c1e0d2f55', outcome: 'delivered' },
    }),
  };
}
