// DESIGN.md's privacy rule, tried the way an insider would: for generated valid numbers, every response
// the API gives about a resident, to every role that can read one, is searched for what narrows the
// number (mask, gender, birth date, age), and the numbers that fit are counted. At least 1,000 must fit.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  birthDateArb,
  foreignPermanentResidenceArb,
  type GeneratedId,
  residencePermitArb,
  residentIdArb,
} from '../../../shared/identity/test-arbitraries';
import { countIdCandidates, countPhoneCandidates } from '../../../shared/identity/test-rebuild';
import { beijingToday } from '../../../shared/time/beijing';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let campaignId: number;
const cookies: Record<string, string> = {};
/** The fewest candidates seen, per response shape (route and role). */
const least = new Map<string, number>();
const MIN = 1000;
const counted = new Map<string, number>();

type Generated = { id: string; birthDate: string; gender?: 'male' | 'female'; docType: string };

const mobileArb = fc.stringMatching(/^1[3-9]\d{9}$/);
const eighteenArb: fc.Arbitrary<Generated> = fc.oneof(
  residentIdArb.map((g: GeneratedId) => ({ ...g, docType: 'resident_id' })),
  residencePermitArb.map((g: GeneratedId) => ({ ...g, docType: 'hk_macao_tw_residence_permit' })),
  foreignPermanentResidenceArb.map((g: GeneratedId) => ({ ...g, docType: 'foreign_permanent_residence' })),
);
/** The 2004 permanent residence card: nationality, issuing place, YYMMDD, sequence; no gender digit. */
const oldCardArb: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.stringMatching(/^[A-Z]{3}$/),
    fc.stringMatching(/^\d{4}$/),
    birthDateArb,
    fc.stringMatching(/^\d{2}$/),
  )
  .map(([nation, place, birthDate, seq]) => ({
    id: `${nation}${place}${birthDate.replaceAll('-', '').slice(2)}${seq}`,
    birthDate,
    docType: 'foreign_permanent_residence',
  }));

