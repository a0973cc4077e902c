// The fuzz test's valid requests for observation (see fuzz-cases.ts): objects of its own, made here.

import { addDays } from '../../../shared/time/beijing';
import { syntheticId } from '../fixture';
import type { RouteCase } from './fuzz-cases';
import type { FuzzWorld } from './fuzz-world';

export async function observationCases(w: FuzzWorld): Promise<Record<string, RouteCase>> {
  const { f, today, call } = w;
  const community = f.a.community.id;
  let n = 0;
  const resident = async () => {
    n += 1;
    const made = await call('secretary', 'POST', '/api/residents', {
      householdId: f.a.householdIds[2],
      name: `模糊观察${'一二三四五六'[n]}`,
      docType: 'resident_id',
      docNumber: syntheticId(`1975030${n}`),
      relationToHead: 'other',
      residenceType: 'registered',
    });
    return made.resident.id as number;
  };
  const start = async () =>
    (
      await call('secretary', 'POST', '/api/observation/observations', {
        residentId: await resident(),
        kind: 'home',
        reason: 'returnee',
      })
    ).observation.id as number;
  const observation = await start();
  const toEnd = await start();
  // Its own for the new-link route: a new link withdraws the old one the public routes use.
  const relink = await start();
  const link = (await call('secretary', 'POST', `/api/observation/observations/${observation}/link`))
    .path as string;
  const token = link.split('/').pop() as string;
  await call('secretary', 'POST', '/api/observation/checkins', {
    observationId: observation,
    channel: 'phone',
    clientId: 'fuzzfever0001',
    temperature: 38,
    symptoms: [],
  });
  const alerts = await call('secretary', 'GET', `/api/observation/alerts?communityId=${community}`);
  const alert = alerts.items[0].id as number;
  const judged = await call('secretary', 'POST', '/api/observation/eligibility', {
    residentId: await resident(),
    answers: { ownRoom: false },
  });
  const fresh = await resident();
  const sec = (base: RouteCase['base'] = {}): RouteCase => ({ as: 'secretary', base });
  const id = (value: number) => ({ params: { id: value } });
  const reading = { clientId: 'fuzzreading01', temperature: 36.6, symptoms: ['cough'] };
  return {
    'GET /api/observation/board': sec({ query: { communityId: community } }),
    'GET /api/observation/summary': { as: 'district', base: {} },
    'GET /api/observation/observations': sec({ query: { communityId: community, filter: 'active' } }),
    'POST /api/observation/observations': sec({
      body: {
        residentId: fresh,
        kind: 'centralised',
        reason: 'close_contact',
        dayOne: addDays(today, -1),
        note: '模糊',
        site: '某酒店',
        siteRoom: '101',
      },
    }),
    'GET /api/observation/observations/:id': sec(id(observation)),
    'POST /api/observation/observations/:id/extend': sec({
      ...id(observation),
      body: { days: 1, reason: '复核' },
    }),
    'POST /api/observation/observations/:id/shorten': sec({
      ...id(observation),
      body: { plannedEnd: addDays(today, 10), reason: '阴性' },
    }),
    'POST /api/observation/observations/:id/end': sec({ ...id(toEnd), body: { reason: '期满' } }),
    'POST /api/observation/observations/:id/link': sec(id(relink)),
    'POST /api/observation/checkins': sec({
      body: {
        observationId: observation,
        channel: 'visit',
        ...reading,
        recordedAt: new Date().toISOString(),
      },
    }),
    'POST /api/observation/eligibility': sec({
      body: { residentId: fresh, answers: { ownRoom: true, ownBathroom: true, consent: true } },
    }),
    'GET /api/observation/alerts': sec({ query: { communityId: community } }),
    'POST /api/observation/alerts/:id/ack': sec(id(alert)),
    'GET /api/observation/tasks': sec({ query: { communityId: community, open: true } }),
    'POST /api/observation/tasks/:id/done': sec(id(judged.taskId as number)),
    'GET /api/observation/export': sec({ query: { communityId: community, includeEnded: true } }),
    'GET /api/observation/notices': sec({
      query: { communityId: community, notice: 'start', ids: [observation] },
    }),
    'GET /api/public/observation/:token': { as: 'anonymous', base: { params: { token } } },
    'POST /api/public/observation/:token/checkins': {
      as: 'anonymous',
      base: { params: { token }, body: { ...reading, clientId: 'fuzzselfread1' } },
    },
  };
}
