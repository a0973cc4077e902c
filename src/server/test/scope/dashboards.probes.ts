// Scope probes: dashboards, drill-down and the daily report (format: probes.ts).
import { installationWide, type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';

export function dashboardProbes(c: ProbeTargets): ProbeTable {
  // Read `c` inside the arrows only (probes.ts): the table is built before the targets exist.
  const report = () => `/api/reports/templates/${c.reportTemplate}/days`;
  return {
    'GET /api/dashboards/indicators': installationWide('the indicator dictionary: definitions, no numbers'),
    'GET /api/dashboards/places/:id': () => ({
      method: 'GET',
      url: `/api/dashboards/places/${c.a.community}`,
    }),
    'GET /api/dashboards/rows': () => ({
      method: 'GET',
      url: `/api/dashboards/rows?indicator=people.residents&placeId=${c.a.community}`,
    }),
    // Another district's officer names A's place (the template is set at A's sub-district, A's parent).
    'POST /api/reports/templates': () => ({
      method: 'POST',
      url: '/api/reports/templates',
      payload: {
        placeId: c.reportPlace,
        name: '甲日报',
        cutoff: '15:00',
        columns: [{ indicator: 'people.residents' }],
      },
      as: 'district',
    }),
    'GET /api/reports/templates': () => ({
      method: 'GET',
      url: `/api/reports/templates?placeId=${c.a.community}`,
    }),
    'GET /api/reports/templates/:id/days/:day': () => ({
      method: 'GET',
      url: `${report()}/${c.reportDay}?placeId=${c.a.community}`,
    }),
    'GET /api/reports/templates/:id/days/:day/export': () => ({
      method: 'GET',
      url: `${report()}/${c.reportDay}/export?placeId=${c.a.community}`,
    }),
    'PUT /api/reports/templates/:id/days/:day/communities/:communityId': () => ({
      method: 'PUT',
      url: `${report()}/${c.reportDay}/communities/${c.a.community}`,
      payload: { values: { 'people.residents': 7 } },
    }),
    'POST /api/reports/templates/:id/days/:day/communities/:communityId/confirm': () => ({
      method: 'POST',
      url: `${report()}/${c.confirmDay}/communities/${c.a.community}/confirm`,
      as: 'district',
    }),
    'POST /api/screens': () => ({
      method: 'POST',
      url: '/api/screens',
      payload: { placeId: c.reportPlace, name: '甲大屏' },
      as: 'district',
    }),
    'GET /api/screens': () => ({
      method: 'GET',
      url: `/api/screens?placeId=${c.reportPlace}`,
      as: 'district',
    }),
    'POST /api/screens/:id/revoke': () => ({
      method: 'POST',
      url: `/api/screens/${c.screen}/revoke`,
      as: 'district',
    }),
    'GET /api/public/screens/:token': publicRoute(
      'the random token in the big-screen link is the credential',
    ),
  };
}