beforeAll(async () => {
  // Every whole-number search of the run is one account's: the limit is not what this test is about.
  t = await createTestApp({ DASHU_SEARCH_RATE_LIMIT: '1000000' });
  f = await createFixture(t.services);
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-district`,
    displayName: '区级干部',
    password: FIXTURE_PASSWORD,
    role: 'district_officer',
    scopePlaceId: f.district.id,
  });
  const accounts = {
    secretary: f.a.usernames.community_secretary,
    social_worker: f.a.usernames.social_worker,
    volunteer: f.a.usernames.volunteer,
    subdistrict_officer: f.officer,
    district_officer: `${f.tag}-district`,
  };
  for (const [role, username] of Object.entries(accounts)) cookies[role] = await login(t, username);
  const started = await call('secretary', 'POST', '/api/campaigns', {
    communityId: f.a.community.id,
    name: '入户排查',
    kind: 'screening',
  });
  campaignId = started.json().campaign.id;
  const { rows } = await t.services.database.pool.query('select id from accounts where username = $1', [
    accounts.volunteer,
  ]);
  await call('secretary', 'POST', `/api/campaigns/${campaignId}/assignments`, {
    items: [{ buildingId: f.a.buildings[0]?.id, accountId: rows[0].id }],
  });
  // Nobody home at the door: the household goes on the phone queue, which lists its people too.
  const mine = (await call('volunteer', 'GET', `/api/campaigns/${campaignId}/my-households`)).json();
  const target = mine.items.find((i: { householdId: number }) => i.householdId === f.a.householdIds[0]);
  const visit = await call('volunteer', 'POST', `/api/campaigns/${campaignId}/visits`, {
    id: randomUUID(),
    targetId: target.id,
    outcome: 'nobody_home',
  });
  expect(visit.statusCode).toBe(201);
});
afterAll(async () => {
  // The figures the closing note asks for: the fewest candidates any response left.
  console.info(
    [...least]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([shape, n]) => `${n.toLocaleString('en')}\t${shape}`)
      .join('\n'),
  );
  await t.close();
});

function call(role: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[role] ?? '' },
    ...(payload ? { payload } : {}),
  });
}

/** Every object in a response that shows something of a person's number. */
function* shownPeople(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* shownPeople(item);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('docNumberMasked' in record || 'phoneMasked' in record) yield record;
    for (const child of Object.values(record)) yield* shownPeople(child);
  }
}

function note(shape: string, n: number) {
  least.set(shape, Math.min(least.get(shape) ?? Number.POSITIVE_INFINITY, n));
  expect(n, shape).toBeGreaterThanOrEqual(MIN);
}

/** What the attacker gets from one response body: the count of numbers that still fit. */
function attack(shape: string, body: string, person: Generated, phone: string) {
  const iso = person.birthDate;
  expect(body, `${shape} carries the number`).not.toContain(person.id);
  expect(body, `${shape} carries the phone`).not.toContain(phone);
  expect(body, `${shape} carries the birth date`).not.toContain(iso);
  expect(body, `${shape} carries the birth date`).not.toContain(iso.replaceAll('-', ''));
  const today = beijingToday();
  let seen = 0;
  for (const shown of shownPeople(JSON.parse(body))) {
    if (typeof shown.docNumberMasked === 'string' && shown.docNumberMasked.length === person.id.length) {
      seen++;
      const facts = {
        masked: shown.docNumberMasked,
        gender: shown.gender as Generated['gender'] | null,
        birthDate: shown.birthDate as string | null,
        birthYear: shown.birthYear as number | null,
        age: shown.age as number | null,
      };
      // Most responses show the same facts: each set is counted once.
      const key = JSON.stringify([facts, person.id, today]);
      const n = counted.get(key) ?? countIdCandidates(facts, { truth: person.id, today });
      counted.set(key, n);
      // Other people in the response (none here) would count as 0: only the generated one is looked at.
      if (n > 0) note(`${shape} · ${person.id.length === 18 ? '18-character number' : '2004 card'}`, n);
    }
    if (typeof shown.phoneMasked === 'string' && shown.phoneMasked.endsWith(phone.slice(-4))) {
      seen++;
      note(`${shape} · phone`, countPhoneCandidates(shown.phoneMasked));
    }
  }
  return seen;
}

const ROLES = ['secretary', 'social_worker', 'volunteer', 'subdistrict_officer', 'district_officer'];

async function tryEveryResponse(person: Generated, phone: string, serial: number) {
  const householdId = f.a.householdIds[0] as number;
  const name = `验证${serial}号`;
  const created = await call('secretary', 'POST', '/api/residents', {
    householdId,
    name,
    docType: person.docType,
    docNumber: person.id,
    // Typed as staff would (the 2004 card's number is not read for it): the worst case for the mask.
    birthDate: person.birthDate,
    phone,
    relationToHead: 'other',
    residenceType: 'registered',
  });
  expect(created.statusCode, created.body).toBe(201);
  const resident = created.json().resident;
  try {
    attack('POST /api/residents (secretary)', created.body, person, phone);
    const edited = await call('secretary', 'PATCH', `/api/residents/${resident.id}`, {
      version: resident.version,
      notes: '核对过',
    });
    attack('PATCH /api/residents/:id (secretary)', edited.body, person, phone);
    for (const role of ROLES) {
      const responses: Array<[string, string]> = [
        ['GET /api/residents?q=<name>', `/api/residents?q=${encodeURIComponent(name)}`],
        ['GET /api/residents?householdId', `/api/residents?householdId=${householdId}&pageSize=100`],
        ['GET /api/residents?q=<whole number>', `/api/residents?q=${person.id}`],
        ['GET /api/residents?q=<whole phone>', `/api/residents?q=${phone}`],
        ['GET /api/residents?q=<last four>', `/api/residents?q=${phone.slice(-4)}`],
        ['GET /api/residents/:id', `/api/residents/${resident.id}`],
        ['GET /api/households/:id', `/api/households/${householdId}`],
      ];
      for (const [shape, url] of responses) {
        const res = await call(role, 'GET', url);
        expect(res.statusCode, `${shape} as ${role}`).toBe(200);
        expect(attack(`${shape} (${role})`, res.body, person, phone), `${shape} as ${role}`).toBeGreaterThan(
          0,
        );
      }
    }
    const mine = await call('volunteer', 'GET', `/api/campaigns/${campaignId}/my-households`);
    expect(attack('GET /api/campaigns/:id/my-households (volunteer)', mine.body, person, phone)).toBe(1);
    const queue = await call('secretary', 'GET', `/api/campaigns/${campaignId}/queue`);
    expect(attack('GET /api/campaigns/:id/queue (secretary)', queue.body, person, phone)).toBe(1);
    for (const role of ['secretary', 'subdistrict_officer']) {
      const trail = await call(role, 'GET', '/api/audit?pageSize=100');
      attack(`GET /api/audit (${role})`, trail.body, person, phone);
    }
  } finally {
    // Shrinking may try the same number again; a community holds each number once.
    await t.services.database.pool.query('delete from residents where id = $1', [resident.id]);
  }
}

// Each run creates a resident and reads every response shape about them, as each role: 24 runs take ~5 s
// on an idle machine, and several times that on a loaded CI runner, so these get a minute or two.
const PROPERTY_TIMEOUT_MS = 120_000;

describe('no response lets anyone rebuild a number', () => {
  let serial = 0;
  it(
    '18-character numbers (resident ID, residence permit, 2023 permanent residence card)',
    async () => {
      await fc.assert(
        fc.asyncProperty(eighteenArb, mobileArb, (person, phone) =>
          tryEveryResponse(person, phone, serial++),
        ),
        { numRuns: 24 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'the 2004 permanent residence card, whose digits carry a birth date too',
    async () => {
      await fc.assert(
        fc.asyncProperty(oldCardArb, mobileArb, (person, phone) => tryEveryResponse(person, phone, serial++)),
        { numRuns: 8 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('a volunteer and a sub-district officer: search and detail leave ~16,000 numbers, not one', async () => {
    // The case: 110105 + 19491231 + a woman's sequence; the old answer (110105********002X beside
    // 1949-12-31) left exactly one number.
    const person: Generated = { id: '11010519491231002X', birthDate: '1949-12-31', docType: 'resident_id' };
    const created = await call('secretary', 'POST', '/api/residents', {
      householdId: f.a.householdIds[0],
      name: '王淑珍',
      docType: 'resident_id',
      docNumber: person.id,
      relationToHead: 'other',
      residenceType: 'registered',
    });
    const { id } = created.json().resident;
    try {
      for (const role of ['volunteer', 'subdistrict_officer']) {
        for (const url of [`/api/residents?q=${encodeURIComponent('王淑')}`, `/api/residents/${id}`]) {
          const body = (await call(role, 'GET', url)).body;
          expect(body).not.toContain('1949-12-31');
          const [shown] = [...shownPeople(JSON.parse(body))];
          expect(shown).toMatchObject({ docNumberMasked: '110105***********X', gender: 'female' });
          expect(shown?.birthDate).toBeNull();
          expect(shown?.age).toBeGreaterThanOrEqual(76);
          const today = beijingToday();
          const n = countIdCandidates(
            { masked: String(shown?.docNumberMasked), gender: 'female', age: Number(shown?.age) },
            { truth: person.id, today },
          );
          expect(n).toBeGreaterThan(15_000);
        }
      }
    } finally {
      await t.services.database.pool.query('delete from residents where id = $1', [id]);
    }
  });
});
