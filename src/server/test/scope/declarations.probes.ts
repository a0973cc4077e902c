// Scope probes: declarations, statuses, rules, risk areas, form versions, posters (format: probes.ts).
import { aboutCaller, multipart, type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';
import { area, REGIONS } from './targets-policy';

export function declarationProbes(c: ProbeTargets): ProbeTable {
  return {
    'POST /api/declarations': () => ({
      method: 'POST',
      url: '/api/declarations',
      payload: {
        residentId: c.resident,
        channel: 'phone',
        leftCity: false,
        contactConfirmedCase: false,
        contactRiskAreaPeople: false,
        symptoms: [],
      },
    }),
    'GET /api/declarations': () => ({
      method: 'GET',
      url: `/api/declarations?communityId=${c.a.community}`,
    }),
    // A workbook: the runner compares its cells.
    'GET /api/declarations/export': () => ({
      method: 'GET',
      url: `/api/declarations/export?communityId=${c.a.community}`,
    }),
    'POST /api/declarations/:id/reveal': () => ({
      method: 'POST',
      url: `/api/declarations/${c.declaration}/reveal`,
      payload: { reason: '核实健康情况' },
    }),
    'GET /api/declaration-reviews': () => ({
      method: 'GET',
      url: `/api/declaration-reviews?communityId=${c.a.community}`,
    }),
    'POST /api/declaration-reviews/:id/confirm': () => ({
      method: 'POST',
      url: `/api/declaration-reviews/${c.confirmReview}/confirm`,
      payload: { correctName: false },
    }),
    'POST /api/declaration-reviews/:id/reject': () => ({
      method: 'POST',
      url: `/api/declaration-reviews/${c.rejectReview}/reject`,
      payload: { reason: '不是本人填报' },
    }),
    'GET /api/status-changes': () => ({ method: 'GET', url: '/api/status-changes' }),
    'GET /api/residents/:id/status': () => ({ method: 'GET', url: `/api/residents/${c.resident}/status` }),
    // Rules and risk areas belong to a place: what is in force at A's community is A's to read, and only
    // the officer of A's district (not another district's) may set it there.
    'GET /api/status-rules': () => ({ method: 'GET', url: `/api/status-rules?placeId=${c.a.community}` }),
    'PUT /api/status-rules': () => ({
      method: 'PUT',
      url: '/api/status-rules',
      payload: { placeId: c.a.community, rules: c.rules },
      as: 'district',
    }),
    'GET /api/risk-areas': () => ({ method: 'GET', url: `/api/risk-areas?placeId=${c.a.community}` }),
    'POST /api/risk-areas': () => ({
      method: 'POST',
      url: '/api/risk-areas',
      payload: { ...area(REGIONS.created), placeId: c.a.community },
      as: 'district',
    }),
    'POST /api/risk-areas/import': () =>
      multipart(
        `/api/risk-areas/import?placeId=${c.a.community}`,
        { name: 'risk.xlsx', type: 'application/octet-stream', body: c.riskAreasXlsx },
        'district',
      ),
    'PUT /api/risk-areas/:id': () => ({
      method: 'PUT',
      url: `/api/risk-areas/${c.riskArea}`,
      payload: area(REGIONS.kept, 'medium'),
      as: 'district',
    }),
    'DELETE /api/risk-areas/:id': () => ({
      method: 'DELETE',
      url: `/api/risk-areas/${c.retireRiskArea}`,
      as: 'district',
    }),
    // Form questions are set at the officer's own place: another district's officer sees its own history.
    'GET /api/form-versions': () => ({ method: 'GET', url: '/api/form-versions', as: 'district' }),
    'POST /api/form-versions': aboutCaller(
      'publishes questions at the officer’s own place; no place is named',
    ),
    'GET /api/form-versions/in-force': () => ({
      method: 'GET',
      url: `/api/form-versions/in-force?communityId=${c.a.community}`,
    }),
    // The public form is reached by a poster's random token, not an account: the token names the community.
    'GET /api/public/posters/:token': publicRoute('the poster’s random token is the credential'),
    'POST /api/public/declarations': publicRoute('the poster’s random token is the credential'),
    'GET /api/posters': () => ({ method: 'GET', url: `/api/posters?communityId=${c.a.community}` }),
    'POST /api/posters': () => ({ method: 'POST', url: '/api/posters', payload: { placeId: c.a.compound } }),
    'DELETE /api/posters/:id': () => ({ method: 'DELETE', url: `/api/posters/${c.deletePoster}` }),
  };
}
