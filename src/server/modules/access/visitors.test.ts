// Visitors at the gate: a sealed phone and a day pass the gate accepts; bad phones and fevers refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { type AccessSetup, setUpAccess } from './access.test-setup';

let t: TestApp;
let guard: string;
let gateId: number;
let call: AccessSetup['call'];
let check: AccessSetup['check'];

beforeAll(async () => {
  ({ t, guard, gateId, call, check } = await setUpAccess());
});
afterAll(() => t.close());

describe('visitors', () => {
  it('registers a visitor with a sealed phone and a pass for today that the gate accepts', async () => {
    const res = await call(guard, 'POST', '/api/gate/visitors', {
      gateId,
      name: '访客乙',
      phone: '13912345678',
      reason: '探望老人',
      visiting: '1号楼 101',
      temperature: 36.6,
    });
    expect(res.statusCode).toBe(201);
    const visitor = res.json().visitor;
    expect(visitor).toMatchObject({ name: '访*乙', phone: '139****5678', fever: false });
    expect(res.body).not.toContain('13912345678');
    const stored = await t.services.database.pool.query('select phone_cipher from visitors where id = $1', [
      visitor.id,
    ]);
    expect(stored.rows[0].phone_cipher).not.toContain('1391234');
    const checked = await call(guard, 'POST', '/api/gate/checks', {
      checks: [check({ token: visitor.token })],
    });
    expect(checked.json().results[0]).toMatchObject({ verdict: 'valid', passNumber: null });
  });

  it('refuses a bad phone with a clear message, and gives no pass to a visitor with a fever', async () => {
    const bad = await call(guard, 'POST', '/api/gate/visitors', {
      gateId,
      name: '访客丙',
      phone: '12345',
      reason: '送货',
      visiting: '2号楼',
      temperature: 36.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('手机号');
    const hot = await call(guard, 'POST', '/api/gate/visitors', {
      gateId,
      name: '访客丁',
      phone: '13700001111',
      reason: '送货',
      visiting: '2号楼',
      temperature: 38.1,
    });
    expect(hot.json().visitor).toMatchObject({ fever: true, token: null });
    const referrals = await t.services.database.pool.query(
      'select count(*)::int n from gate_referrals where visitor_id = $1',
      [hot.json().visitor.id],
    );
    expect(referrals.rows[0].n).toBe(1);
  });
});
