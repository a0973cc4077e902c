import { describe, expect, it } from 'vitest';
import type { CheckRecord } from './gate-api';
import {
  deliver,
  type QueuedCheck,
  readBatchAnswer,
  readStored,
  type SendOutcome,
  summarise,
} from './queue-logic';

const check = (n: number, over: Partial<CheckRecord> = {}): CheckRecord => ({
  uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  gateId: 1,
  checkedAt: new Date(Date.UTC(2026, 0, 1, 8, n)).toISOString(),
  direction: 'in',
  passNumber: n,
  ...over,
});

const stored = (c: CheckRecord) => ({
  uuid: c.uuid,
  verdict: 'valid',
  passNumber: c.passNumber,
  fever: false,
  stored: true,
});

/** A server of the old shape: the whole batch refused (400) when any check in it is bad. */
function wholeBatchServer(bad: Set<string>, log: CheckRecord[][]) {
  return async (checks: CheckRecord[]): Promise<SendOutcome> => {
    log.push(checks);
    if (checks.some((c) => bad.has(c.uuid)))
      return { ok: false, status: 400, message: '门岗记录有误：检查时间不对 · check time out of range' };
    return { ok: true, body: { results: checks.map(stored) } };
  };
}

describe('whose checks a phone sends', () => {
  it("sends only the signed-in account's checks and counts the others as waiting for their owner", () => {
    const items: QueuedCheck[] = [
      { check: check(3), accountId: 1 },
      { check: check(1), accountId: 2 },
      { check: check(2), accountId: 1, refused: { reason: '太早', at: '2026-01-01T00:00:00Z' } },
      { check: check(4), accountId: 2 },
    ];
    const asGuard1 = summarise(items, 1);
    expect(asGuard1.waiting.map((q) => q.check.passNumber)).toEqual([3]);
    expect(asGuard1.refused.map((q) => q.check.passNumber)).toEqual([2]);
    expect(asGuard1.others).toBe(2);
    const asGuard2 = summarise(items, 2);
    expect(asGuard2.waiting.map((q) => q.check.passNumber)).toEqual([1, 4]);
    expect(asGuard2.refused).toEqual([]);
    expect(asGuard2.others).toBe(2);
  });

  it('reads entries of both shapes: with their account, and bare checks from before (adopted)', () => {
    const c = check(1);
    expect(readStored({ check: c, accountId: 7 }, 9)).toEqual({ check: c, accountId: 7 });
    expect(readStored(c, 9)).toEqual({ check: c, accountId: 9 });
    expect(readStored('junk', 9)).toBeNull();
    expect(readStored({ accountId: 7 }, 9)).toBeNull();
  });
});

describe("reading the server's answer item by item", () => {
  it('understands stored and resent items (the current shape)', () => {
    const answers = readBatchAnswer({
      results: [
        { uuid: 'a', verdict: 'valid', passNumber: 3, fever: false, stored: true },
        { uuid: 'b', verdict: 'revoked', passNumber: 4, fever: false, stored: false },
      ],
    });
    expect(answers.get('a')).toMatchObject({ kind: 'accepted', result: { verdict: 'valid', stored: true } });
    expect(answers.get('b')).toMatchObject({
      kind: 'accepted',
      result: { verdict: 'revoked', stored: false },
    });
  });

  it('understands per-item outcomes with refusals and their reasons', () => {
    const answers = readBatchAnswer({
      results: [
        { uuid: 'a', status: 'stored', verdict: 'valid', passNumber: 3, fever: false },
        { uuid: 'b', status: 'duplicate', verdict: 'valid', passNumber: 4, fever: false },
        { uuid: 'c', status: 'refused', reason: '检查时间不对' },
        { uuid: 'd', status: 'refused', error: { code: 'gate_check_invalid', message: '缺少出入证' } },
        { uuid: 'e', error: '时间超出七天' },
        { uuid: 'f', status: 'refused' },
        { uuid: 'g' },
      ],
    });
    expect(answers.get('a')).toMatchObject({ kind: 'accepted', result: { stored: true } });
    expect(answers.get('b')).toMatchObject({ kind: 'accepted', result: { stored: false } });
    expect(answers.get('c')).toEqual({ kind: 'refused', reason: '检查时间不对' });
    expect(answers.get('d')).toEqual({ kind: 'refused', reason: '缺少出入证' });
    expect(answers.get('e')).toEqual({ kind: 'refused', reason: '时间超出七天' });
    expect(answers.get('f')).toMatchObject({ kind: 'refused' });
    // Not answered for: stays queued.
    expect(answers.has('g')).toBe(false);
    expect(readBatchAnswer(null).size).toBe(0);
  });
});

