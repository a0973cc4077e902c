// A batch of gate checks is answered check by check (issue 11, defects 6 and 14): a bad check is refused
// alone with its reason and the rest stored, so a phone's queue never blocks on one; the same uuid several
// times is stored once and the answer says which copy was.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateCheckResult } from '../../../shared/access';
import type { Fixture } from '../../test/fixture';
import type { TestApp } from '../../test/test-app';
import { gateChecks } from './access.table';
import { type AccessSetup, setUpAccess } from './access.test-setup';
import { createCheckWriter } from './check-writer';
import type { GateCheckInsert } from './gate-checks.repo';

let t: TestApp;
let f: Fixture;
let guard: string;
let gateId: number;
let check: AccessSetup['check'];

beforeAll(async () => {
  ({ t, f, guard, gateId, check } = await setUpAccess());
});
afterAll(() => t.close());

const send = (checks: unknown[], lang?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/gate/checks',
    headers: { cookie: guard, 'content-type': 'application/json', ...(lang ? { 'x-dashu-lang': lang } : {}) },
    payload: JSON.stringify({ checks }),
  });
const results = (res: { json: () => { results: GateCheckResult[] } }) => res.json().results;
const storedUuids = async (uuids: string[]) =>
  (await t.services.database.db.select().from(gateChecks).where(inArray(gateChecks.uuid, uuids))).map(
    (r) => r.uuid,
  );

describe('a batch of gate checks', () => {
  it('refuses a check with a NUL byte alone, with its reason, and stores the others', async () => {
    const first = check({ passNumber: 1 });
    const bad = check({ passNumber: 1, plate: '京A\u00001234' });
    const last = check({ passNumber: 2, temperature: 36.6 });
    const res = await send([first, bad, last]);
    expect(res.statusCode).toBe(200);
    const answer = results(res);
    expect(answer.map((r) => r.outcome)).toEqual(['stored', 'refused', 'stored']);
    expect(answer[1]).toMatchObject({
      uuid: bad.uuid,
      stored: false,
      verdict: 'unknown',
      error: { code: 'validation_failed', field: 'plate' },
    });
    expect(answer[1]?.error?.message).toContain('无法保存');
    expect((await storedUuids([first.uuid, bad.uuid, last.uuid])).sort()).toEqual(
      [first.uuid, last.uuid].sort(),
    );
    // Sent again (the phone never heard the answer): the stored ones are duplicates, the bad one refused.
    expect(results(await send([first, bad, last])).map((r) => r.outcome)).toEqual([
      'duplicate',
      'refused',
      'duplicate',
    ]);
  });

  it('refuses each kind of bad check alone, in the caller’s language', async () => {
    const good = check({ passNumber: 3 });
    const res = await send(
      [
        good,
        { ...check({ passNumber: 1 }), checkedAt: '2026-02-30T10:00:00Z' },
        { ...check(), passNumber: 2 ** 31 },
        { ...check({ passNumber: 1 }), extra: 'x' },
        { ...check({ passNumber: 1 }), refusalReason: '\uD800' },
        'not a check',
        null,
        { ...check({ passNumber: 1 }), gateId: 999_999_999 },
      ],
      'en',
    );
    expect(res.statusCode).toBe(200);
    const answer = results(res);
    expect(answer.map((r) => r.outcome)).toEqual([
      'stored',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(answer.slice(1).map((r) => r.error?.field)).toEqual([
      'checkedAt',
      'passNumber',
      'extra',
      'refusalReason',
      'checks',
      'checks',
      undefined,
    ]);
    expect(answer[1]?.error?.message).toMatch(/not a valid time/);
    expect(answer[7]?.error?.code).toBe('not_found');
    expect(answer[5]?.uuid).toBe('');
  });

  it('refuses the same batch with 1e400 as a pass number only in that check', async () => {
    const good = check({ passNumber: 4 });
    const raw = `{"checks":[${JSON.stringify(good)},${JSON.stringify(check()).replace(/}$/, ',"passNumber":1e400}')}]}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/gate/checks',
      headers: { cookie: guard, 'content-type': 'application/json' },
      payload: raw,
    });
    expect(results(res).map((r) => [r.outcome, r.error?.field])).toEqual([
      ['stored', undefined],
      ['refused', 'passNumber'],
    ]);
  });

  it('refuses a body that is not a batch at all', async () => {
    for (const body of [
      { checks: [] },
      { checks: 'x' },
      { checks: Array.from({ length: 201 }, () => check()) },
      {},
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/gate/checks',
        headers: { cookie: guard },
        payload: body,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('stores the same uuid three times in one batch once, and names the copy stored', async () => {
    const one = check({ passNumber: 1 });
    const res = await send([one, check({ passNumber: 2 }), one, { ...one, direction: 'out' }]);
    const answer = results(res);
    expect(answer.map((r) => [r.outcome, r.stored, r.duplicateOf])).toEqual([
      ['stored', true, undefined],
      ['stored', true, undefined],
      ['duplicate', false, 0],
      ['duplicate', false, 0],
    ]);
    expect(new Set(answer.filter((r) => r.uuid === one.uuid).map((r) => r.verdict)).size).toBe(1);
    const rows = await t.services.database.db.select().from(gateChecks).where(eq(gateChecks.uuid, one.uuid));
    expect(rows.map((r) => r.direction)).toEqual(['in']);
    // Sent again: the first copy is a duplicate of the earlier send, the others still name it.
    expect(results(await send([one, one])).map((r) => [r.outcome, r.duplicateOf])).toEqual([
      ['duplicate', undefined],
      ['duplicate', 0],
    ]);
  });

  it('tells only one of two requests written together that their common check was new', async () => {
    const [row] = await t.services.database.pool
      .query<{ id: number }>('select id from accounts where username = $1', [f.a.usernames.gate_guard])
      .then((r) => r.rows);
    const insert = (uuid: string): GateCheckInsert => ({
      uuid,
      communityId: f.a.community.id,
      gateId,
      accountId: row?.id as number,
      checkedAt: new Date(),
      subject: 'number',
      passId: null,
      passNumber: 1,
      visitorId: null,
      verdict: 'unknown',
      direction: 'in',
      temperature: null,
      fever: false,
      idChecked: false,
      plate: null,
      trunkChecked: false,
      refused: false,
      refusalReason: null,
      offline: false,
    });
    const writer = createCheckWriter(t.services.database.db);
    const shared = randomUUID();
    // The first write runs alone; the two after it wait for it and are written together, in one INSERT.
    const [, second, third] = await Promise.all([
      writer.write([insert(randomUUID())]),
      writer.write([insert(shared)]),
      writer.write([insert(shared)]),
    ]);
    expect([second?.has(shared), third?.has(shared)]).toEqual([true, false]);
  });
});
