// Searches by a whole ID or phone number: limited per account across instances, each one audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { gates } from '../places/places.table';

let t: TestApp;
let other: TestApp;
let f: Fixture;
const doc = syntheticId('19620415', true);
const phone = '13911112222';

beforeAll(async () => {
  // Two instances on one database, as behind a load balancer: the limit must be one count for both.
  [t, other] = await Promise.all([createTestApp(), createTestApp()]);
  f = await createFixture(t.services);
  const secretary = await login(t, f.a.usernames.community_secretary);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: secretary },
    payload: {
      householdId: f.a.householdIds[0],
      name: '周桂兰',
      docType: 'resident_id',
      docNumber: doc,
      phone,
      relationToHead: 'self',
      residenceType: 'registered',
    },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(async () => {
  await Promise.all([t.close(), other.close()]);
});

const search = (app: TestApp, cookie: string, q: string) =>
  app.app.inject({ method: 'GET', url: `/api/residents?q=${encodeURIComponent(q)}`, headers: { cookie } });

async function searchRows(accountName: string) {
  const { rows } = await t.services.database.pool.query(
    `select a.*, a.detail::text as detail_text from audit_log a join accounts c on c.id = a.account_id
     where c.username = $1 and a.action = 'search' order by a.id`,
    [accountName],
  );
  return rows as Array<Record<string, unknown> & { detail: Record<string, unknown>; detail_text: string }>;
}

describe('whole-number searches', () => {
  it('answers the 31st in ten minutes with 429, audits each one without the number, leaves names free', async () => {
    const username = f.a.usernames.social_worker;
    const cookie = await login(t, username);
    for (let i = 0; i < 30; i++) {
      const res = await search(t, cookie, i % 2 === 0 ? doc : phone);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((r: { name: string }) => r.name)).toEqual(['周桂兰']);
    }
    const refused = await search(t, cookie, doc);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('search_rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    expect(refused.json().error.message).toMatch(/每个账号每 10 分钟最多 30 次/);
    expect(refused.json().error.message).toMatch(/\d+ 分钟后再试/);
    // A name or a last-four search is not a whole-number search: still answered, not audited.
    expect((await search(t, cookie, '周桂')).statusCode).toBe(200);
    expect((await search(t, cookie, '2222')).statusCode).toBe(200);

    const rows = await searchRows(username);
    const done = rows.filter((r) => r.detail.refused === undefined);
    expect(done).toHaveLength(30);
    expect(done.map((r) => r.detail.kind)).toEqual(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 'id_number' : 'phone')),
    );
    for (const row of done) {
      expect(row).toMatchObject({ community_id: f.a.community.id, entity: 'resident' });
      expect(row.detail.matches).toBe(1);
    }
    // The one refusal is on record too, so the secretary sees someone ran into the limit.
    expect(rows.filter((r) => r.detail.refused === 'rate_limited')).toHaveLength(1);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(doc);
    expect(everything).not.toContain(phone);
  });

  it('audits a search that found nobody in the account’s own community', async () => {
    const username = f.a.usernames.volunteer;
    const cookie = await login(t, username);
    const res = await search(t, cookie, syntheticId('19990101'));
    expect(res.json().total).toBe(0);
    const [row] = await searchRows(username);
    expect(row).toMatchObject({ community_id: f.a.community.id, entity_id: null });
    expect(row?.detail).toEqual({ kind: 'id_number', matches: 0 });
  });

  it('keeps one count for an account across two instances on one database', async () => {
    const username = f.b.usernames.social_worker;
    const [onT, onOther] = [await login(t, username), await login(other, username)];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? search(t, onT, doc) : search(other, onOther, doc))),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(30).fill(200));
    expect((await search(other, onOther, phone)).statusCode).toBe(429);
    expect((await search(t, onT, phone)).statusCode).toBe(429);
    // Another account is not held back by this one.
    expect((await search(other, await login(other, f.b.usernames.community_secretary), doc)).statusCode).toBe(
      200,
    );
    // When the window has passed, the account may search again.
    await t.services.database.db.execute(
      sql`update rate_limits set window_start = window_start - interval '11 minutes'
          where key = ${`whole_number_search:account:${await accountId(username)}`}`,
    );
    expect((await search(other, onOther, doc)).statusCode).toBe(200);
  });
});

describe('the typed-ID lookup at a gate', () => {
  it('counts against the same limit as the registry search', async () => {
    const [gate] = await t.services.database.db
      .insert(gates)
      .values({ communityId: f.a.community.id, compoundId: f.a.compound.id, name: '北门' })
      .returning();
    const cookie = await login(t, f.a.usernames.community_secretary);
    const lookup = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/gate/lookup',
        headers: { cookie },
        payload: { gateId: gate?.id, docNumber: doc },
      });
    for (let i = 0; i < 15; i++) {
      expect((await lookup()).statusCode).toBe(200);
      expect((await search(t, cookie, doc)).statusCode).toBe(200);
    }
    const refused = await lookup();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('search_rate_limited');
    expect((await search(t, cookie, phone)).statusCode).toBe(429);
  });
});

async function accountId(username: string): Promise<number> {
  const { rows } = await t.services.database.pool.query('select id from accounts where username = $1', [
    username,
  ]);
  return rows[0].id;
}
