// Scope probes: home and centralised observation (format: probes.ts).
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { type ProbeTable, publicRoute } from './probes';
import type { ProbeTargets } from './targets';

const clientId = () => `probe${Math.random().toString(36).slice(2, 14)}`;

export function observationProbes(c: ProbeTargets): ProbeTable {
  return {
    'GET /api/observation/board': () => ({
      method: 'GET',
      url: `/api/observation/board?communityId=${c.a.community}`,
    }),
    // The caller's own communities: B's for B, A's among the district officer's.
    'GET /api/observation/summary': () => ({
      method: 'GET',
      url: '/api/observation/summary',
      as: 'district',
    }),
    'GET /api/observation/observations': () => ({
      method: 'GET',
      url: `/api/observation/observations?communityId=${c.a.community}`,
    }),
    'POST /api/observation/observations': () => ({
      method: 'POST',
      url: '/api/observation/observations',
      payload: { residentId: c.observeResident, kind: 'centralised', reason: 'close_contact' },
    }),
    'GET /api/observation/observations/:id': () => ({
      method: 'GET',
      url: `/api/observation/observations/${c.observation}`,
    }),
    'POST /api/observation/observations/:id/extend': () => ({
      method: 'POST',
      url: `/api/observation/observations/${c.extendObservation}/extend`,
      payload: { days: 2, reason: '复核' },
    }),
    'POST /api/observation/observations/:id/shorten': () => ({
      method: 'POST',
      url: `/api/observation/observations/${c.shortenObservation}/shorten`,
      payload: { plannedEnd: addDays(beijingToday(), 5), reason: '核酸阴性' },
    }),
    'POST /api/observation/observations/:id/end': () => ({
      method: 'POST',
      url: `/api/observation/observations/${c.endObservation}/end`,
      payload: { reason: '期满' },
    }),
    'POST /api/observation/observations/:id/link': () => ({
      method: 'POST',
      url: `/api/observation/observations/${c.observation}/link`,
    }),
    'POST /api/observation/checkins': () => ({
      method: 'POST',
      url: '/api/observation/checkins',
      payload: {
        observationId: c.observation,
        channel: 'visit',
        clientId: clientId(),
        temperature: 36.5,
        symptoms: [],
      },
    }),
    'POST /api/observation/eligibility': () => ({
      method: 'POST',
      url: '/api/observation/eligibility',
      payload: { residentId: c.resident, answers: { ownRoom: true } },
    }),
    'GET /api/observation/alerts': () => ({
      method: 'GET',
      url: `/api/observation/alerts?communityId=${c.a.community}`,
    }),
    'POST /api/observation/alerts/:id/ack': () => ({
      method: 'POST',
      url: `/api/observation/alerts/${c.alert}/ack`,
    }),
    'GET /api/observation/tasks': () => ({
      method: 'GET',
      url: `/api/observation/tasks?communityId=${c.a.community}`,
    }),
    'POST /api/observation/tasks/:id/done': () => ({
      method: 'POST',
      url: `/api/observation/tasks/${c.task}/done`,
    }),
    'GET /api/observation/export': () => ({
      method: 'GET',
      url: `/api/observation/export?communityId=${c.a.community}`,
    }),
    'GET /api/observation/notices': () => ({
      method: 'GET',
      url: `/api/observation/notices?communityId=${c.a.community}&notice=start&filter=active`,
    }),
    'GET /api/public/observation/:token': publicRoute('the person’s random link token is the credential'),
    'POST /api/public/observation/:token/checkins': publicRoute(
      'the person’s random link token is the credential',
    ),
  };
}
