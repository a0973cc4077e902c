// Gate checks: verdicts, resends, observation, fevers, the typed-ID lookup and other communities' guards.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, splitToken } from '../../../shared/access';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { type Fixture, syntheticId } from '../../test/fixture';
import type { TestApp } from '../../test/test-app';
import { recordStatusChange } from '../status/status.service';
import { gateChecks, gateReferrals, passes } from './access.table';
import { type AccessSetup, issueStartingPasses, setUpAccess } from './access.test-setup';
import { STATE_TTL_MS } from './pass-state-cache';

let t: TestApp;
let f: Fixture;
let secretary: string;
let guard: string;
let guardB: string;
let gateId: number;
let residentId: number;
let call: AccessSetup['call'];
let check: AccessSetup['check'];
const today = beijingToday();

beforeAll(async () => {
  const setup = await setUpAccess();
  ({ t, f, secretary, guard, guardB, gateId, residentId, call, check } = setup);
  await issueStartingPasses(setup);
});
afterAll(() => t.close());

describe('gate checks', () => {
  async function activeToken() {
    const [row] = await t.services.database.db.select().from(passes).where(eq(passes.status, 'active'));
    const rows = await t.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.communityId, f.a.community.id));
    return rows.find((r) => r.status === 'active' && r.residentId === null) ?? (row as (typeof rows)[number]);
  }

  it('verifies a token, records the check once however often it is sent', async () => {
    const pass = await activeToken();
    const one = check({ token: pass.token, temperature: 36.5, idChecked: true });
    const first = await call(guard, 'POST', '/api/gate/checks', { checks: [one] });
    expect(first.statusCode).toBe(200);
    expect(first.json().results[0]).toMatchObject({
      verdict: 'valid',
      stored: true,
      passNumber: pass.number,
    });
    const resend = await call(guard, 'POST', '/api/gate/checks', {
      checks: [one, check({ passNumber: pass.number })],
    });
    expect(resend.json().results.map((r: { stored: boolean }) => r.stored)).toEqual([false, true]);
    const rows = await t.services.database.db.select().from(gateChecks).where(eq(gateChecks.uuid, one.uuid));
    expect(rows).toHaveLength(1);
    const log = await call(secretary, 'GET', `/api/access/checks?gateId=${gateId}`);
    expect(log.json().items.filter((c: { uuid: string }) => c.uuid === one.uuid)).toHaveLength(1);
    expect(rows[0]).toMatchObject({ temperature: 36.5, idChecked: true, verdict: 'valid' });
  });

  it('refuses revoked, reissued, expired, forged and typed-unknown passes', async () => {
    const rows = await t.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.communityId, f.a.community.id));
    const revoked = rows.find((r) => r.status === 'revoked');
    const reissued = rows.find((r) => r.status === 'reissued');
    const valid = rows.find((r) => r.status === 'active');
    const bytes = Buffer.from(valid?.token as string, 'base64url');
    bytes[5] = (bytes[5] as number) ^ 1;
    const expiredPass = rows.find((r) => r.status === 'active' && r.id !== valid?.id);
    await t.services.database.db
      .update(passes)
      .set({ validUntil: addDays(today, -1) })
      .where(eq(passes.id, expiredPass?.id as number));
    // Changed behind the service's back (time passing): seen once the pass-state cache's second is up.
    await new Promise((r) => setTimeout(r, STATE_TTL_MS + 50));
    const res = await call(guard, 'POST', '/api/gate/checks', {
      checks: [
        check({ token: revoked?.token }),
        check({ token: reissued?.token }),
        check({ token: bytes.toString('base64url') }),
        check({ passNumber: 9999 }),
        check({ passNumber: expiredPass?.number }),
      ],
    });
    expect(res.json().results.map((r: { verdict: string }) => r.verdict)).toEqual([
      'revoked',
      'revoked',
      'unknown',
      // A typed number no pass has is a typo to check, not a forgery.
      'not_found',
      'expired',
    ]);
  });

  it('stops a person under observation going out, lets them come home, and lists only numbers', async () => {
    const [own] = await t.services.database.db.select().from(passes).where(eq(passes.residentId, residentId));
    await recordStatusChange(t.services.database.db, {
      residentId,
      communityId: f.a.community.id,
      status: 'home_observation',
      source: 'staff',
      cause: 'declaration',
      reason: { zh: '测试', en: 'test' },
    });
    // Observation comes from declarations, not from a pass change: online checks see it within the
    // pass-state cache's second (pass-state-cache.ts).
    await new Promise((r) => setTimeout(r, STATE_TTL_MS + 50));
    const res = await call(guard, 'POST', '/api/gate/checks', {
      checks: [check({ token: own?.token, direction: 'out' }), check({ token: own?.token, direction: 'in' })],
    });
    expect(res.json().results.map((r: { verdict: string }) => r.verdict)).toEqual([
      'must_not_go_out',
      'valid',
    ]);
    const bundle = await call(guard, 'GET', `/api/gate/gates/${gateId}/offline`);
    expect(bundle.json().mustNotGoOut).toContain(own?.number);
    expect(bundle.json().revoked.length).toBe(2);
    expect(bundle.body).not.toContain('门岗甲');
  });

  it('a fever starts a referral and refers a known person to the clinic', async () => {
    const [own] = await t.services.database.db.select().from(passes).where(eq(passes.residentId, residentId));
    const hot = check({ token: own?.token, temperature: 37.3 });
    const res = await call(guard, 'POST', '/api/gate/checks', { checks: [hot] });
    expect(res.json().results[0]).toMatchObject({ fever: true });
    const referrals = await t.services.database.db
      .select()
      .from(gateReferrals)
      .where(eq(gateReferrals.checkUuid, hot.uuid));
    expect(referrals).toHaveLength(1);
    const status = await call(secretary, 'GET', `/api/residents/${residentId}/status`);
    expect(status.json().status.status).toBe('referred_to_clinic');
  });

  it('finds a pass by a typed ID number (masked name only)', async () => {
    const doc = syntheticId('19650505');
    await call(secretary, 'POST', '/api/residents', {
      householdId: f.a.householdIds[2],
      name: '查证人',
      docType: 'resident_id',
      docNumber: doc,
      relationToHead: 'self',
      residenceType: 'registered',
    });
    // Per-resident passes are the setting now: the newcomer gets one.
    await call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 5),
    });
    const res = await call(guard, 'POST', '/api/gate/lookup', { gateId, docNumber: doc.toLowerCase() });
    expect(res.json()).toMatchObject({ found: true, name: '查*人' });
    expect(decodePayload(splitToken(res.json().token)?.payload as Uint8Array)?.compoundId).toBe(
      f.a.compound.id,
    );
    const none = await call(guard, 'POST', '/api/gate/lookup', {
      gateId,
      docNumber: syntheticId('19990101'),
    });
    expect(none.json()).toEqual({ found: false });
  });

  it("keeps other communities' guards out of this gate", async () => {
    const res = await call(guardB, 'POST', '/api/gate/checks', { checks: [check({ passNumber: 1 })] });
    // Refused as that check's answer (the same as a gate that does not exist), not stored.
    expect(res.json().results[0]).toMatchObject({
      outcome: 'refused',
      stored: false,
      error: { code: 'not_found' },
    });
    const bundle = await call(guardB, 'GET', `/api/gate/gates/${gateId}/offline`);
    expect(bundle.statusCode).toBe(404);
    const list = await call(guardB, 'GET', '/api/gate/gates');
    expect(list.json().items.map((g: { id: number }) => g.id)).not.toContain(gateId);
  });

  it('refuses a check dated in the future or with a malformed token', async () => {
    const future = await call(guard, 'POST', '/api/gate/checks', {
      checks: [check({ passNumber: 1, checkedAt: new Date(Date.now() + 3_600_000).toISOString() })],
    });
    expect(future.json().results[0]).toMatchObject({ outcome: 'refused', error: { field: 'checkedAt' } });
    expect(future.json().results[0].error.message).toContain('时间');
    const bad = await call(guard, 'POST', '/api/gate/checks', { checks: [check({ token: 'abc' })] });
    expect(bad.json().results[0]).toMatchObject({ outcome: 'refused', error: { field: 'token' } });
  });
});
