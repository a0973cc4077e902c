import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, FIXTURE_PASSWORD, type Fixture } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

// Defect 9 of issue 11: the lockout told which usernames exist (423 only for real ones), let anyone lock
// any staff account, and nothing limited one address. The tests pose as several addresses through a
// trusted proxy on loopback, as a real installation behind nginx would see them.
const ENV = {
  DASHU_LOCKOUT_ATTEMPTS: '3',
  DASHU_LOCKOUT_MINUTES: '15',
  DASHU_LOGIN_ADDRESS_LIMIT: '8',
  DASHU_TRUST_PROXY: 'loopback',
};
let t: TestApp;
let other: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp(ENV);
  // A second instance on the same database: the counters must hold across both.
  other = await createTestApp(ENV);
  f = await createFixture(t.services);
});
afterAll(async () => {
  await t.close();
  await other.close();
});

// Each test's addresses are its own, and unique to this run (the counters live in the shared database).
const run = Math.floor(Math.random() * 200) + 20;
const address = (n: number) => `10.${run}.${n}.1`;

async function attempt(from: string, username: string, password: string, app: TestApp = t) {
  const started = performance.now();
  const res = await app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': from },
    payload: { username, password },
  });
  return { status: res.statusCode, body: res.body, ms: performance.now() - started };
}

describe('sign-in limits', () => {
  it('answers an unknown username exactly as a real one, lockout included', async () => {
    const real = f.a.usernames.gate_guard;
    const unknown = `${f.tag}-no-such-guard`;
    const answers = async (username: string, from: string) => {
      const out: Array<{ status: number; body: string }> = [];
      for (let i = 0; i < 4; i++) {
        const { status, body } = await attempt(from, username, 'wrong-password');
        out.push({ status, body });
      }
      return out;
    };
    const forReal = await answers(real, address(1));
    const forUnknown = await answers(unknown, address(2));
    expect(forReal.map((a) => a.status)).toEqual([401, 401, 423, 423]);
    expect(forUnknown).toEqual(forReal);
  });

  it('spends the same password check on an unknown username (timing tells nothing)', async () => {
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Fresh addresses each time, so neither side is ever locked (a lock answers without checking).
      real.push((await attempt(address(10 + i), f.b.usernames.social_worker, 'wrong-password')).ms);
      unknown.push((await attempt(address(20 + i), `${f.tag}-nobody`, 'wrong-password')).ms);
    }
    const ratio = median(unknown) / median(real);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('locks the address that guessed, not the guard: she still signs in from her own phone', async () => {
    const guard = f.b.usernames.gate_guard;
    const attacker = address(30);
    for (const expected of [401, 401, 423])
      expect((await attempt(attacker, guard, 'guess')).status).toBe(expected);
    // Even the right password is refused from the attacker's address while it is locked…
    expect((await attempt(attacker, guard, FIXTURE_PASSWORD)).status).toBe(423);
    // …while the guard, elsewhere, signs in — on the other instance too.
    expect((await attempt(address(31), guard, FIXTURE_PASSWORD)).status).toBe(200);
    expect((await attempt(address(32), guard, FIXTURE_PASSWORD, other)).status).toBe(200);
  });

  it('limits failed sign-ins per address, whatever usernames are tried', async () => {
    const spray = address(40);
    for (let i = 0; i < 8; i++) expect((await attempt(spray, `${f.tag}-user${i}`, 'guess')).status).toBe(401);
    const after = await attempt(spray, f.a.usernames.social_worker, FIXTURE_PASSWORD);
    expect(after.status).toBe(429);
    expect(JSON.parse(after.body).error.code).toBe('rate_limited');
    // The other instance refuses it too; another address is not affected.
    expect((await attempt(spray, f.a.usernames.social_worker, FIXTURE_PASSWORD, other)).status).toBe(429);
    expect((await attempt(address(41), f.a.usernames.social_worker, FIXTURE_PASSWORD)).status).toBe(200);
  });

  it('counts one pair across instances', async () => {
    const target = f.a.usernames.volunteer;
    const from = address(50);
    expect((await attempt(from, target, 'guess', t)).status).toBe(401);
    expect((await attempt(from, target, 'guess', other)).status).toBe(401);
    expect((await attempt(from, target, 'guess', t)).status).toBe(423);
    expect((await attempt(from, target, FIXTURE_PASSWORD, other)).status).toBe(423);
  });

  it('tells a disabled account apart only to someone who knows its password', async () => {
    const username = f.b.usernames.volunteer;
    await t.services.database.pool.query('update accounts set disabled_at = now() where username = $1', [
      username,
    ]);
    const wrong = await attempt(address(60), username, 'guess');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('invalid_credentials');
    const right = await attempt(address(61), username, FIXTURE_PASSWORD);
    expect(right.status).toBe(403);
    expect(JSON.parse(right.body).error.code).toBe('account_disabled');
  });
});
