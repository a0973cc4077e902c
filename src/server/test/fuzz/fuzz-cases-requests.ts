// The fuzz test's valid requests for residents' requests (see fuzz-cases.ts).

import { hotlineWorkbook } from '../hotline-workbook';
import type { RouteCase } from './fuzz-cases';
import type { FuzzWorld } from './fuzz-world';

export async function requestCases(w: FuzzWorld): Promise<Record<string, RouteCase>> {
  const { f, ids, call } = w;
  const community = f.a.community.id;
  const sec = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'secretary', base });
  const anon = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'anonymous', base });
  const categories = (await call('secretary', 'GET', '/api/request-categories')).items as Array<{
    id: number;
    code: string;
  }>;
  const category = categories.find((c) => c.code === 'general')?.id as number;
  const make = async () =>
    (
      await call('secretary', 'POST', '/api/requests', {
        communityId: community,
        requesterName: '模糊诉求人',
        phone: '13700004444',
        categoryId: category,
        text: '模糊测试诉求',
        channel: 'phone',
      })
    ).request.id as number;
  const request = await make();
  const pending = await make();
  await call('secretary', 'POST', `/api/requests/${pending}/exclusion`, {
    reason: 'duplicate',
    note: '重复',
  });
  // The resident's link is made on a request of its own: the link route's fuzz replaces its request's link.
  const linked = await make();
  await call('secretary', 'POST', `/api/requests/${linked}/steps`, { step: 'resolve' });
  const made = await call('secretary', 'POST', `/api/requests/${linked}/link`);
  const link = String(made.path).split('/').pop() as string;
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const id = (value: number) => ({ params: { id: value } });
  return {
    'GET /api/request-categories': sec(),
    'PATCH /api/request-categories/:id': {
      as: 'district',
      base: { ...id(category), body: { contactLimit: 24, contactUnit: 'hours' } },
    },
    'GET /api/request-rate-weights': sec(),
    'PUT /api/request-rate-weights': {
      as: 'district',
      base: { body: { basicSatisfied: 0.8, response: 30, resolution: 35, satisfaction: 35 } },
    },
    'POST /api/requests': sec({
      body: {
        communityId: community,
        placeId: f.a.compound.id,
        householdId: f.a.householdIds[0],
        requesterName: '模糊诉求人',
        phone: '13700004444',
        categoryId: category,
        text: '模糊测试诉求',
        channel: 'walk_in',
        contactPreference: '下午',
        receivedAt: new Date().toISOString(),
      },
    }),
    'POST /api/requests/import-12345': sec({
      query: { communityId: community },
      multipart: {
        field: 'file',
        filename: '12345工单.xlsx',
        contentType: 'application/octet-stream',
        content: await hotlineWorkbook([
          ['FUZZ12345001', '2026-12-01 08:30', '模糊来电人', '13700006666', '模糊工单', '一般', '', '48小时'],
        ]),
      },
    }),
    'GET /api/requests': sec({
      query: { list: 'overdue', communityId: community, status: 'received', page: 1, pageSize: 20 },
    }),
    'GET /api/requests/staff': sec({ query: { communityId: community } }),
    'GET /api/requests/rates': sec({ query: { from: '2026-01-01', to: '2026-12-31', placeId: community } }),
    'GET /api/requests/ranking': sec({ query: { month, placeId: community } }),
    'GET /api/requests/ranking/export': sec({ query: { month, placeId: community } }),
    'GET /api/requests/:id': sec(id(request)),
    'POST /api/requests/:id/steps': sec({ ...id(request), body: { step: 'note', note: '备注' } }),
    'POST /api/requests/:id/exclusion': sec({ ...id(request), body: { reason: 'malicious', note: '恶意' } }),
    'POST /api/requests/:id/exclusion/decision': sec({
      ...id(pending),
      body: { approve: false, note: '驳回' },
    }),
    'POST /api/requests/:id/reveal': sec({ ...id(request), body: { reason: '回电' } }),
    'POST /api/requests/:id/link': sec(id(request)),
    'GET /api/public/posters/:token/request-form': anon({ params: { token: ids.poster.token } }),
    'POST /api/public/posters/:token/requests': anon({
      params: { token: ids.poster.token },
      body: {
        name: '模糊居民',
        phone: '13700005555',
        categoryId: category,
        text: '模糊诉求',
        contactPreference: '晚上',
      },
    }),
    'GET /api/public/requests/:token': anon({ params: { token: link } }),
    'POST /api/public/requests/:token/rating': anon({
      params: { token: link },
      body: { resolved: true, satisfaction: 'basic', note: '还行' },
    }),
  };
}
