// The fuzz test's valid requests for managing accounts (see fuzz-cases.ts): made within the secretary's
// own community; the managed account is made by fuzz-world.ts.

import type { RouteCase } from './fuzz-cases';
import type { FuzzWorld } from './fuzz-world';

export function accountCases(w: FuzzWorld): Record<string, RouteCase> {
  const { f, ids } = w;
  const community = f.a.community.id;
  const b1 = f.a.buildings[0] as { id: number };
  const sec = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'secretary', base });
  const id = (value: number) => ({ params: { id: value } });
  return {
    'POST /api/accounts': sec({
      body: {
        username: `${f.tag}-made`.toLowerCase(),
        displayName: '新志愿者',
        password: 'a-long-enough-password-1',
        role: 'volunteer',
        scopePlaceId: community,
        scopeBuildingIds: [b1.id],
      },
    }),
    'GET /api/accounts': sec({
      query: { role: 'volunteer', status: 'active', placeId: community, q: '模糊', page: 1, pageSize: 20 },
    }),
    'GET /api/accounts/:id': sec(id(ids.managedAccount)),
    'PATCH /api/accounts/:id': sec({
      ...id(ids.managedAccount),
      body: {
        displayName: '模糊志愿者',
        role: 'volunteer',
        scopePlaceId: community,
        scopeBuildingIds: [b1.id],
      },
    }),
    'POST /api/accounts/:id/disable': sec(id(ids.managedAccount)),
    'POST /api/accounts/:id/enable': sec(id(ids.managedAccount)),
    'POST /api/accounts/:id/reset-password': sec(id(ids.managedAccount)),
  };
}
