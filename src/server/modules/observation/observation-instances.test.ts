// Two app instances on one PostgreSQL: a personal check-in link remembered on B stops working there as soon
// as A ends the observation or gives a new link. Skipped on the embedded database (one instance).

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservationAnswer } from '../../../shared/observation/observation-responses';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onPostgres)('observation links on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let f: Fixture;
  let workerA: string;
  let secretaryA: string;

  beforeAll(async () => {
    const env = { DASHU_RATE_LIMIT_NAMESPACE: `obs-two-${randomUUID()}:` };
    a = await createTestApp(env);
    b = await createTestApp(env);
    f = await createFixture(a.services);
    workerA = await login(a, f.a.usernames.social_worker);
    secretaryA = await login(a, f.a.usernames.community_secretary);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const post = (url: string, payload?: object) =>
    a.app.inject({ method: 'POST', url, headers: { cookie: workerA }, payload });

  let n = 0;
  async function startWithLink() {
    n += 1;
    const made = await a.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { cookie: secretaryA },
      payload: {
        householdId: f.a.householdIds[0],
        name: n === 1 ? '观察甲' : '观察乙',
        docType: 'resident_id',
        docNumber: syntheticId(`1970020${n}`, n % 2 === 0),
        phone: '13600004444',
        relationToHead: 'other',
        residenceType: 'registered',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const person = { id: made.json().resident.id as number };
    const started = await post('/api/observation/observations', {
      residentId: person.id,
      kind: 'home',
      reason: 'returnee',
    });
    expect(started.statusCode, started.body).toBe(201);
    const o = (started.json() as ObservationAnswer).observation;
    const link = await post(`/api/observation/observations/${o.id}/link`);
    return { id: o.id, token: (link.json().path as string).split('/').pop() as string };
  }

  const checkInAtB = async (token: string) =>
    (
      await b.app.inject({
        method: 'POST',
        url: `/api/public/observation/${token}/checkins`,
        payload: { clientId: randomUUID().replace(/-/g, ''), temperature: 36.5, symptoms: [] },
      })
    ).statusCode;

  /** Polls until `done` or `ms` have passed; answers how long it took. */
  async function within(ms: number, done: () => Promise<boolean>) {
    const start = Date.now();
    while (!(await done())) {
      if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - start;
  }

  it('a link of an observation ended on A is refused at B within a second', async () => {
    const o = await startWithLink();
    expect(await checkInAtB(o.token)).toBe(200);
    expect(await checkInAtB(o.token)).toBe(200); // now from B's memory
    const ended = await post(`/api/observation/observations/${o.id}/end`, { reason: '解除' });
    expect(ended.statusCode, ended.body).toBe(200);
    const took = await within(1_000, async () => (await checkInAtB(o.token)) === 404);
    expect(took).toBeLessThan(1_000);
    const { rows } = await a.services.database.pool.query(
      'select count(*)::int as n from observation_checkins where observation_id = $1',
      [o.id],
    );
    expect(rows[0].n).toBe(2);
  });

  it('a link replaced on A is refused at B, the new one taken', async () => {
    const o = await startWithLink();
    expect(await checkInAtB(o.token)).toBe(200);
    const fresh = await post(`/api/observation/observations/${o.id}/link`);
    const token = (fresh.json().path as string).split('/').pop() as string;
    await within(1_000, async () => (await checkInAtB(o.token)) === 404);
    expect(await checkInAtB(token)).toBe(200);
  });
});
