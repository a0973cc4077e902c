// Scope probes: residents, households, organisations, roster imports, the audit log (format: probes.ts).
import { syntheticId } from '../fixture';
import { multipart, type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';

export function peopleProbes(c: ProbeTargets): ProbeTable {
  return {
    // A whole ID number: found in A's registry only.
    'GET /api/residents': () => ({ method: 'GET', url: `/api/residents?q=${c.residentDoc}` }),
    'GET /api/residents/:id': () => ({ method: 'GET', url: `/api/residents/${c.resident}` }),
    'POST /api/residents': () => ({
      method: 'POST',
      url: '/api/residents',
      payload: {
        householdId: c.a.households[1],
        name: '陈新',
        docType: 'resident_id',
        docNumber: syntheticId('19600606'),
        relationToHead: 'other',
        residenceType: 'registered',
      },
    }),
    'PATCH /api/residents/:id': () => ({
      method: 'PATCH',
      url: `/api/residents/${c.editResident}`,
      payload: { version: 1, notes: '已核实' },
    }),
    // Within A: B may not move A's resident. (B moving its own resident into A's household has no owner
    // who may make the same request: scope.test.ts checks it on its own.)
    'POST /api/residents/:id/move': () => ({
      method: 'POST',
      url: `/api/residents/${c.moveResident}/move`,
      payload: { householdId: c.a.households[2], reason: '搬到2号楼', version: 1 },
    }),
    'POST /api/residents/:id/reveal': () => ({
      method: 'POST',
      url: `/api/residents/${c.resident}/reveal`,
      payload: { field: 'docNumber', reason: '核实低保申请' },
    }),
    'POST /api/residents/:id/verify': () => ({
      method: 'POST',
      url: `/api/residents/${c.verifyResident}/verify`,
      payload: { version: 1 },
    }),
    'GET /api/households/:id': () => ({ method: 'GET', url: `/api/households/${c.a.households[0]}` }),
    'POST /api/households': () => ({
      method: 'POST',
      url: '/api/households',
      payload: { placeId: c.a.entrance, room: '999' },
    }),
    'GET /api/communities/:id/organisations': () => ({
      method: 'GET',
      url: `/api/communities/${c.a.community}/organisations`,
    }),
    'GET /api/communities/:id/party-branches': () => ({
      method: 'GET',
      url: `/api/communities/${c.a.community}/party-branches`,
    }),
    'GET /api/audit': () => ({
      method: 'GET',
      url: `/api/audit?residentId=${c.resident}&placeId=${c.a.community}`,
    }),
    'GET /api/audit/export': () => ({ method: 'GET', url: `/api/audit/export?residentId=${c.resident}` }),
    'GET /api/imports/template': publicRoute('the empty roster template; nothing of any community'),
    'POST /api/imports': () =>
      multipart(`/api/imports?communityId=${c.a.community}`, {
        name: '名册.csv',
        type: 'text/csv',
        body: c.rosterCsv,
      }),
    'GET /api/imports': () => ({ method: 'GET', url: `/api/imports?communityId=${c.a.community}` }),
    'GET /api/imports/:id': () => ({ method: 'GET', url: `/api/imports/${c.job}` }),
    'GET /api/imports/:id/preview': () => ({ method: 'GET', url: `/api/imports/${c.previewJob}/preview` }),
    'POST /api/imports/:id/confirm': () => ({
      method: 'POST',
      url: `/api/imports/${c.confirmJob}/confirm`,
      payload: { accept: [] },
    }),
    'POST /api/imports/:id/discard': () => ({
      method: 'POST',
      url: `/api/imports/${c.discardJob}/discard`,
    }),
    'GET /api/imports/:id/rejected': () => ({ method: 'GET', url: `/api/imports/${c.job}/rejected` }),
    'POST /api/imports/:id/rejected': () => ({
      method: 'POST',
      url: `/api/imports/${c.job}/rejected`,
      payload: { reason: '核对未导入的行' },
    }),
  };
}
