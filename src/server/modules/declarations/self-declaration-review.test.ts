// Issue 11, defect 1: the review queue (who may decide, and how), client ids stored once, and the slow
// way of writing a public submit held to the same rules as a batch.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { PublicDeclarationInput } from './public-form.service';
import { submitWriting } from './public-form-writer';

let t: TestApp;
let f: Fixture;
let secretary: string;
let socialWorker: string;
let volunteer: string;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PUBLIC_RATE_LIMIT: '1000' });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  socialWorker = await login(t, f.a.usernames.social_worker);
  volunteer = await login(t, f.a.usernames.volunteer);
  const posterOf = async (cookie: string, placeId: number) =>
    (
      await t.app.inject({ method: 'POST', url: '/api/posters', headers: { cookie }, payload: { placeId } })
    ).json().poster.token as string;
  tokenA = await posterOf(secretary, f.a.compound.id);
  tokenB = await posterOf(await login(t, f.b.usernames.community_secretary), f.b.compound.id);
});
afterAll(() => t.close());

const form = (person: { name: string; doc: string }, extra: Record<string, unknown> = {}) =>
  ({
    token: tokenA,
    person: { name: person.name, docType: 'resident_id', docNumber: person.doc, phone: '13700002222' },
    address: { buildingId: f.a.buildings[1]?.id, room: '201' },
    leftCity: false,
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    symptoms: [],
    consent: true,
    clientId: randomUUID(),
    ...extra,
  }) as PublicDeclarationInput;
const submit = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/public/declarations', payload: body });
const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload });
const registered = async (name: string, phone?: string) => {
  const doc = syntheticId('19660101');
  const res = await call(secretary, 'POST', '/api/residents', {
    householdId: f.a.householdIds[2],
    name,
    docType: 'resident_id',
    docNumber: doc,
    ...(phone ? { phone } : {}),
    relationToHead: 'other',
    residenceType: 'registered',
  });
  return { id: res.json().resident.id as number, doc, name };
};
const queue = async (cookie = secretary) => (await call(cookie, 'GET', '/api/declaration-reviews')).json();
const rows = (sql: string, params: unknown[]) =>
  t.services.database.pool.query(sql, params).then((r) => r.rows);

describe('the review queue', () => {
  it('shows a wrong name beside the registry’s; staff reject it with a reason, or confirm and take the typed name', async () => {
    const wang = await registered('王建国');
    await submit(form({ ...wang, name: '王健国' }));
    await submit(form({ ...wang, name: '王 健国' }, { temperature: 38.1 }));
    const listed = (await queue()).items.filter((i: { residentId: number }) => i.residentId === wang.id);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      name: '王建国',
      typedName: '王健国',
      reasons: ['name_mismatch'],
      reasonLabels: [{ zh: '姓名与登记不符', en: expect.any(String) }],
      receiptNo: expect.stringMatching(/^\d{8}-\d{6}$/),
    });
    expect((await rows('select status from person_status where resident_id = $1', [wang.id])).length).toBe(0);

    const [first, second] = listed as Array<{ declarationId: number }>;
    const noReason = await call(
      secretary,
      'POST',
      `/api/declaration-reviews/${first?.declarationId}/reject`,
      {},
    );
    expect(noReason.statusCode).toBe(400);
    const rejected = await call(
      socialWorker,
      'POST',
      `/api/declaration-reviews/${first?.declarationId}/reject`,
      {
        reason: '电话核实非本人填报',
      },
    );
    expect(rejected.json().review).toMatchObject({ state: 'rejected' });
    expect(
      await rows(
        `select reason, detail->>'review' as review from audit_log where entity = 'declaration' and entity_id = $1 and action = 'update'`,
        [first?.declarationId],
      ),
    ).toEqual([{ reason: '电话核实非本人填报', review: 'rejected' }]);

    const confirmed = await call(
      secretary,
      'POST',
      `/api/declaration-reviews/${second?.declarationId}/confirm`,
      {
        correctName: true,
      },
    );
    expect(confirmed.json().review).toMatchObject({ state: 'confirmed', status: 'referred_to_clinic' });
    // The typed name as every form stores it (src/shared/people/person-name.ts): no space between Chinese characters.
    expect(await rows('select name, version from residents where id = $1', [wang.id])).toEqual([
      { name: '王健国', version: 2 },
    ]);
    expect(await rows('select status, source from person_status where resident_id = $1', [wang.id])).toEqual([
      { status: 'referred_to_clinic', source: 'staff' },
    ]);
    expect(
      await rows(
        `select detail from audit_log where entity = 'resident' and entity_id = $1 and action = 'update'`,
        [wang.id],
      ),
    ).toEqual([{ detail: { fields: ['name'], fromDeclaration: second?.declarationId } }]);
  });

  it('is for the community’s staff only: a volunteer neither sees nor decides', async () => {
    const li = await registered('李四');
    await submit(form({ ...li, name: '李五' }));
    const item = (await queue()).items.find((i: { residentId: number }) => i.residentId === li.id);
    expect((await call(volunteer, 'GET', '/api/declaration-reviews')).statusCode).toBe(403);
    const decide = { confirm: {}, reject: { reason: '志愿者试试' } };
    for (const [action, payload] of Object.entries(decide)) {
      const res = await call(
        volunteer,
        'POST',
        `/api/declaration-reviews/${item.declarationId}/${action}`,
        payload,
      );
      expect(res.statusCode).toBe(403);
    }
    expect((await queue(socialWorker)).items.map((i: { residentId: number }) => i.residentId)).toContain(
      li.id,
    );
    expect((await queue(await login(t, f.b.usernames.community_secretary))).total).toBe(0);
  });
});

