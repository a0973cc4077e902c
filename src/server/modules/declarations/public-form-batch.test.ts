import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretary: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PUBLIC_RATE_LIMIT: '1000' });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  token = (
    await t.app.inject({
      method: 'POST',
      url: '/api/posters',
      headers: { cookie: secretary },
      payload: { placeId: f.a.compound.id },
    })
  ).json().poster.token;
});
afterAll(() => t.close());

const body = (docNumber: string, room: string, extra: Record<string, unknown> = {}) => ({
  token,
  person: { name: `批量${room}`, docType: 'resident_id', docNumber, phone: '13700007777' },
  address: { buildingId: f.a.buildings[1]?.id, room },
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [],
  consent: true,
  clientId: randomUUID(),
  ...extra,
});

describe('many residents submitting at the same moment', () => {
  it('writes them together, each with its own answer, person, door, status, history and audit row', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => syntheticId(`197001${10 + i}`));
    const bodies = ids.map((id, i) =>
      body(id, `50${i % 3}`, i % 2 === 0 ? { temperature: 37.8 } : { temperature: 36.5 }),
    );
    // The same person twice in the same wave, and one submit the server must refuse on its own.
    bodies.push(body(ids[0] as string, '500', { temperature: 36.6 }));
    bodies.push(body(syntheticId('19700109'), '509', { returnDate: '2999-01-01', leftCity: true }));
    const answers = await Promise.all(
      bodies.map((payload) => t.app.inject({ method: 'POST', url: '/api/public/declarations', payload })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([...Array(11).fill(201), 400]);
    expect(answers[11]?.json().error.field).toBe('returnDate');
    const receipts = answers.slice(0, 11).map((a) => a.json().receipt);
    expect(receipts.slice(0, 10).map((r) => r.status)).toEqual(
      ids.map((_, i) => (i % 2 === 0 ? 'referred_to_clinic' : 'normal')),
    );
    expect(new Set(receipts.map((r) => r.receiptNo)).size).toBe(11);

    const { pool } = t.services.database;
    const people = await pool.query(
      `select r.id, r.verified, h.room, s.status,
         (select count(*)::int from declarations d where d.resident_id = r.id) as declarations,
         (select count(*)::int from status_history sh where sh.resident_id = r.id) as changes,
         (select count(*)::int from resident_moves m where m.resident_id = r.id) as moves
       from residents r join households h on h.id = r.household_id left join person_status s on s.resident_id = r.id
       where r.community_id = $1 and r.name like '批量%' order by r.id`,
      [f.a.community.id],
    );
    expect(people.rows).toHaveLength(10);
    expect(people.rows.every((p) => p.verified === false && p.moves === 1)).toBe(true);
    expect(new Set(people.rows.map((p) => p.room))).toEqual(new Set(['500', '501', '502']));
    // The first person declared twice, referred and normal: the later declaration sets the status. Which
    // one is later is the order they reached the batch (each submit does its own reads first, so two sent
    // at once may arrive either way round): the order of their declaration ids.
    const seqOf = (r: { receiptNo: string }) => Number(r.receiptNo.split('-')[1]);
    const [earlier, later] = [receipts[0], receipts[10]].sort((x, y) => seqOf(x) - seqOf(y));
    expect(new Set([earlier.status, later.status])).toEqual(new Set(['referred_to_clinic', 'normal']));
    const twice = people.rows.find((p) => p.declarations === 2);
    expect(twice).toMatchObject({ status: later.status, changes: 2 });
    // Its history is chained through both declarations in that order.
    const chain = await pool.query(
      'select from_status, to_status from status_history where resident_id = $1 order by id',
      [twice.id],
    );
    expect(chain.rows).toEqual([
      { from_status: null, to_status: earlier.status },
      { from_status: earlier.status, to_status: later.status },
    ]);
    const current = await pool.query(
      `select s.declaration_id = (select max(d.id) from declarations d where d.resident_id = s.resident_id) as newest
       from person_status s where s.resident_id = $1`,
      [twice.id],
    );
    expect(current.rows[0].newest).toBe(true);
    const doors = await pool.query(
      `select count(*)::int n from households where building_id = $1 and room in ('500', '501', '502')`,
      [f.a.buildings[1]?.id],
    );
    expect(doors.rows[0].n).toBe(3);
    // One audit row per declaration, each pointing at its own declaration and person.
    const audit = await pool.query(
      `select count(*)::int n, count(d.id)::int matched from audit_log a
       left join declarations d on d.id = a.entity_id and d.resident_id = (a.detail->>'residentId')::int
       where a.entity = 'declaration' and a.action = 'create' and a.community_id = $1`,
      [f.a.community.id],
    );
    expect(audit.rows[0]).toEqual({ n: 11, matched: 11 });
  });
});

