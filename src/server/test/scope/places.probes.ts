// Scope probes: sign-in, accounts, the place tree (format: probes.ts).
import { aboutCaller, installationWide, type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';

export function placeProbes(c: ProbeTargets): ProbeTable {
  return {
    'POST /api/auth/login': publicRoute('signing in: no account yet, so no community'),
    'POST /api/auth/logout': aboutCaller('ends the caller’s own session'),
    'GET /api/auth/me': aboutCaller('answers about the signed-in account itself'),
    'GET /api/waiting': aboutCaller('counts within the caller’s own scope; names no community'),
    'POST /api/auth/password': aboutCaller('changes the caller’s own password'),
    'GET /api/health': publicRoute('says whether the server is up; nothing of any community'),
    'GET /api/openapi.json': publicRoute('the API’s description; nothing of any community'),
    // An account scoped to A's community, created by B's secretary: a new username each time it is built,
    // so the owner's control creates one too.
    'POST /api/accounts': () => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: `spy-${Math.random().toString(36).slice(2, 10)}`,
        displayName: '新志愿者',
        password: 'volunteer-pass-1',
        role: 'volunteer',
        scopePlaceId: c.a.community,
      },
    }),
    // The accounts page: a list filtered to A's community (nothing for B), and A's volunteers by id.
    'GET /api/accounts': () => ({ method: 'GET', url: `/api/accounts?placeId=${c.a.community}` }),
    'GET /api/accounts/:id': () => ({ method: 'GET', url: `/api/accounts/${c.managedOfA.edit}` }),
    'PATCH /api/accounts/:id': () => ({
      method: 'PATCH',
      url: `/api/accounts/${c.managedOfA.edit}`,
      payload: { displayName: '甲志愿者改名', scopeBuildingIds: [c.a.buildings[1]] },
    }),
    'POST /api/accounts/:id/disable': () => ({
      method: 'POST',
      url: `/api/accounts/${c.managedOfA.disable}/disable`,
    }),
    'POST /api/accounts/:id/enable': () => ({
      method: 'POST',
      url: `/api/accounts/${c.managedOfA.enable}/enable`,
    }),
    'POST /api/accounts/:id/reset-password': () => ({
      method: 'POST',
      url: `/api/accounts/${c.managedOfA.reset}/reset-password`,
    }),
    'GET /api/settings/public-url': installationWide('the one public address of the installation'),
    'PUT /api/settings/public-url': installationWide('the one public address of the installation'),
    // The caller's own top places: B's community for B, A's for A.
    'GET /api/places/roots': () => ({ method: 'GET', url: '/api/places/roots' }),
    // The places under an officer's own place where rules can be set: another district's tree, not A's.
    'GET /api/places/policy': () => ({ method: 'GET', url: '/api/places/policy', as: 'district' }),
    'GET /api/places/:id': () => ({ method: 'GET', url: `/api/places/${c.a.compound}` }),
    'POST /api/places': () => ({
      method: 'POST',
      url: '/api/places',
      payload: { parentId: c.a.compound, kind: 'building', name: '9号楼' },
    }),
    'PATCH /api/places/:id': () => ({
      method: 'PATCH',
      url: `/api/places/${c.renamePlace}`,
      payload: { name: '4号楼' },
    }),
    'GET /api/places/:id/households': () => ({
      method: 'GET',
      url: `/api/places/${c.a.entrance}/households`,
    }),
  };
}
