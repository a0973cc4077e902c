// The one way to change a person's status: the policy of src/shared/status applied against the row as it
// stands, one history row per change with its cause, everything inside the caller's transaction.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/test-app';
import { findStatus, historyOf } from './status.repo';
import { recordStatusChange, recordStatusChanges, type StatusChangeRequest } from './status.service';

const database = testDatabase(2);
afterAll(() => database.close());
const { db } = database;

// Tables here carry no foreign keys: people made up for each test, far above the fixtures' ids.
const communityId = randomInt(1_500_000_000, 2_000_000_000);
let nextResident = randomInt(1_500_000_000, 1_900_000_000);
const person = () => nextResident++;
const reason = { zh: '测试', en: 'test' };
const change = (residentId: number, extra: Partial<StatusChangeRequest>): StatusChangeRequest => ({
  residentId,
  communityId,
  status: 'normal',
  source: 'staff',
  cause: 'declaration',
  reason,
  ...extra,
});
const historyRows = async (residentId: number) =>
  (await historyOf(db, residentId))
    .reverse()
    .map((h) => ({ from: h.fromStatus, to: h.toStatus, cause: h.cause }));

describe('recordStatusChanges', () => {
  it('sets a status with its source, and writes a history row with the cause', async () => {
    const id = person();
    const result = await recordStatusChange(
      db,
      change(id, { status: 'home_observation', declarationId: 7, observationUntil: '2026-02-01' }),
    );
    expect(result).toEqual({ outcome: 'applied', fromStatus: null, source: 'staff' });
    expect(await findStatus(db, id)).toMatchObject({
      status: 'home_observation',
      source: 'staff',
      declarationId: 7,
      observationUntil: '2026-02-01',
      communityId,
    });
    expect(await historyRows(id)).toEqual([{ from: null, to: 'home_observation', cause: 'declaration' }]);
  });

  it('never lets a resident’s own word lower what staff or the gate set; raising leaves it theirs', async () => {
    for (const source of ['staff', 'gate'] as const) {
      const id = person();
      await recordStatusChange(db, change(id, { status: 'home_observation', source }));
      const lowered = await recordStatusChange(db, change(id, { status: 'normal', source: 'self' }));
      expect(lowered).toEqual({ outcome: 'refused', fromStatus: 'home_observation' });
      expect(await findStatus(db, id)).toMatchObject({ status: 'home_observation', source });
      const raised = await recordStatusChange(
        db,
        change(id, { status: 'referred_to_clinic', source: 'self', cause: 'self_declaration' }),
      );
      expect(raised).toEqual({ outcome: 'applied', fromStatus: 'home_observation', source });
      expect(await findStatus(db, id)).toMatchObject({ status: 'referred_to_clinic', source });
      expect((await historyRows(id)).length).toBe(2);
    }
  });

  it('a fever at the gate makes the status the gate’s; a second one adds nothing', async () => {
    const id = person();
    await recordStatusChange(
      db,
      change(id, {
        status: 'referred_to_clinic',
        source: 'self',
        declarationId: 11,
        cause: 'self_declaration',
      }),
    );
    const fever = change(id, { status: 'referred_to_clinic', source: 'gate', cause: 'gate_fever' });
    // Two fevers of one person in one batch: the first refers, the second repeats it.
    expect(await recordStatusChanges(db, [fever, fever])).toEqual([
      { outcome: 'applied', fromStatus: 'referred_to_clinic', source: 'gate' },
      { outcome: 'unchanged', fromStatus: 'referred_to_clinic' },
    ]);
    // The declaration behind the status stays when the change names none.
    expect(await findStatus(db, id)).toMatchObject({ source: 'gate', declarationId: 11 });
    expect(await recordStatusChange(db, fever)).toEqual({
      outcome: 'unchanged',
      fromStatus: 'referred_to_clinic',
    });
    expect(await historyRows(id)).toEqual([
      { from: null, to: 'referred_to_clinic', cause: 'self_declaration' },
      { from: 'referred_to_clinic', to: 'referred_to_clinic', cause: 'gate_fever' },
    ]);
  });

  it('re-evaluation keeps away from the gate’s status and leaves each status its source', async () => {
    const gates = person();
    const staffs = person();
    const selfs = person();
    await recordStatusChanges(db, [
      change(gates, { status: 'referred_to_clinic', source: 'gate', cause: 'gate_fever' }),
      change(staffs, { status: 'home_observation' }),
      change(selfs, { status: 'home_observation', source: 'self', cause: 'self_declaration' }),
    ]);
    const rejudge = (residentId: number, source: 'self' | 'staff', status: StatusChangeRequest['status']) =>
      change(residentId, { status, source, reevaluation: true, cause: 'rule_change' });
    expect(
      (
        await recordStatusChanges(db, [
          rejudge(gates, 'staff', 'normal'),
          rejudge(staffs, 'self', 'normal'),
          rejudge(staffs, 'staff', 'home_observation'),
          rejudge(selfs, 'self', 'to_verify'),
        ])
      ).map((r) => r.outcome),
    ).toEqual(['refused', 'refused', 'unchanged', 'applied']);
    expect(await findStatus(db, gates)).toMatchObject({ status: 'referred_to_clinic', source: 'gate' });
    expect(await findStatus(db, staffs)).toMatchObject({ status: 'home_observation', source: 'staff' });
    expect(await findStatus(db, selfs)).toMatchObject({ status: 'to_verify', source: 'self' });
    // Staff standing behind a declaration may lower their own status; it stays staff's.
    expect((await recordStatusChange(db, rejudge(staffs, 'staff', 'normal'))).outcome).toBe('applied');
    expect(await findStatus(db, staffs)).toMatchObject({ status: 'normal', source: 'staff' });
    expect(await historyRows(selfs)).toEqual([
      { from: null, to: 'home_observation', cause: 'self_declaration' },
      { from: 'home_observation', to: 'to_verify', cause: 'rule_change' },
    ]);
  });

  it('writes nothing when the status is no longer the one the caller saw', async () => {
    const id = person();
    await recordStatusChange(db, change(id, { status: 'to_verify' }));
    const stale = await recordStatusChange(db, change(id, { status: 'normal', expectedStatus: null }));
    expect(stale).toEqual({ outcome: 'stale', fromStatus: 'to_verify' });
    expect(await findStatus(db, id)).toMatchObject({ status: 'to_verify' });
    const fresh = await recordStatusChange(db, change(id, { status: 'normal', expectedStatus: 'to_verify' }));
    expect(fresh.outcome).toBe('applied');
  });

  it('chains several changes of one person in order: one current row, the history through them', async () => {
    const id = person();
    await recordStatusChanges(db, [
      change(id, { status: 'to_verify' }),
      change(id, { status: 'home_observation', historyReason: { zh: '更多', en: 'more' } }),
    ]);
    expect(await findStatus(db, id)).toMatchObject({ status: 'home_observation', reason });
    expect(await historyRows(id)).toEqual([
      { from: null, to: 'to_verify', cause: 'declaration' },
      { from: 'to_verify', to: 'home_observation', cause: 'declaration' },
    ]);
    expect((await historyOf(db, id))[0]?.reason).toEqual({ zh: '更多', en: 'more' });
  });

  it('runs inside the caller’s transaction: a rollback takes the status and its history back', async () => {
    const id = person();
    class Rollback extends Error {}
    await expect(
      db.transaction(async (tx) => {
        await recordStatusChange(tx, change(id, { status: 'centralised_observation' }));
        // Seen inside the transaction…
        const inside = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from person_status where resident_id = ${id}`,
        );
        expect(inside.rows[0]?.n).toBe(1);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    // …and gone with it.
    expect(await findStatus(db, id)).toBeUndefined();
    expect(await historyOf(db, id)).toEqual([]);
  });
});
