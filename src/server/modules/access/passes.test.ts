// Passes: issuing, revoking and reissuing, per-resident passes, printing, personal links, key rotation.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readToken } from '../../../shared/access';
import { nobleCheck } from '../../../shared/access/verify-noble';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import type { Fixture } from '../../test/fixture';
import { login } from '../../test/fixture';
import type { TestApp } from '../../test/test-app';
import { passes } from './access.table';
import { type AccessSetup, setUpAccess } from './access.test-setup';

let t: TestApp;
let f: Fixture;
let secretary: string;
let guard: string;
let residentId: number;
let call: AccessSetup['call'];
let check: AccessSetup['check'];
let listPasses: AccessSetup['listPasses'];
const today = beijingToday();

beforeAll(async () => {
  ({ t, f, secretary, guard, residentId, call, check, listPasses } = await setUpAccess());
});
afterAll(() => t.close());

describe('passes', () => {
  it('issues one numbered, signed pass per household, and only to newcomers the second time', async () => {
    const res = await call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 30),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ issued: 3, skipped: 0, firstNumber: 1, lastNumber: 3 });
    const again = await call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 30),
    });
    expect(again.json()).toMatchObject({ issued: 0, skipped: 3 });
    const list = await listPasses();
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({ number: 1, status: 'active', room: '101', holderName: '门*甲' });
    // The door names its compound: several compounds of a community each have a "1号楼".
    expect(list.items[0]).toMatchObject({ compoundName: f.a.compound.name, buildingName: '1号楼' });
    expect(JSON.stringify(list)).not.toContain('门岗甲');
  });

  it('signs tokens the browser verifier accepts, with the public keys the gate app caches', async () => {
    const { keys } = (await t.app.inject({ method: 'GET', url: '/api/access/keys' })).json();
    const map = new Map<number, Uint8Array>(
      keys.map((k: { kid: number; key: string }) => [k.kid, new Uint8Array(Buffer.from(k.key, 'base64url'))]),
    );
    const [row] = await t.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.communityId, f.a.community.id));
    const payload = await readToken(row?.token as string, map, nobleCheck);
    expect(payload).toMatchObject({
      passNumber: row?.number,
      compoundId: f.a.compound.id,
      holderKind: 'household',
    });
  });

  it('refuses another community, bad dates and unknown fields with clear messages', async () => {
    const spy = await login(t, f.b.usernames.community_secretary);
    const res = await call(spy, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 30),
    });
    expect(res.statusCode).toBe(404);
    const past = await call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, -1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toContain('有效期');
    const extra = await call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 3),
      holder: 'x',
    });
    expect(extra.statusCode).toBe(400);
    const byGuard = await call(guard, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 3),
    });
    expect(byGuard.statusCode).toBe(403);
  });

  it('revokes and reissues, with audit rows; a revoked pass cannot be reissued', async () => {
    const { items } = await listPasses('&status=active');
    const [first, second] = items;
    expect(
      (await call(secretary, 'POST', `/api/access/passes/${first.id}/revoke`, { reason: '丢失' })).statusCode,
    ).toBe(204);
    const again = await call(secretary, 'POST', `/api/access/passes/${first.id}/revoke`, { reason: '丢失' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已作废');
    const re = await call(secretary, 'POST', `/api/access/passes/${second.id}/reissue`, {});
    expect(re.statusCode).toBe(201);
    expect(re.json().number).toBe(4);
    expect((await listPasses('&status=reissued')).items.map((p: { id: number }) => p.id)).toEqual([
      second.id,
    ]);
    expect((await listPasses('&status=revoked')).items.map((p: { id: number }) => p.id)).toEqual([first.id]);
    const audit = await t.services.database.pool.query(
      `select detail->>'change' as change from audit_log where community_id = $1 and entity = 'pass' order by id`,
      [f.a.community.id],
    );
    expect(audit.rows.map((r) => r.change)).toEqual(expect.arrayContaining(['revoke', 'reissue']));
  });

  it('switches to one pass per resident and issues to residents without one', async () => {
    const put = await call(secretary, 'PUT', '/api/access/settings', {
      communityId: f.a.community.id,
      passHolder: 'resident',
    });
    expect(put.json()).toMatchObject({ passHolder: 'resident' });
    const res = await call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 10),
    });
    expect(res.json()).toMatchObject({ issued: 1 });
    const rows = await t.services.database.db.select().from(passes).where(eq(passes.residentId, residentId));
    expect(rows).toHaveLength(1);
  });

  it('prints masked passes with tokens, and audits the print', async () => {
    const res = await call(secretary, 'GET', `/api/access/passes/print?compoundId=${f.a.compound.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    expect(body.items[0].token).toHaveLength(110);
    expect(body.items.some((p: { holderName: string }) => p.holderName === '门*甲')).toBe(true);
    expect(res.body).not.toContain('门岗甲');
    const audit = await t.services.database.pool.query(
      `select count(*)::int n from audit_log where community_id = $1 and entity = 'pass' and action = 'export'`,
      [f.a.community.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('shows the holder their own pass through a personal link, until the link is withdrawn', async () => {
    const { items } = await listPasses('&status=active');
    const link = await call(secretary, 'POST', `/api/access/passes/${items[0].id}/link`);
    const path = link.json().path as string;
    const token = path.split('/').at(-1);
    const own = await t.app.inject({ method: 'GET', url: `/api/public/passes/${token}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ number: items[0].number, status: 'active' });
    await call(secretary, 'DELETE', `/api/access/passes/${items[0].id}/link`);
    const gone = await t.app.inject({ method: 'GET', url: `/api/public/passes/${token}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toContain('链接');
  });
});

describe('key rotation', () => {
  it('keeps old passes verifying, then re-issues them under the new key', async () => {
    const officer = await login(t, f.officer);
    expect((await call(officer, 'POST', '/api/access/keys/rotate')).statusCode).toBe(403);
    const before = (await t.app.inject({ method: 'GET', url: '/api/access/keys' })).json().keys;
    t.services.passes.rotateKey({
      accountId: 0,
      username: 'root',
      displayName: 'root',
      role: 'district_officer',
      scope: { placeId: f.district.id, placePath: '/', communityIds: [], buildingIds: null },
      ip: '127.0.0.1',
      lang: 'zh',
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/access/keys' })).json().keys;
    expect(after).toHaveLength(before.length + 1);
    const [old] = await t.services.database.db.select().from(passes).where(eq(passes.residentId, residentId));
    const stillOk = await call(guard, 'POST', '/api/gate/checks', { checks: [check({ token: old?.token })] });
    expect(stillOk.json().results[0].verdict).not.toBe('unknown');
    const re = await call(secretary, 'POST', '/api/access/passes/reissue-old-keys', {
      communityId: f.a.community.id,
    });
    expect(re.json().reissued).toBeGreaterThan(0);
    const { items } = await listPasses('&status=active');
    const newest = after.find((k: { active: boolean }) => k.active).kid;
    expect(items.every((p: { kid: number }) => p.kid === newest)).toBe(true);
  });
});