describe('sending a batch', () => {
  it('sets a refused check aside and stores every other one when the server answers per item', async () => {
    const batch = [check(1), check(2), check(3)];
    const report = await deliver(batch, async (checks) => ({
      ok: true,
      body: {
        results: checks.map((c) =>
          c.passNumber === 2 ? { uuid: c.uuid, status: 'refused', reason: '检查时间不对' } : stored(c),
        ),
      },
    }));
    expect(report.accepted.map((r) => r.passNumber)).toEqual([1, 3]);
    expect(report.refused).toEqual([{ uuid: batch[1]?.uuid, reason: '检查时间不对' }]);
    expect(report.stopped).toBeNull();
  });

  it('finds the one bad check when a whole batch is refused (old server), and sends the rest once', async () => {
    const batch = Array.from({ length: 37 }, (_, i) => check(i + 1));
    const bad = new Set([batch[20]?.uuid as string]);
    const log: CheckRecord[][] = [];
    const report = await deliver(batch, wholeBatchServer(bad, log));
    expect(report.refused).toEqual([
      { uuid: batch[20]?.uuid, reason: '门岗记录有误：检查时间不对 · check time out of range' },
    ]);
    expect(report.accepted.map((r) => r.uuid).sort()).toEqual(
      batch
        .filter((c) => !bad.has(c.uuid))
        .map((c) => c.uuid)
        .sort(),
    );
    // Each good check stored by exactly one successful request.
    const storedBy = log.filter((sent) => !sent.some((c) => bad.has(c.uuid))).flat();
    expect(storedBy).toHaveLength(36);
    expect(new Set(storedBy.map((c) => c.uuid)).size).toBe(36);
    // Halving: far fewer requests than one per check.
    expect(log.length).toBeLessThan(20);
  });

  it('sets aside two bad checks in one batch', async () => {
    const batch = Array.from({ length: 8 }, (_, i) => check(i + 1));
    const bad = new Set([batch[0]?.uuid as string, batch[7]?.uuid as string]);
    const report = await deliver(batch, wholeBatchServer(bad, []));
    expect(report.refused.map((r) => r.uuid).sort()).toEqual([...bad].sort());
    expect(report.accepted).toHaveLength(6);
  });

  it('stops on a lost network, a busy server or a lost session, refusing nothing', async () => {
    for (const [status, stopped] of [
      [0, 'unavailable'],
      [503, 'unavailable'],
      [429, 'unavailable'],
      [408, 'unavailable'],
      [401, 'signed_out'],
    ] as const) {
      const report = await deliver([check(1), check(2)], async () => ({ ok: false, status, message: 'x' }));
      expect(report).toEqual({ accepted: [], refused: [], stopped });
    }
  });

  it('stops part-way when the network drops while narrowing down, keeping what was answered', async () => {
    const batch = Array.from({ length: 4 }, (_, i) => check(i + 1));
    let calls = 0;
    const report = await deliver(batch, async (checks) => {
      calls += 1;
      if (calls === 1) return { ok: false, status: 400, message: 'bad' };
      if (calls === 2) return { ok: true, body: { results: checks.map(stored) } };
      return { ok: false, status: 0, message: 'offline' };
    });
    expect(report.accepted).toHaveLength(2);
    expect(report.refused).toEqual([]);
    expect(report.stopped).toBe('unavailable');
  });
});
