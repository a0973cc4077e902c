// Scope probes: residents' requests (format: probes.ts).
import { installationWide, multipart, type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';

const MONTH = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

export function requestProbes(c: ProbeTargets): ProbeTable {
  return {
    'GET /api/request-categories': installationWide(
      'the categories and time limits are the same for every community',
    ),
    'PATCH /api/request-categories/:id': installationWide(
      'one set of time limits for the installation: only an officer whose scope is the root of the tree edits it',
    ),
    'GET /api/request-rate-weights': installationWide(
      'the weights of the rates are the same for every community',
    ),
    'PUT /api/request-rate-weights': installationWide(
      'one set of weights for the installation: only an officer whose scope is the root of the tree sets it',
    ),
    'POST /api/requests': () => ({
      method: 'POST',
      url: '/api/requests',
      payload: {
        communityId: c.a.community,
        requesterName: '周甲',
        categoryId: c.requestCategory,
        text: '甲社区诉求：探针',
        channel: 'walk_in',
      },
    }),
    'POST /api/requests/import-12345': () =>
      multipart(`/api/requests/import-12345?communityId=${c.a.community}`, {
        name: '12345工单.xlsx',
        type: 'application/octet-stream',
        body: c.hotlineXlsx,
      }),
    'GET /api/requests': () => ({ method: 'GET', url: `/api/requests?communityId=${c.a.community}` }),
    'GET /api/requests/staff': () => ({
      method: 'GET',
      url: `/api/requests/staff?communityId=${c.a.community}`,
    }),
    'GET /api/requests/rates': () => ({
      method: 'GET',
      url: `/api/requests/rates?from=2020-01-01&to=2030-12-31&placeId=${c.a.community}`,
    }),
    'GET /api/requests/ranking': () => ({
      method: 'GET',
      url: `/api/requests/ranking?month=${MONTH}&placeId=${c.a.community}`,
    }),
    'GET /api/requests/ranking/export': () => ({
      method: 'GET',
      url: `/api/requests/ranking/export?month=${MONTH}&placeId=${c.a.community}`,
    }),
    'GET /api/requests/:id': () => ({ method: 'GET', url: `/api/requests/${c.request}` }),
    'POST /api/requests/:id/steps': () => ({
      method: 'POST',
      url: `/api/requests/${c.signRequest}/steps`,
      payload: { step: 'sign' },
    }),
    'POST /api/requests/:id/exclusion': () => ({
      method: 'POST',
      url: `/api/requests/${c.excludeRequest}/exclusion`,
      payload: { reason: 'outside_remit', note: '不属于社区职责' },
    }),
    'POST /api/requests/:id/exclusion/decision': () => ({
      method: 'POST',
      url: `/api/requests/${c.decideRequest}/exclusion/decision`,
      payload: { approve: true },
    }),
    'POST /api/requests/:id/reveal': () => ({
      method: 'POST',
      url: `/api/requests/${c.request}/reveal`,
      payload: { reason: '回电' },
    }),
    'POST /api/requests/:id/link': () => ({ method: 'POST', url: `/api/requests/${c.request}/link` }),
    'GET /api/public/posters/:token/request-form': publicRoute('the poster’s random token is the credential'),
    'POST /api/public/posters/:token/requests': publicRoute('the poster’s random token is the credential'),
    'GET /api/public/requests/:token': publicRoute(
      'the random token of the resident’s own link is the credential',
    ),
    'POST /api/public/requests/:token/rating': publicRoute(
      'the random token of the resident’s own link is the credential',
    ),
  };
}