// Only PostgreSQL runs two transactions at once; the embedded database serves one at a time.
describe.runIf(Boolean(process.env.DATABASE_URL))(
  'a door someone else is creating at that very moment',
  () => {
    it('takes the slow way: the person is registered at that door once, with one declaration', async () => {
      const { pool } = t.services.database;
      const buildingId = f.a.buildings[1]?.id;
      const docNumber = syntheticId('19800808');
      const other = await pool.connect();
      let answer: Awaited<ReturnType<typeof t.app.inject>>;
      try {
        const holder = (await other.query('select pg_backend_pid() as pid')).rows[0].pid;
        await other.query('begin');
        await other.query(
          `insert into households (community_id, building_id, room, notes) values ($1, $2, '7777', '别的办理')`,
          [f.a.community.id, buildingId],
        );
        const pending = t.app.inject({
          method: 'POST',
          url: '/api/public/declarations',
          payload: body(docNumber, '7777'),
        });
        // Wait until the batch statement is blocked on the door the other transaction holds.
        for (let i = 0; i < 200; i++) {
          const waiting = await pool.query(
            'select count(*)::int n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))',
            [holder],
          );
          if (waiting.rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await other.query('commit');
        answer = await pending;
      } finally {
        other.release();
      }
      expect(answer.statusCode).toBe(201);
      const people = await pool.query(
        `select h.room, h.notes, (select count(*)::int from declarations d where d.resident_id = r.id) as declarations
       from residents r join households h on h.id = r.household_id where r.name = '批量7777'`,
      );
      expect(people.rows).toEqual([{ room: '7777', notes: '别的办理', declarations: 1 }]);
    });
  },
);

describe('people already in the registry declaring on the form', () => {
  it('takes the phone they typed only when the registry has none and the name is theirs, in the same statement', async () => {
    const register = async (docNumber: string, phone?: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/residents',
        headers: { cookie: secretary },
        payload: {
          householdId: f.a.householdIds[2],
          name: '登记在册',
          docType: 'resident_id',
          docNumber,
          ...(phone ? { phone } : {}),
          relationToHead: 'other',
          residenceType: 'registered',
          tags: [],
        },
      });
      expect(res.statusCode).toBe(201);
      return res.json().resident.id as number;
    };
    const withoutPhone = syntheticId('19560303');
    const withPhone = syntheticId('19570404');
    const strangerTyped = syntheticId('19580505');
    const ids = [
      await register(withoutPhone),
      await register(withPhone, '13912345678'),
      await register(strangerTyped),
    ];
    const answers = await Promise.all([
      ...[withoutPhone, withPhone].map((docNumber) =>
        t.app.inject({
          method: 'POST',
          url: '/api/public/declarations',
          payload: {
            ...body(docNumber, '201'),
            person: { ...body(docNumber, '201').person, name: '登记 在册' },
          },
        }),
      ),
      // Someone else's name with this person's ID number: their phone must not land in the registry.
      t.app.inject({ method: 'POST', url: '/api/public/declarations', payload: body(strangerTyped, '201') }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const rows = await t.services.database.pool.query(
      'select id, phone_masked, phone_tail, version, verified from residents where id = any($1) order by id',
      [ids],
    );
    expect(rows.rows).toEqual([
      { id: ids[0], phone_masked: '137****7777', phone_tail: '7777', version: 2, verified: true },
      { id: ids[1], phone_masked: '139****5678', phone_tail: '5678', version: 1, verified: true },
      { id: ids[2], phone_masked: null, phone_tail: null, version: 1, verified: true },
    ]);
  });
});
