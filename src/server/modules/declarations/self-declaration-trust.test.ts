// Issue 11, defect 1: a poster QR and someone's ID number must not be enough to set their status.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticId } from '../../test/fixture';
import { passes } from '../access/access.table';
import { type AccessSetup, issueStartingPasses, setUpAccess } from '../access/access.test-setup';
import { STATE_TTL_MS } from '../access/pass-state-cache';

let s: AccessSetup;
let token: string;
const people: Record<
  'observed' | 'neighbour' | 'confirmer' | 'walker',
  { id: number; doc: string; name: string }
> = {} as never;

const NOTHING = {};
const CONTACT = { contactRiskAreaPeople: true, homeConditionsMet: true }; // → home observation
const FEVER = { temperature: 38.6, symptoms: ['fever'] }; // → referred to the clinic

beforeAll(async () => {
  s = await setUpAccess();
  const names = { observed: '观察甲', neighbour: '邻居乙', confirmer: '确认丁', walker: '散步戊' } as const;
  for (const [key, name] of Object.entries(names) as Array<[keyof typeof names, string]>) {
    const doc = syntheticId('19750505');
    const res = await s.call(s.secretary, 'POST', '/api/residents', {
      householdId: s.f.a.householdIds[1],
      name,
      docType: 'resident_id',
      docNumber: doc,
      relationToHead: 'other',
      residenceType: 'registered',
    });
    people[key] = { id: res.json().resident.id, doc, name };
  }
  // Per-resident passes for everyone above (and the household passes the access tests start from).
  await issueStartingPasses(s);
  const poster = await s.call(s.secretary, 'POST', '/api/posters', { placeId: s.f.a.compound.id });
  token = poster.json().poster.token;
});
afterAll(() => s.t.close());

const form = (person: { name: string; doc: string }, answers: Record<string, unknown>) => ({
  token,
  person: { name: person.name, docType: 'resident_id', docNumber: person.doc, phone: '13700001111' },
  address: { buildingId: s.f.a.buildings[0]?.id, entranceId: s.f.a.entrance.id, room: '102' },
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [],
  consent: true,
  clientId: randomUUID(),
  ...answers,
});
const submit = async (body: object) => {
  const res = await s.t.app.inject({ method: 'POST', url: '/api/public/declarations', payload: body });
  expect(res.statusCode).toBe(201);
  return res;
};
const staffDeclares = async (residentId: number, answers: Record<string, unknown>) => {
  const res = await s.call(s.secretary, 'POST', '/api/declarations', {
    residentId,
    channel: 'door_to_door',
    leftCity: false,
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    symptoms: [],
    ...answers,
  });
  expect(res.statusCode).toBe(201);
};
const statusOf = async (residentId: number) =>
  (await s.call(s.secretary, 'GET', `/api/residents/${residentId}/status`)).json();
const queueOf = async (residentId: number) =>
  (await s.call(s.secretary, 'GET', '/api/declaration-reviews?pageSize=200'))
    .json()
    .items.filter((i: { residentId: number }) => i.residentId === residentId);
const passOf = async (residentId: number) =>
  (await s.t.services.database.db.select().from(passes).where(eq(passes.residentId, residentId)))[0];
const gateOut = async (residentId: number) => {
  // Statuses reach online checks through the pass-state cache, at most a second old.
  await new Promise((r) => setTimeout(r, STATE_TTL_MS + 50));
  const pass = await passOf(residentId);
  const res = await s.call(s.guard, 'POST', '/api/gate/checks', {
    checks: [s.check({ token: pass?.token, direction: 'out' })],
  });
  const bundle = await s.call(s.guard, 'GET', `/api/gate/gates/${s.gateId}/offline`);
  return {
    verdict: res.json().results[0].verdict as string,
    listed: (bundle.json().mustNotGoOut as number[]).includes(pass?.number as number),
  };
};

describe('a resident’s own declaration never lowers what staff set', () => {
  it('an anonymous "nothing happened" does not lift a staff-set home observation; the gate still stops the pass', async () => {
    const { observed } = people;
    await staffDeclares(observed.id, CONTACT);
    expect((await statusOf(observed.id)).status.status).toBe('home_observation');
    expect(await gateOut(observed.id)).toEqual({ verdict: 'must_not_go_out', listed: true });

    const res = await submit(form(observed, NOTHING));
    // The receipt gives the advice the answers lead to, and nothing about the registry's record.
    expect(res.json().receipt.status).toBe('normal');
    expect(res.body).not.toContain('home_observation');
    expect(res.body).not.toContain('居家观察');

    const after = await statusOf(observed.id);
    expect(after.status.status).toBe('home_observation');
    expect(after.history).toHaveLength(1);
    expect(await gateOut(observed.id)).toEqual({ verdict: 'must_not_go_out', listed: true });
    const [held] = await queueOf(observed.id);
    expect(held).toMatchObject({
      currentStatus: 'home_observation',
      currentSource: 'staff',
      toStatus: 'normal',
      reasons: expect.arrayContaining(['would_lower']),
      typedName: null,
    });
  });

  it('holds for someone the form registered (unverified) too; they may still raise it, never step it back down', async () => {
    const self = { name: '自登丙', doc: syntheticId('19880808') };
    await submit(form(self, NOTHING));
    const residentId = (await s.call(s.secretary, 'GET', `/api/residents?q=${self.doc}`)).json().items[0]
      .id as number;
    await staffDeclares(residentId, CONTACT);

    await submit(form(self, NOTHING));
    expect((await statusOf(residentId)).status.status).toBe('home_observation');
    expect((await queueOf(residentId)).map((i: { reasons: string[] }) => i.reasons)).toEqual([
      ['would_lower'],
    ]);

    // A fever is worse news: it applies at once, as before, marked as the resident's own word…
    await submit(form(self, FEVER));
    const raised = await statusOf(residentId);
    expect(raised.status.status).toBe('referred_to_clinic');
    expect(raised.history[0]).toMatchObject({ toStatus: 'referred_to_clinic', cause: 'self_declaration' });
    // …and the status stays in staff's hands: the next "nothing" does not bring it down.
    await submit(form(self, NOTHING));
    expect((await statusOf(residentId)).status.status).toBe('referred_to_clinic');
    expect(await queueOf(residentId)).toHaveLength(2);
  });
});

