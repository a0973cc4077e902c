// Set-up shared by the access test files: an app, a fixture, a gate, a resident, and the starting passes.

import { randomUUID } from 'node:crypto';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, login, syntheticId } from '../../test/fixture';
import { createTestApp } from '../../test/test-app';
import { gates } from '../places/places.table';

/** The app and fixture, community A's secretary and guard, B's guard, an east gate and one resident. */
export async function setUpAccess() {
  const t = await createTestApp();
  const f = await createFixture(t.services);

  async function call(
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) {
    return t.app.inject({ method, url, headers: { cookie }, payload });
  }

  const secretary = await login(t, f.a.usernames.community_secretary);
  const guard = await login(t, f.a.usernames.gate_guard);
  const guardB = await login(t, f.b.usernames.gate_guard);
  const [gate] = await t.services.database.db
    .insert(gates)
    .values({
      communityId: f.a.community.id,
      compoundId: f.a.compound.id,
      name: '东门',
      vehiclesAllowed: true,
    })
    .returning();
  const gateId = gate?.id as number;
  const created = await call(secretary, 'POST', '/api/residents', {
    householdId: f.a.householdIds[0],
    name: '门岗甲',
    docType: 'resident_id',
    docNumber: syntheticId('19700101'),
    relationToHead: 'self',
    residenceType: 'registered',
  });
  const residentId: number = created.json().resident.id;

  const check = (over: Record<string, unknown> = {}) => ({
    uuid: randomUUID(),
    gateId,
    checkedAt: new Date().toISOString(),
    direction: 'in',
    ...over,
  });

  async function listPasses(query = '') {
    return (
      await call(secretary, 'GET', `/api/access/passes?communityId=${f.a.community.id}${query}`)
    ).json();
  }

  return { t, f, secretary, guard, guardB, gateId, residentId, call, check, listPasses };
}

export type AccessSetup = Awaited<ReturnType<typeof setUpAccess>>;

/**
 * The passes that passes.test.ts leaves behind, for the files that start from them: three household
 * passes (the first revoked, the second reissued as number 4), then per-resident passes and the resident's own.
 */
export async function issueStartingPasses({ f, secretary, call, listPasses }: AccessSetup) {
  const expectStatus = async (res: Promise<{ statusCode: number; body: string }>, status: number) => {
    const done = await res;
    if (done.statusCode !== status) throw new Error(`set-up: ${done.statusCode} ${done.body}`);
  };
  const today = beijingToday();
  await expectStatus(
    call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 30),
    }),
    201,
  );
  const [first, second] = (await listPasses('&status=active')).items;
  await expectStatus(
    call(secretary, 'POST', `/api/access/passes/${first.id}/revoke`, { reason: '丢失' }),
    204,
  );
  await expectStatus(call(secretary, 'POST', `/api/access/passes/${second.id}/reissue`, {}), 201);
  await expectStatus(
    call(secretary, 'PUT', '/api/access/settings', { communityId: f.a.community.id, passHolder: 'resident' }),
    200,
  );
  await expectStatus(
    call(secretary, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(today, 10),
    }),
    201,
  );
}
