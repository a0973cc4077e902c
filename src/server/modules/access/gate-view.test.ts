// The console's gate view: checks per hour, fevers, refusals, visitors, and the anomalies it flags.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '../../../shared/time/beijing';
import { type Fixture, login } from '../../test/fixture';
import type { TestApp } from '../../test/test-app';
import { gates } from '../places/places.table';
import { passes } from './access.table';
import { type AccessSetup, issueStartingPasses, setUpAccess } from './access.test-setup';

let t: TestApp;
let f: Fixture;
let secretary: string;
let guard: string;
let gateId: number;
let call: AccessSetup['call'];
let check: AccessSetup['check'];
const today = beijingToday();

beforeAll(async () => {
  const setup = await setUpAccess();
  ({ t, f, secretary, guard, gateId, call, check } = setup);
  await issueStartingPasses(setup);
  // The day so far at the east gate: household passes in and out, one with a fever, and a typed unknown.
  // The newest pass (the resident's) is left out, so the test reads its anomalies alone.
  const rows = await t.services.database.db
    .select()
    .from(passes)
    .where(eq(passes.communityId, f.a.community.id));
  const household = rows.filter((r) => r.status === 'active' && r.residentId === null);
  const res = await call(guard, 'POST', '/api/gate/checks', {
    checks: [
      ...household.map((p) => check({ token: p.token })),
      ...household.map((p) => check({ token: p.token, direction: 'out' })),
      check({ passNumber: household[0]?.number, temperature: 37.3 }),
      check({ passNumber: 9999 }),
    ],
  });
  if (res.statusCode !== 200) throw new Error(`set-up: ${res.statusCode} ${res.body}`);
});
afterAll(() => t.close());

describe('gate view', () => {
  it('counts checks per hour, fevers, refusals, visitors, and flags a pass entering twice or at two gates in a minute', async () => {
    const [gate2] = await t.services.database.db
      .insert(gates)
      .values({ communityId: f.a.community.id, compoundId: f.a.compound.id, name: '西门' })
      .returning();
    const rows = await t.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.communityId, f.a.community.id));
    // The newest pass: not used by the set-up checks, so its passages are only these three.
    const pass = rows
      .filter((r) => r.status === 'active' && r.validUntil >= today)
      .sort((a, b) => b.number - a.number)[0] as (typeof rows)[number];
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    await call(guard, 'POST', '/api/gate/checks', {
      checks: [
        check({ token: pass.token, checkedAt: at(50_000), direction: 'in' }),
        check({ token: pass.token, checkedAt: at(40_000), direction: 'in' }),
        check({ token: pass.token, checkedAt: at(20_000), direction: 'out', gateId: gate2?.id }),
      ],
    });
    const view = (
      await call(secretary, 'GET', `/api/access/gate-view?communityId=${f.a.community.id}`)
    ).json();
    const mine = view.anomalies.filter((a: { passNumber: number }) => a.passNumber === pass.number);
    expect(mine.map((a: { kind: string }) => a.kind)).toEqual(['two_gates', 'double_entry']);
    const east = view.gates.find((g: { id: number }) => g.id === gateId);
    expect(east.checks).toBe(east.perHour.reduce((a: number, b: number) => a + b, 0));
    expect(east.checks).toBeGreaterThan(5);
    expect(east.fevers).toBeGreaterThanOrEqual(1);
    expect(view.passesIssued).toBeGreaterThan(0);
    expect(view.passesRevoked).toBeGreaterThanOrEqual(1);
    const spy = await login(t, f.b.usernames.community_secretary);
    expect((await call(spy, 'GET', `/api/access/gate-view?communityId=${f.a.community.id}`)).statusCode).toBe(
      404,
    );
  });
});