describe('a client id', () => {
  it('is stored once per community: a double tap and a later re-send answer the first receipt', async () => {
    const body = form({ name: '孙双击', doc: syntheticId('19770707') });
    const answers = await Promise.all([submit(body), submit(body), submit(body)]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const receipts = new Set(answers.map((a) => a.json().receipt.receiptNo));
    expect(receipts.size).toBe(1);
    const again = await submit(body);
    expect(again.json().receipt.receiptNo).toBe([...receipts][0]);
    expect(
      await rows('select count(*)::int n from declarations where client_id = $1', [body.clientId]),
    ).toEqual([{ n: 1 }]);
    // The same id from another community's poster is another submit.
    const elsewhere = await submit({
      ...body,
      token: tokenB,
      address: { buildingId: f.b.buildings[1]?.id, room: '1' },
    });
    expect(elsewhere.json().receipt.receiptNo).not.toBe([...receipts][0]);
  });

  it('twice in one batch is one row, both answered with it', async () => {
    const body = form({ name: '周同批', doc: syntheticId('19780808') });
    const checked = await t.services.publicForm.prepare(body);
    const copy = await t.services.publicForm.prepare(body);
    const [one, two] = await submitWriting.writeSubmits(t.services.database.db, [checked, copy]);
    expect(one).toMatchObject({ repeat: false });
    expect(two).toMatchObject({ id: one?.id, repeat: true });
    expect(
      await rows('select count(*)::int n from declarations where client_id = $1', [body.clientId]),
    ).toEqual([{ n: 1 }]);
    expect((await submit(body)).json().receipt.receiptNo).toMatch(new RegExp(`-0*${one?.id}$`));
  });
});

describe('the slow way (one submit at a time, in a transaction)', () => {
  const slow = async (body: PublicDeclarationInput) => {
    const checked = await t.services.publicForm.prepare(body);
    return t.services.database.db.transaction((tx) =>
      submitWriting.writeOneByOne(tx, t.services.vault, checked),
    );
  };

  it('follows the same rules: a wrong name is held and its phone not taken, staff’s status is not lowered', async () => {
    const zhao = await registered('赵六');
    await slow(form({ ...zhao, name: '赵七' }, { temperature: 39 }));
    expect(await rows('select phone_hash, version from residents where id = $1', [zhao.id])).toEqual([
      { phone_hash: null, version: 1 },
    ]);
    expect(await rows('select count(*)::int n from person_status where resident_id = $1', [zhao.id])).toEqual(
      [{ n: 0 }],
    );
    await call(secretary, 'POST', '/api/declarations', {
      residentId: zhao.id,
      channel: 'phone',
      leftCity: false,
      contactConfirmedCase: false,
      contactRiskAreaPeople: true,
      homeConditionsMet: true,
      symptoms: [],
    });
    const body = form(zhao);
    const first = await slow(body);
    expect(await rows('select status, source from person_status where resident_id = $1', [zhao.id])).toEqual([
      { status: 'home_observation', source: 'staff' },
    ]);
    expect(
      await rows(
        'select reasons, typed_name from declaration_reviews where resident_id = $1 order by declaration_id',
        [zhao.id],
      ),
    ).toEqual([
      { reasons: ['name_mismatch', 'needs_confirmation'], typed_name: '赵七' },
      { reasons: ['needs_confirmation', 'would_lower'], typed_name: null },
    ]);
    // …and a client id already stored answers the first declaration there too.
    expect(await slow(body)).toMatchObject({ id: first.id, repeat: true });
  });
});
