// Change notices on one instance (the embedded database's in-process path, and PostgreSQL's listener):
// triggers reach the caches without waiting for their lives to run out. Two instances: two-instances.test.ts.

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passes } from '../modules/access/access.table';
import { type AccessSetup, issueStartingPasses, setUpAccess } from '../modules/access/access.test-setup';
import { createPassStateCache, STATE_TTL_MS, STATUS_RELOAD_MS } from '../modules/access/pass-state-cache';
import { accounts, sessions } from '../modules/auth/auth.table';
import { recordStatusChange } from '../modules/status/status.service';
import { type Change, LISTENER_NAME } from './change-bus';

let setup: AccessSetup;
beforeAll(async () => {
  setup = await setUpAccess();
  await issueStartingPasses(setup);
});
afterAll(() => setup.t.close());

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('change bus', () => {
  it('is listening once the app is up, and hears triggers and published notices', async () => {
    const { changes, database } = setup.t.services;
    expect(changes.live).toBe(true);
    const heard: Change[] = [];
    changes.on('places', (c) => heard.push(c));
    changes.on('keys', (c) => heard.push(c));
    // A statement on places that changes nothing still says places may have changed.
    await database.pool.query('update places set name = name where id = -1');
    await changes.publish({ k: 'keys', kid: 42 });
    await settle();
    expect(heard).toContainEqual({ k: 'places' });
    expect(heard).toContainEqual({ k: 'keys', kid: 42 });
  });

  it('keeps the pass-state cache current without rereading the community', async () => {
    const { t, f } = setup;
    const { db } = t.services.database;
    const states = createPassStateCache(db, t.services.changes);
    const communityId = f.a.community.id;
    const first = await states.get(communityId);
    expect(states.loads).toBe(1);
    const active = [...first.values()].find((p) => p.status === 'active' && p.residentId === null);
    if (!active) throw new Error('no active pass');
    // Revoked behind the services' back (another instance, a script): the trigger's notice names it.
    await db
      .update(passes)
      .set({ status: 'revoked', revokedAt: new Date(), revokedReason: 'test' })
      .where(and(eq(passes.communityId, communityId), eq(passes.number, active.number)));
    await settle();
    const after = await states.get(communityId);
    expect(after.get(active.number)?.status).toBe('revoked');
    // One read of that pass alone, not the community again; nothing more while nothing changes.
    expect(states.loads).toBe(2);
    await states.get(communityId);
    await new Promise((r) => setTimeout(r, STATE_TTL_MS + 50));
    await states.get(communityId);
    expect(states.loads).toBe(2);
  });

  it('sees someone put under observation within a second', async () => {
    const { t, f, residentId } = setup;
    const { db } = t.services.database;
    const states = createPassStateCache(db, t.services.changes);
    const communityId = f.a.community.id;
    const own = [...(await states.get(communityId)).values()].find(
      (p) => p.residentId === residentId && p.status === 'active',
    );
    if (!own) throw new Error('no personal pass');
    expect(own.stayIn).toBe(false);
    // Whoever writes the status (a declaration, the gate, the status module), the table's trigger tells.
    const staffSets = (status: 'home_observation' | 'normal') =>
      recordStatusChange(db, {
        communityId,
        residentId,
        status,
        source: 'staff',
        cause: 'test',
        reason: { zh: '测试', en: 'test' },
      });
    await staffSets('home_observation');
    await new Promise((r) => setTimeout(r, STATUS_RELOAD_MS + 100));
    expect((await states.get(communityId)).get(own.number)?.stayIn).toBe(true);
    await staffSets('normal');
  });

  it('drops a session ended elsewhere at once, and an account disabled elsewhere', async () => {
    const { t, f } = setup;
    const { db } = t.services.database;
    const accountId = async (username: string) =>
      (await db.select().from(accounts).where(eq(accounts.username, username)))[0]?.id ?? -1;
    const cookie = await setup.call(setup.secretary, 'GET', '/api/auth/me');
    expect(cookie.statusCode).toBe(200);
    // Ended behind this instance's back: the row is deleted, the cached session must go with it.
    await db
      .delete(sessions)
      .where(eq(sessions.accountId, await accountId(f.a.usernames.community_secretary)));
    await settle();
    expect((await setup.call(setup.secretary, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const guard = await setup.call(setup.guard, 'GET', '/api/auth/me');
    expect(guard.statusCode).toBe(200);
    await db
      .update(accounts)
      .set({ disabledAt: new Date() })
      .where(eq(accounts.username, f.a.usernames.gate_guard));
    await settle();
    expect((await setup.call(setup.guard, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await db
      .update(accounts)
      .set({ disabledAt: null })
      .where(eq(accounts.username, f.a.usernames.gate_guard));
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'reopens a dropped listener and resyncs the caches (notices were missed meanwhile)',
    async () => {
      const { changes, database } = setup.t.services;
      let resyncs = 0;
      changes.onResync(() => resyncs++);
      const heard: Change[] = [];
      changes.on('keys', (c) => heard.push(c));
      // Every listener of the run is cut (other files' apps reconnect the same way).
      await database.pool.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${LISTENER_NAME}'`,
      );
      const until = Date.now() + 5_000;
      while (resyncs === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(resyncs).toBeGreaterThan(0);
      expect(changes.live).toBe(true);
      await changes.publish({ k: 'keys', kid: 43 });
      await settle();
      expect(heard).toContainEqual({ k: 'keys', kid: 43 });
    },
  );
});