describe('a healthy neighbour’s ID number with alarming answers', () => {
  it('does not put them under observation without staff, with or without their name', async () => {
    const { neighbour } = people;
    const right = await submit(form(neighbour, FEVER));
    expect(right.json().receipt).toMatchObject({
      status: 'referred_to_clinic',
      advice: { zh: expect.any(String) },
    });
    await submit(form({ ...neighbour, name: '陌生人' }, CONTACT));
    expect((await statusOf(neighbour.id)).status).toBeNull();
    expect(await gateOut(neighbour.id)).toEqual({ verdict: 'valid', listed: false });
    const held = await queueOf(neighbour.id);
    expect(held.map((i: { reasons: string[]; toStatus: string }) => [i.toStatus, i.reasons])).toEqual([
      ['referred_to_clinic', ['needs_confirmation']],
      ['home_observation', ['name_mismatch', 'needs_confirmation']],
    ]);
    expect(held[1]).toMatchObject({ name: '邻居乙', typedName: '陌生人' });
  });

  it('answers every receipt in the same words, so a stranger learns nothing about the record', async () => {
    const fresh = await submit(form({ name: '新来己', doc: syntheticId('19990909') }, NOTHING));
    const waiting = await submit(form(people.neighbour, NOTHING));
    const mismatch = await submit(form({ ...people.observed, name: '陌生人' }, NOTHING));
    const receipts = [fresh, waiting, mismatch].map((r) => r.json().receipt);
    for (const receipt of receipts) {
      expect(Object.keys(receipt).sort()).toEqual(Object.keys(receipts[0]).sort());
      expect(receipt).toMatchObject({ status: 'normal', notice: receipts[0].notice });
      expect(receipt.notice.zh).toContain('工作人员');
    }
    for (const r of [waiting, mismatch]) {
      expect(r.body).not.toContain('邻居乙');
      expect(r.body).not.toContain('观察甲');
      expect(r.body).not.toContain('home_observation');
    }
  });
});

describe('a verified person’s own change', () => {
  it('waits for staff; confirming applies it as staff’s, with the cause marked in the history', async () => {
    const { confirmer } = people;
    await submit(form(confirmer, CONTACT));
    expect((await statusOf(confirmer.id)).status).toBeNull();
    const [waiting] = await queueOf(confirmer.id);
    expect(waiting).toMatchObject({
      reasons: ['needs_confirmation'],
      currentStatus: null,
      toStatus: 'home_observation',
    });

    const url = `/api/declaration-reviews/${waiting.declarationId}/confirm`;
    const stale = await s.call(s.secretary, 'POST', url, { expectedStatus: 'normal' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('status_changed');
    const ok = await s.call(s.secretary, 'POST', url, { expectedStatus: null });
    expect(ok.statusCode).toBe(200);
    const after = await statusOf(confirmer.id);
    expect(after.status.status).toBe('home_observation');
    expect(after.history[0]).toMatchObject({
      toStatus: 'home_observation',
      cause: 'self_declaration_confirmed',
    });
    expect(after.history[0].reason.zh).toContain('居民自报');
    expect(await queueOf(confirmer.id)).toEqual([]);
    expect((await s.call(s.secretary, 'POST', url, {})).json().error.code).toBe('review_decided');
    const audit = await s.t.services.database.pool.query(
      `select detail->>'review' as review from audit_log where entity = 'declaration' and entity_id = $1
       and action = 'update'`,
      [waiting.declarationId],
    );
    expect(audit.rows).toEqual([{ review: 'confirmed' }]);
    // Confirmed means staff's: the resident's next "nothing happened" does not undo it.
    await submit(form(confirmer, NOTHING));
    expect((await statusOf(confirmer.id)).status.status).toBe('home_observation');
  });
});

describe('re-evaluation after the rules or risk areas change', () => {
  it('applies no held declaration and does not undo a gate referral', async () => {
    const { walker, neighbour, confirmer } = people;
    await staffDeclares(walker.id, NOTHING);
    const pass = await passOf(walker.id);
    const fever = await s.call(s.guard, 'POST', '/api/gate/checks', {
      checks: [s.check({ token: pass?.token, temperature: 38.2 })],
    });
    expect(fever.json().results[0]).toMatchObject({ fever: true });
    expect((await statusOf(walker.id)).status.status).toBe('referred_to_clinic');

    await s.t.services.declarations.reevaluate(
      { zh: '测试', en: 'test' },
      'risk_area_change',
      s.f.district.id,
    );
    expect((await statusOf(walker.id)).status.status).toBe('referred_to_clinic');
    // The neighbour's held fever and contact stay held (their "nothing" above set normal: no change).
    expect((await statusOf(neighbour.id)).status.status).toBe('normal');
    expect(await queueOf(neighbour.id)).toHaveLength(2);
    // The confirmer's newest declaration ("nothing", held) is not behind their status: still observed.
    expect((await statusOf(confirmer.id)).status.status).toBe('home_observation');
  });
});
