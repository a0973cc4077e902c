// Two app instances on one PostgreSQL (DESIGN.md's scale plan): what one changes, the other follows
// within a second. Skipped on the embedded database, which serves one instance.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, splitToken } from '../../shared/access';
import { addDays, beijingToday } from '../../shared/time/beijing';
import type { Actor } from '../http/actor';
import { passes } from '../modules/access/access.table';
import { gates } from '../modules/places/places.table';
import { createFixture, type Fixture, login } from './fixture';
import { createTestApp, type TestApp } from './test-app';

const onPostgres = Boolean(process.env.DATABASE_URL);
const PUBLIC_LIMIT = 6;

describe.skipIf(!onPostgres)('two instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let f: Fixture;
  let gateId: number;
  let secretaryA: string;
  let guardB: string;

  beforeAll(async () => {
    // Each has its own data directory; the signing keys are in a directory both see, as in production.
    // and one installation's public limits: counted together.
    const env = {
      DASHU_PASS_KEY_DIR: mkdtempSync(path.join(os.tmpdir(), 'dashu-keys-')),
      DASHU_RATE_LIMIT_NAMESPACE: `two-${randomUUID()}:`,
      DASHU_PUBLIC_RATE_LIMIT: String(PUBLIC_LIMIT),
    };
    a = await createTestApp(env);
    b = await createTestApp(env);
    f = await createFixture(a.services);
    const [gate] = await a.services.database.db
      .insert(gates)
      .values({ communityId: f.a.community.id, compoundId: f.a.compound.id, name: '南门' })
      .returning();
    gateId = gate?.id as number;
    secretaryA = await login(a, f.a.usernames.community_secretary);
    guardB = await login(b, f.a.usernames.gate_guard);
    const issued = await a.app.inject({
      method: 'POST',
      url: '/api/access/passes/issue',
      headers: { cookie: secretaryA },
      payload: { compoundId: f.a.compound.id, validUntil: addDays(beijingToday(), 30) },
    });
    expect(issued.statusCode).toBe(201);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const activePasses = () =>
    a.services.database.db
      .select()
      .from(passes)
      .where(and(eq(passes.communityId, f.a.community.id), eq(passes.status, 'active')));

  async function verdictAtB(token: string) {
    const res = await b.app.inject({
      method: 'POST',
      url: '/api/gate/checks',
      headers: { cookie: guardB },
      payload: {
        checks: [{ uuid: randomUUID(), gateId, checkedAt: new Date().toISOString(), direction: 'in', token }],
      },
    });
    expect(res.statusCode).toBe(200);
    return res.json().results[0].verdict as string;
  }

  /** Polls until `done` or a second has passed; answers how long it took. */
  async function within(ms: number, done: () => Promise<boolean>) {
    const start = Date.now();
    while (!(await done())) {
      if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - start;
  }

  it('a pass revoked on A is refused at B within a second', async () => {
    const [pass] = await activePasses();
    if (!pass) throw new Error('no pass');
    expect(await verdictAtB(pass.token)).toBe('valid');
    const revoked = await a.app.inject({
      method: 'POST',
      url: `/api/access/passes/${pass.id}/revoke`,
      headers: { cookie: secretaryA },
      payload: { reason: '丢失' },
    });
    expect(revoked.statusCode).toBe(204);
    const took = await within(1_000, async () => (await verdictAtB(pass.token)) !== 'valid');
    expect(took).toBeLessThan(1_000);
    expect(await verdictAtB(pass.token)).toBe('revoked');
  });

  it('after a key rotation on A, B accepts A’s new passes and signs with the new key', async () => {
    const root: Actor = {
      accountId: 0,
      username: 'root',
      displayName: 'root',
      role: 'district_officer',
      scope: { placeId: f.district.id, placePath: '/', communityIds: [], buildingIds: null },
      ip: '127.0.0.1',
      lang: 'zh',
    };
    const { kid, previous } = await a.services.passes.rotateKey(root);
    expect(kid).toBe(previous + 1);
    await within(1_000, async () => b.services.passes.publicKeys().some((k) => k.kid === kid && k.active));
    // A pass issued on A after the rotation (reissued under the new key) is accepted at B.
    const [old] = await activePasses();
    if (!old) throw new Error('no pass');
    const reissued = await a.app.inject({
      method: 'POST',
      url: `/api/access/passes/${old.id}/reissue`,
      headers: { cookie: secretaryA },
      payload: {},
    });
    expect(reissued.statusCode).toBe(201);
    const [fresh] = await a.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.id, reissued.json().id as number));
    if (!fresh) throw new Error('no reissued pass');
    expect(decodePayload(splitToken(fresh.token)?.payload as Uint8Array)?.kid).toBe(kid);
    expect(await verdictAtB(fresh.token)).toBe('valid');
    // B signs with the new key too: a pass reissued through B carries it.
    const secretaryB = await login(b, f.a.usernames.community_secretary);
    const [another] = (await activePasses()).filter((p) => p.id !== fresh.id);
    if (!another) throw new Error('no second pass');
    const atB = await b.app.inject({
      method: 'POST',
      url: `/api/access/passes/${another.id}/reissue`,
      headers: { cookie: secretaryB },
      payload: {},
    });
    expect(atB.statusCode).toBe(201);
    const [signedAtB] = await b.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.id, atB.json().id as number));
    expect(decodePayload(splitToken(signedAtB?.token ?? '')?.payload as Uint8Array)?.kid).toBe(kid);
    expect(await verdictAtB(signedAtB?.token ?? '')).toBe('valid');
  });

  it('a sign-out on A is refused at B', async () => {
    const cookie = await login(a, f.a.usernames.social_worker);
    const me = () => b.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    // B has the session in its cache now.
    expect((await me()).statusCode).toBe(200);
    const out = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBeLessThan(300);
    const took = await within(1_000, async () => (await me()).statusCode === 401);
    expect(took).toBeLessThan(1_000);
  });

  it('holds the public rate limit across both instances', async () => {
    // A link that does not exist still counts: the limit is what stops someone guessing links.
    const link = () => `/api/public/passes/${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const codes: number[] = [];
    for (let i = 0; i < PUBLIC_LIMIT + 2; i++) {
      const server = i % 2 === 0 ? a : b;
      codes.push((await server.app.inject({ method: 'GET', url: link() })).statusCode);
    }
    expect(codes.slice(0, PUBLIC_LIMIT).every((c) => c !== 429)).toBe(true);
    expect(codes.slice(PUBLIC_LIMIT)).toEqual([429, 429]);
  });
});
