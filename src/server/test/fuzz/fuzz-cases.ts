// One valid request per route, and who sends it: the OpenAPI fuzz test changes one thing at a time from
// here. A route of the app without an entry fails the test, so a new route cannot escape the fuzz.

import { randomUUID } from 'node:crypto';
import { AUDIT_ACTIONS } from '../../../shared/audit/audit-actions';
import { RESIDENT_TAGS } from '../../../shared/people/people-enums';
import { addDays } from '../../../shared/time/beijing';
import { FIXTURE_PASSWORD, syntheticId } from '../fixture';
import { accessCases } from './fuzz-cases-access';
import { accountCases } from './fuzz-cases-accounts';
import { dashboardCases } from './fuzz-cases-dashboards';
import { helperCases } from './fuzz-cases-helpers';
import { observationCases } from './fuzz-cases-observation';
import { requestCases } from './fuzz-cases-requests';
import type { BaseRequest } from './fuzz-variants';
import { type FuzzWorld, riskAreaWorkbook, type Who } from './fuzz-world';

export interface RouteCase {
  as: Who | 'fresh-session';
  base: BaseRequest;
  /** Run after every other route: it changes what the others stand on (the signing key, every pass). */
  last?: boolean;
}

export async function routeCases(w: FuzzWorld): Promise<Record<string, RouteCase>> {
  const { f, ids, today } = w;
  const b1 = f.a.buildings[0] as { id: number };
  const b2 = f.a.buildings[1] as { id: number };
  const community = f.a.community.id;
  const compound = f.a.compound.id;
  const hour = 3_600_000;
  const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
  const answers = {
    leftCity: true,
    originRegion: '110101',
    returnDate: addDays(today, -2),
    transport: 'rail',
    transportNumber: 'G102',
    seat: '05车12F',
    riskRegionsVisited: ['110102'],
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    symptoms: ['cough'],
    temperature: 36.5,
    homeConditionsMet: true,
    companions: '无',
  };
  const csv = Buffer.from(await w.t.services.imports.template('csv'));
  const file = (filename: string, contentType: string, content: Buffer) => ({
    field: 'file',
    filename,
    contentType,
    content,
  });
  const anon = (base: BaseRequest = {}): RouteCase => ({ as: 'anonymous', base });
  const sec = (base: BaseRequest = {}): RouteCase => ({ as: 'secretary', base });
  const id = (value: number) => ({ params: { id: value } });
  const declarationQuery = {
    communityId: community,
    status: 'normal',
    channel: 'phone',
    buildingId: b1.id,
    origin: '11',
    from: iso(-48 * hour),
    to: iso(hour),
    page: 1,
    pageSize: 20,
  };
  return {
    'GET /api/docs': anon(),
    'HEAD /api/docs/': anon(),
    'GET /api/docs/static/index.html': anon(),
    'GET /api/docs/static/swagger-initializer.js': anon(),
    'GET /api/docs/json': anon(),
    'GET /api/docs/yaml': anon(),
    'GET /api/docs/static/*': anon({ params: { '*': 'index.css' } }),
    'GET /api/openapi.json': anon(),
    'GET /api/health': anon(),
    'POST /api/auth/login': anon({ body: { username: `${f.tag}-login`, password: FIXTURE_PASSWORD } }),
    'POST /api/auth/logout': { as: 'fresh-session', base: {} },
    'GET /api/auth/me': sec(),
    'GET /api/waiting': sec(),
    'POST /api/auth/password': {
      as: 'pw',
      base: { body: { currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD } },
    },
    'GET /api/settings/public-url': sec(),
    // Cleared, never set: the address is installation-wide and other test files share the database.
    'PUT /api/settings/public-url': { as: 'district', base: { body: { url: null } } },
    'GET /api/places/roots': sec(),
    'GET /api/places/policy': { as: 'district', base: {} },
    'GET /api/places/:id': sec(id(community)),
    'POST /api/places': sec({
      body: { parentId: compound, kind: 'building', name: '模糊楼', code: `t-${f.tag}-fz` },
    }),
    'PATCH /api/places/:id': sec({ ...id(b2.id), body: { name: '2号楼', notes: '南侧' } }),
    'GET /api/places/:id/households': sec({ ...id(b1.id), query: { page: 1, pageSize: 20 } }),
    'GET /api/residents': sec({
      query: {
        q: '模糊',
        communityId: community,
        householdId: f.a.householdIds[0] as number,
        tag: RESIDENT_TAGS[0],
        unverified: false,
        page: 1,
        pageSize: 20,
      },
    }),
    'GET /api/residents/:id': sec(id(ids.resident.id)),
    'POST /api/residents': sec({
      body: {
        householdId: f.a.householdIds[1],
        name: '模糊丙',
        gender: 'male',
        docType: 'resident_id',
        docNumber: syntheticId('19750505'),
        phone: '13700002222',
        birthDate: '1975-05-05',
        relationToHead: 'self',
        residenceType: 'registered',
        tags: [RESIDENT_TAGS[0]],
        notes: '备注',
      },
    }),
    'PATCH /api/residents/:id': sec({
      ...id(ids.resident.id),
      body: { version: ids.resident.version, notes: '备注' },
    }),
    'POST /api/residents/:id/move': sec({
      ...id(ids.mover.id),
      body: { householdId: f.a.householdIds[1], reason: '搬到隔壁', version: ids.mover.version },
    }),
    'POST /api/residents/:id/verify': sec({
      ...id(ids.resident.id),
      body: { version: ids.resident.version },
    }),
    'POST /api/residents/:id/reveal': sec({
      ...id(ids.resident.id),
      body: { field: 'phone', reason: '核实联系方式' },
    }),
    'GET /api/households/:id': sec(id(f.a.householdIds[0] as number)),
    'POST /api/households': sec({ body: { placeId: b2.id, room: '301', floor: 3, notes: '新装修' } }),
    'GET /api/communities/:id/organisations': sec(id(community)),
    'GET /api/communities/:id/party-branches': sec(id(community)),
    'GET /api/jobs': { as: 'district', base: { query: { communityId: community } } },
    'GET /api/audit/export': sec({
      query: { action: AUDIT_ACTIONS[0], residentId: ids.resident.id, placeId: community, from: iso(-hour) },
    }),
    'GET /api/audit': sec({
      query: {
        action: AUDIT_ACTIONS[0],
        entity: 'resident',
        entityId: ids.resident.id,
        accountId: ids.volunteerId,
        residentId: ids.resident.id,
        placeId: community,
        from: iso(-hour),
        to: iso(hour),
        page: 1,
        pageSize: 20,
      },
    }),
    'GET /api/imports/template': sec({ query: { format: 'csv' } }),
    'POST /api/imports': sec({
      query: { communityId: community },
      multipart: file('roster.csv', 'text/csv', csv),
    }),
    'GET /api/imports': sec({ query: { communityId: community } }),
    'GET /api/imports/:id': sec(id(ids.job)),
    'GET /api/imports/:id/rejected': sec(id(ids.job)),
    'GET /api/imports/:id/preview': sec(id(ids.previewJob)),
    'POST /api/imports/:id/confirm': sec({ ...id(ids.previewJob), body: { accept: [2] } }),
    'POST /api/imports/:id/discard': sec(id(ids.discardJob)),
    'POST /api/imports/:id/rejected': sec({
      ...id(ids.job),
      body: { reason: '核对未导入的行，改正后重新导入' },
    }),
    'GET /api/risk-areas': sec({ query: { history: true } }),
    'POST /api/risk-areas': {
      as: 'district',
      base: {
        body: {
          regionCode: '659903',
          regionName: '模糊测试区',
          level: 'low',
          validFrom: today,
          validTo: addDays(today, 1),
          note: '测试',
        },
      },
    },
    'POST /api/risk-areas/import': {
      as: 'district',
      base: { multipart: file('risk.xlsx', 'application/octet-stream', await riskAreaWorkbook('659904')) },
    },
    'PUT /api/risk-areas/:id': {
      as: 'district',
      base: {
        ...id(ids.risk),
        body: {
          regionCode: ids.riskCode,
          regionName: '模糊测试区',
          level: 'low',
          validFrom: today,
          validTo: null,
          note: null,
        },
      },
    },
    'DELETE /api/risk-areas/:id': { as: 'district', base: id(ids.riskToRetire) },
    'POST /api/declarations': sec({ body: { residentId: ids.resident.id, channel: 'phone', ...answers } }),
    'GET /api/declarations': sec({ query: declarationQuery }),
    'POST /api/declarations/:id/reveal': sec({ ...id(ids.declaration), body: { reason: '核实行程' } }),
    'GET /api/declarations/export': sec({ query: declarationQuery }),
    'GET /api/status-rules': sec(),
    'PUT /api/status-rules': {
      as: 'district',
      base: {
        body: { rules: ids.rules },
        // The rule set is installation-wide in this branch and a new one re-judges every resident of every
        // test file running beside this one: each accepted variant inside a rule would do that.
        notIntoUnknown:
          'rules are installation-wide: a variant accepted inside one re-judges every test file',
      },
    },
    'GET /api/status-changes': sec({ query: { since: iso(-hour) } }),
    'GET /api/residents/:id/status': sec(id(ids.resident.id)),
    'GET /api/form-versions': { as: 'district', base: {} },
    'POST /api/form-versions': {
      as: 'district',
      base: {
        body: {
          questions: [
            {
              key: 'q1',
              label: { zh: '近期去过哪里', en: 'Where have you been' },
              kind: 'text',
              required: false,
            },
          ],
        },
      },
    },
    'GET /api/form-versions/in-force': sec({ query: { communityId: community } }),
    'GET /api/campaigns': sec({ query: { communityId: community } }),
    'POST /api/campaigns': sec({
      body: {
        communityId: community,
        name: '模糊排查',
        kind: 'screening',
        placeIds: [b1.id],
        startsOn: today,
        endsOn: addDays(today, 7),
      },
    }),
    'GET /api/campaigns/mine': { as: 'volunteer', base: {} },
    'GET /api/campaigns/:id': sec(id(ids.screening)),
    'POST /api/campaigns/:id/close': sec(id(ids.toClose)),
    'GET /api/campaigns/:id/assignments': sec(id(ids.screening)),
    'POST /api/campaigns/:id/assignments': sec({
      ...id(ids.screening),
      body: {
        items: [{ buildingId: b1.id, entranceId: f.a.entrance.id, accountId: ids.volunteerId, team: '一组' }],
      },
    }),
    'DELETE /api/campaigns/:id/assignments/:assignmentId': sec({
      params: { id: ids.screening, assignmentId: ids.assignment },
    }),
    'GET /api/campaigns/:id/assignment-suggestion': sec({
      ...id(ids.screening),
      query: { accountIds: [ids.volunteerId, ids.workerId] },
    }),
    'GET /api/campaigns/:id/my-households': { as: 'volunteer', base: id(ids.screening) },
    'POST /api/campaigns/:id/visits': {
      as: 'volunteer',
      base: {
        ...id(ids.screening),
        body: {
          id: randomUUID(),
          targetId: ids.target,
          outcome: 'door',
          notes: '在家',
          visitedAt: iso(-hour),
          declarations: [{ residentId: ids.resident.id, ...answers }],
        },
      },
    },
    'GET /api/campaigns/:id/targets/:targetId/visits': {
      as: 'volunteer',
      base: { params: { id: ids.screening, targetId: ids.target } },
    },
    'GET /api/campaigns/:id/progress': sec({ ...id(ids.screening), query: { minAttempts: 3 } }),
    'GET /api/campaigns/:id/queue': sec({ ...id(ids.screening), query: { minAttempts: 1 } }),
    'GET /api/campaigns/:id/buildings': { as: 'volunteer', base: id(ids.governance) },
    'GET /api/campaigns/:id/targets/:targetId/entrances': {
      as: 'volunteer',
      base: { params: { id: ids.governance, targetId: ids.govTarget } },
    },
    'POST /api/campaigns/:id/checks': {
      as: 'volunteer',
      base: {
        ...id(ids.governance),
        body: {
          id: randomUUID(),
          targetId: ids.govTarget,
          results: ids.checklist.map((key) => ({ key, passed: key !== 'i1' })),
          notes: '已告知',
          checkedAt: iso(-hour),
          findings: [
            {
              itemKey: 'i1',
              entranceId: f.a.entrance.id,
              floor: 2,
              location: '楼梯口',
              description: '堆放纸箱',
              photoIds: [ids.photoForCheck],
              deadline: addDays(today, 3),
            },
          ],
        },
      },
    },
    'GET /api/campaigns/:id/findings': sec({
      ...id(ids.governance),
      query: { status: 'open', buildingId: b1.id },
    }),
    'POST /api/campaigns/:id/findings/:findingId/recheck': {
      as: 'volunteer',
      base: {
        params: { id: ids.governance, findingId: ids.finding },
        body: { result: 'not_fixed', notes: '还没清', photoIds: [ids.photo], deadline: addDays(today, 5) },
      },
    },
    'GET /api/campaigns/:id/summary': sec(id(ids.screening)),
    'GET /api/communities/:id/building-grid': sec(id(community)),
    'GET /api/buildings/:id/profile': sec(id(b1.id)),
    'POST /api/photos': {
      as: 'volunteer',
      base: {
        query: { communityId: community, purpose: 'campaign_finding' },
        multipart: file('p.jpg', 'image/jpeg', w.jpeg()),
      },
    },
    'GET /api/photos/:id': { as: 'volunteer', base: { params: { id: ids.photo } } },
    'GET /api/public/posters/:token': anon({ params: { token: ids.poster.token } }),
    'POST /api/public/declarations': anon({
      body: {
        token: ids.poster.token,
        person: {
          name: '模糊丁',
          gender: 'male',
          docType: 'resident_id',
          docNumber: ids.resident.docNumber,
          phone: '13700003333',
          birthDate: '1975-05-05',
        },
        address: { buildingId: b1.id, entranceId: f.a.entrance.id, room: '101' },
        ...answers,
        consent: true,
        clientId: randomUUID(),
      },
    }),
    'GET /api/declaration-reviews': sec({ query: { communityId: community } }),
    'POST /api/declaration-reviews/:id/confirm': sec({
      ...id(ids.reviewToConfirm),
      body: { correctName: false },
    }),
    'POST /api/declaration-reviews/:id/reject': sec({
      ...id(ids.reviewToReject),
      body: { reason: '不是本人填报' },
    }),
    'GET /api/posters': sec({ query: { communityId: community } }),
    'POST /api/posters': sec({ body: { placeId: compound } }),
    'DELETE /api/posters/:id': sec(id(ids.posterToRevoke.id)),
    ...accessCases(w),
    ...accountCases(w),
    ...dashboardCases(w),
    ...(await observationCases(w)),
    ...(await helperCases(w)),
    ...(await requestCases(w)),
    // The built web pages, when dist/web exists (npm run build): static files, no input but the path.
    'GET /': anon(),
    'GET /admin': anon(),
    'GET /admin/*': anon({ params: { '*': 'residents' } }),
    'GET /r/*': anon({ params: { '*': 'p/abc' } }),
    'GET /gate': anon(),
    'GET /gate/*': anon({ params: { '*': 'p/abc' } }),
  };
}
