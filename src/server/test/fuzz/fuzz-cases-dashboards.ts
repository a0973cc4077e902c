// The fuzz test's valid requests for the dashboards, the daily report and the big screen (see
// fuzz-cases.ts); the template, report and screen link they name are made by fuzz-world.ts.

import { addDays } from '../../../shared/time/beijing';
import type { RouteCase } from './fuzz-cases';
import type { FuzzWorld } from './fuzz-world';

export function dashboardCases(w: FuzzWorld): Record<string, RouteCase> {
  const { f, ids, today } = w;
  const community = f.a.community.id;
  const sec = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'secretary', base });
  const anon = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'anonymous', base });
  const id = (value: number) => ({ params: { id: value } });
  return {
    'GET /api/dashboards/indicators': sec(),
    'GET /api/dashboards/places/:id': sec(id(community)),
    'GET /api/dashboards/rows': sec({
      query: { indicator: 'people.residents', placeId: community, page: 1, pageSize: 20 },
    }),
    'POST /api/reports/templates': {
      as: 'district',
      base: {
        body: {
          placeId: f.subdistrict.id,
          name: '模糊日报二',
          cutoff: '15:00',
          columns: [{ indicator: 'people.residents', group: '人口' }],
        },
      },
    },
    'POST /api/screens': {
      as: 'district',
      base: { body: { placeId: f.subdistrict.id, name: '模糊大屏二' } },
    },
    'GET /api/screens': { as: 'district', base: { query: { placeId: f.subdistrict.id } } },
    'POST /api/screens/:id/revoke': { as: 'district', base: id(ids.screen) },
    'GET /api/public/screens/:token': anon({ params: { token: ids.screenToken } }),
    'GET /api/reports/templates': sec({ query: { placeId: community } }),
    'GET /api/reports/templates/:id/days/:day': sec({
      params: { id: ids.reportTemplate, day: today },
      query: { placeId: community },
    }),
    'GET /api/reports/templates/:id/days/:day/export': sec({
      params: { id: ids.reportTemplate, day: today },
      query: { placeId: community },
    }),
    'PUT /api/reports/templates/:id/days/:day/communities/:communityId': sec({
      params: { id: ids.reportTemplate, day: today, communityId: community },
      body: { values: { 'people.residents': 9 } },
    }),
    'POST /api/reports/templates/:id/days/:day/communities/:communityId/confirm': {
      as: 'district',
      base: { params: { id: ids.reportTemplate, day: addDays(today, -1), communityId: community } },
    },
  };
}
