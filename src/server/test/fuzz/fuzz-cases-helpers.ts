// The fuzz test's valid requests for helpers, coverage, care and hours (see fuzz-cases.ts): the objects they
// name are made here, through the API, as the secretary of community A.

import { randomUUID } from 'node:crypto';
import type { RouteCase } from './fuzz-cases';
import type { FuzzWorld } from './fuzz-world';

export async function helperCases(w: FuzzWorld): Promise<Record<string, RouteCase>> {
  const { f, ids, call } = w;
  const community = f.a.community.id;
  const b1 = f.a.buildings[0] as { id: number };
  const sec = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'secretary', base });
  const id = (value: number) => ({ params: { id: value } });
  const helper = (
    await call('secretary', 'POST', '/api/helpers', { communityId: community, name: '模糊志愿者' })
  ).helper.id as number;
  const assignment = (
    await call('secretary', 'POST', '/api/helpers/coverage/assignments', {
      buildingId: b1.id,
      role: 'party_contact',
      helperId: helper,
    })
  ).assignment.id as number;
  const task = async () =>
    (await call('secretary', 'POST', '/api/care/tasks', { residentId: ids.resident.id, kind: 'groceries' }))
      .task.id as number;
  const entry = (
    await call('secretary', 'POST', '/api/helpers/hours', {
      helperId: helper,
      workedOn: '2026-01-05',
      minutes: 60,
    })
  ).entry.id as number;
  return {
    'GET /api/helpers': sec({ query: { communityId: community } }),
    'POST /api/helpers': sec({
      body: {
        communityId: community,
        name: '模糊党员',
        phone: '13700002222',
        teams: ['party_service'],
        skills: ['理发'],
        availability: '周末',
        verified: true,
        partyKind: 'in_service',
        employerPartyOrg: '某单位党委',
        reportedOn: '2026-01-02',
      },
    }),
    'PATCH /api/helpers/:id': sec({ ...id(helper), body: { verified: true, availability: '晚上' } }),
    'GET /api/helpers/coverage': sec({ query: { communityId: community } }),
    'PUT /api/helpers/coverage/settings': sec({
      body: { communityId: community, required: { party_contact: 1, building_lead: 1, volunteer: 1 } },
    }),
    'POST /api/helpers/coverage/assignments': sec({
      body: { buildingId: b1.id, role: 'volunteer', helperId: helper },
    }),
    'DELETE /api/helpers/coverage/assignments/:id': sec(id(assignment)),
    'GET /api/helpers/coverage/rollup': { as: 'officer', base: { query: { placeId: f.subdistrict.id } } },
    'GET /api/helpers/hours': sec({ query: { communityId: community, month: '2026-01' } }),
    'POST /api/helpers/hours': sec({
      body: { helperId: helper, workedOn: '2026-01-06', minutes: 30, note: '清扫楼道' },
    }),
    'POST /api/helpers/hours/:id/decide': sec({ ...id(entry), body: { approve: true } }),
    'GET /api/care/needs': sec({ query: { communityId: community, overdue: true } }),
    'PUT /api/care/needs': sec({
      body: { residentId: ids.resident.id, tags: ['elderly_alone'], contactEveryDays: 7, notes: '独居' },
    }),
    'GET /api/care/tasks': sec({ query: { communityId: community, status: 'offered' } }),
    'POST /api/care/tasks': sec({ body: { residentId: ids.resident.id, kind: 'medicine', what: '降压药' } }),
    'GET /api/care/tasks/mine': { as: 'volunteer', base: {} },
    'POST /api/care/tasks/:id/accept': sec({ ...id(await task()), body: { helperId: helper } }),
    'POST /api/care/tasks/:id/decline': sec({ ...id(await task()), body: { helperId: helper } }),
    'POST /api/care/tasks/:id/complete': sec({
      ...id(await task()),
      body: {
        clientId: randomUUID(),
        outcome: 'delivered',
        minutes: 20,
        notes: '已送到',
        doneAt: new Date().toISOString(),
      },
    }),
  };
}
