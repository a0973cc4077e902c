import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingInstant, beijingToday } from '../../../shared/time/beijing';
import { addResident, type City, createCity, declareFor, statusOf } from '../../test/city-fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { RETENTION_DAYS } from './declarations-writer';

let t: TestApp;
let c: City;
const today = beijingToday();
// 昆玉市: a region no other test file uses.
const REGION = '659009';

beforeAll(async () => {
  t = await createTestApp();
  c = await createCity(t);
});
afterAll(() => t.close());

describe('re-evaluation window', () => {
  it('starts at Beijing midnight of its first day, whatever the database session’s time zone', async () => {
    const where = c.haidian.local;
    const back = {
      leftCity: true,
      originRegion: REGION,
      returnDate: addDays(today, -3),
      transport: 'rail',
      transportNumber: 'G1',
    };
    const first = addDays(today, -RETENTION_DAYS);
    // 05:00 Beijing on the window's first day (21:00 UTC the day before): inside the window.
    const early = await addResident(t, where);
    // 23:00 Beijing the day before: outside.
    const before = await addResident(t, where);
    for (const id of [early, before]) expect(await declareFor(t, where, id, back)).toBe('normal');
    const move = (residentId: number, at: Date) =>
      t.services.database.pool.query('update declarations set declared_at = $1 where resident_id = $2', [
        at,
        residentId,
      ]);
    await move(early, beijingInstant(first, '05:00'));
    await move(before, beijingInstant(addDays(first, -1), '23:00'));

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/risk-areas',
      headers: { cookie: c.haidian.officer },
      payload: { regionCode: REGION, regionName: '昆玉市', level: 'high', validFrom: addDays(today, -30) },
    });
    expect(created.statusCode).toBe(201);
    expect((await statusOf(t, where, early)).status?.status).toBe('home_observation');
    expect((await statusOf(t, where, before)).status?.status).toBe('normal');
  });
});
