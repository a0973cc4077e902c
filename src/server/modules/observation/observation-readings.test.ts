// Readings of the observation module: the personal link's life, slots claimed in a batch, the purge.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservationAnswer } from '../../../shared/observation/observation-responses';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { writeCheckins } from './observation-readings.repo';

let t: TestApp;
let f: Fixture;
let secretary: string;
let worker: string;
let n = 0;

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

async function resident(household = f.a.householdIds[0] as number) {
  n += 1;
  const res = await call(secretary, 'POST', '/api/residents', {
    householdId: household,
    name: `观察${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${n}`.replace(/\d/g, ''),
    docType: 'resident_id',
    docNumber: syntheticId(`1950030${(n % 9) + 1}`.slice(0, 8), n % 2 === 0),
    phone: '13600003333',
    relationToHead: 'other',
    residenceType: 'registered',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().resident.id as number;
}

async function start(residentId: number) {
  const res = await call(worker, 'POST', '/api/observation/observations', {
    residentId,
    kind: 'home',
    reason: 'returnee',
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as ObservationAnswer).observation;
}

const uid = () => randomUUID().replace(/-/g, '');

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  worker = await login(t, f.a.usernames.social_worker);
});
afterAll(async () => t?.close());

describe('observation readings', () => {
  it('a link stops at once when staff give a new one or end the observation; readings follow the end', async () => {
    const id = await resident();
    const o = await start(id);
    const linkOf = async () =>
      ((await call(worker, 'POST', `/api/observation/observations/${o.id}/link`)).json().path as string)
        .split('/')
        .pop() as string;
    const send = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/observation/${token}/checkins`,
        payload: { clientId: uid(), temperature: 36.5, symptoms: [] },
      });
    const first = await linkOf();
    // Readings sent together (one batch): one answers the slot, none is lost, nothing claims it twice.
    const together = await Promise.all([send(first), send(first), send(first)]);
    expect(together.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const { rows: claims } = await t.services.database.pool.query(
      `select c.id from observation_checkins c where c.observation_id = $1 and c.slot_id is not null
          and not exists (select 1 from observation_slots s where s.id = c.slot_id and s.checkin_id = c.id)`,
      [o.id],
    );
    expect(claims).toEqual([]);
    // Extended after the link was remembered: the next reading is kept until the new end + 30 days.
    await call(worker, 'POST', `/api/observation/observations/${o.id}/extend`, { days: 2, reason: '复核' });
    expect((await send(first)).statusCode).toBe(200);
    const { rows } = await t.services.database.pool.query<{ purge_after: string }>(
      'select purge_after::text from observation_checkins where observation_id = $1 order by id',
      [o.id],
    );
    expect(rows.map((r) => r.purge_after)).toEqual([
      ...Array(3).fill(addDays(o.plannedEnd, 30)),
      addDays(o.plannedEnd, 2 + 30),
    ]);
    const second = await linkOf();
    const refused = await send(first);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('observation_link_unknown');
    expect((await send(second)).statusCode).toBe(200);
    await call(worker, 'POST', `/api/observation/observations/${o.id}/end`, { reason: '解除' });
    expect((await send(second)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/observation/${second}` })).statusCode).toBe(
      404,
    );
  });

  it('two readings of one open slot in one statement: the earlier answers it, the other stays a reading', async () => {
    const o = await start(await resident());
    const pool = t.services.database.pool;
    // A slot open now (whatever the hour the test runs at).
    await pool.query(
      `insert into observation_slots (observation_id, community_id, day, part, opens_at, closes_at)
       values ($1, $2, $3, 'morning', now() - interval '1 hour', now() + interval '1 hour')
       on conflict (community_id, observation_id, day, part)
       do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at, state = 'due'`,
      [o.id, o.communityId, beijingToday()],
    );
    await pool.query(
      `delete from observation_slots where observation_id = $1 and day = $2 and part = 'afternoon'`,
      [o.id, beijingToday()],
    );
    const row = (clientId: string, at: Date) => ({
      observationId: o.id,
      communityId: o.communityId,
      token: null,
      clientId,
      channel: 'phone',
      readingCipher: t.services.vault.encrypt(JSON.stringify({ temperature: 36.5, symptoms: [] })),
      alarming: false,
      temperature: 36.5,
      recordedBy: null,
      recordedByName: null,
      recordedAt: at,
      day: beijingToday(),
    });
    const later = uid();
    const earlier = uid();
    const written = await writeCheckins(
      t.services.database.db,
      [row(later, new Date(Date.now() - 1_000)), row(earlier, new Date(Date.now() - 60_000))],
      30,
    );
    const byClient = new Map(written.map((w) => [w.clientId, w]));
    expect(byClient.get(earlier)).toMatchObject({ outcome: 'written', part: 'morning' });
    expect(byClient.get(later)).toMatchObject({ outcome: 'written', part: null });
    const { rows } = await pool.query(
      `select c.client_id, c.slot_id, s.checkin_id = c.id as claimed from observation_checkins c
         left join observation_slots s on s.id = c.slot_id where c.observation_id = $1`,
      [o.id],
    );
    expect(rows.filter((r) => r.slot_id !== null)).toEqual([
      expect.objectContaining({ client_id: earlier, claimed: true }),
    ]);
  });

  it('the purge deletes readings 30 days past the planned end, keeping the alert without its temperature', async () => {
    const old = await start(await resident());
    const kept = await start(await resident());
    const reading = (observationId: number) =>
      call(worker, 'POST', '/api/observation/checkins', {
        observationId,
        channel: 'phone',
        clientId: uid(),
        temperature: 38.1,
        symptoms: [],
      });
    expect((await reading(old.id)).statusCode).toBe(200);
    expect((await reading(kept.id)).statusCode).toBe(200);
    const pool = t.services.database.pool;
    // As if the first ended long ago; the second's reading is past its own date but its end was moved.
    await pool.query(
      `update observations set planned_end = current_date - 40, ended_at = now() where id = $1`,
      [old.id],
    );
    await pool.query(
      `update observation_checkins set purge_after = current_date - 10 where observation_id in ($1, $2)`,
      [old.id, kept.id],
    );
    expect(await t.services.observation.purgeReadings()).toBeGreaterThanOrEqual(1);
    const count = async (observationId: number) =>
      (
        await pool.query('select count(*)::int as n from observation_checkins where observation_id = $1', [
          observationId,
        ])
      ).rows[0].n;
    expect(await count(old.id)).toBe(0);
    expect(await count(kept.id)).toBe(1);
    const alerts = await pool.query('select temperature from observation_alerts where observation_id = $1', [
      old.id,
    ]);
    expect(alerts.rows).toEqual([{ temperature: null }]);
    expect(await t.services.observation.purgeReadings()).toBe(0);
  });
});
