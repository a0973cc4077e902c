// The fuzz test's valid requests for passes, gates, gate checks and duty (see fuzz-cases.ts).

import { randomUUID } from 'node:crypto';
import { addDays } from '../../../shared/time/beijing';
import type { RouteCase } from './fuzz-cases';
import type { FuzzWorld } from './fuzz-world';

export function accessCases(w: FuzzWorld): Record<string, RouteCase> {
  const { f, ids, today } = w;
  const community = f.a.community.id;
  const compound = f.a.compound.id;
  const hour = 3_600_000;
  const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
  const anon = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'anonymous', base });
  const sec = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'secretary', base });
  const id = (value: number) => ({ params: { id: value } });
  return {
    'GET /api/access/keys': anon(),
    // The key lives in this app's own data directory (test-app.ts), so rotating it touches no other test.
    'POST /api/access/keys/rotate': { as: 'district', base: {}, last: true },
    'GET /api/access/settings': sec({ query: { communityId: community } }),
    'PUT /api/access/settings': sec({ body: { communityId: community, passHolder: 'resident' } }),
    'POST /api/access/passes/issue': sec({ body: { compoundId: compound, validUntil: addDays(today, 30) } }),
    'GET /api/access/passes': sec({
      query: {
        communityId: community,
        compoundId: compound,
        status: 'active',
        number: ids.pass.number,
        page: 1,
        pageSize: 20,
      },
    }),
    'GET /api/access/passes/print': sec({ query: { compoundId: compound, status: 'active', limit: 5 } }),
    'POST /api/access/passes/:id/revoke': sec({ ...id(ids.passToRevoke.id), body: { reason: '遗失补办' } }),
    'POST /api/access/passes/:id/reissue': sec({
      ...id(ids.passToReissue.id),
      body: { validUntil: addDays(today, 20) },
    }),
    'POST /api/access/passes/reissue-old-keys': { ...sec({ body: { communityId: community } }), last: true },
    'POST /api/access/passes/:id/link': sec(id(ids.pass.id)),
    'DELETE /api/access/passes/:id/link': sec(id(ids.pass.id)),
    'GET /api/public/passes/:token': anon({ params: { token: ids.link } }),
    'GET /api/access/compounds': sec(),
    'GET /api/access/gates': sec(),
    'POST /api/access/gates': sec({
      body: { compoundId: compound, name: '模糊北门', vehiclesAllowed: false, openingHours: '06:00-22:00' },
    }),
    'PATCH /api/access/gates/:id': sec({
      ...id(ids.gate),
      body: { name: '模糊门', vehiclesAllowed: true, openingHours: null },
    }),
    'GET /api/gate/gates': { as: 'guard', base: {} },
    'GET /api/gate/gates/:id/offline': { as: 'guard', base: id(ids.gate) },
    'POST /api/gate/checks': {
      as: 'guard',
      base: {
        body: {
          checks: [
            {
              uuid: randomUUID(),
              gateId: ids.gate,
              checkedAt: iso(-60_000),
              direction: 'in',
              token: ids.token,
              passNumber: ids.pass.number,
              temperature: 36.5,
              idChecked: true,
              plate: '京A12345',
              trunkChecked: true,
              refused: false,
              refusalReason: null,
              offline: true,
            },
          ],
        },
      },
    },
    'GET /api/access/checks': sec({ query: { gateId: ids.gate, day: today, limit: 10 } }),
    'POST /api/gate/visitors': {
      as: 'guard',
      base: {
        body: {
          gateId: ids.gate,
          name: '访客甲',
          phone: '13900001111',
          reason: '探亲',
          visiting: '1号楼101',
          temperature: 36.4,
          plate: '京B54321',
        },
      },
    },
    'GET /api/access/gate-view': sec({ query: { communityId: community, day: today } }),
    'POST /api/gate/lookup': {
      as: 'guard',
      base: { body: { gateId: ids.gate, docNumber: ids.resident.docNumber } },
    },
    'GET /api/access/shifts': sec({ query: { gateId: ids.gate, from: today, to: addDays(today, 6) } }),
    'GET /api/access/shifts/accounts': sec({ query: { gateId: ids.gate } }),
    'POST /api/access/shifts': sec({
      body: {
        gateId: ids.gate,
        accountId: ids.guardId,
        note: '早班',
        shifts: [{ startsAt: iso(50 * hour), endsAt: iso(52 * hour) }],
      },
    }),
    'DELETE /api/access/shifts/:id': sec(id(ids.shiftToDelete)),
    'POST /api/gate/check-in': { as: 'guard', base: { body: { gateId: ids.gate } } },
    'GET /api/access/inspections': sec({ query: { gateId: ids.gate, limit: 10 } }),
    'POST /api/access/inspections': sec({
      body: {
        gateId: ids.gate,
        inspectedAt: iso(-hour),
        staffed: true,
        thermometerOk: true,
        logComplete: false,
        visitorsRegistered: true,
        notes: '登记簿缺页',
        photoId: null,
      },
    }),
    'DELETE /api/access/inspections/:id': sec(id(ids.inspectionToDelete)),
  };
}
