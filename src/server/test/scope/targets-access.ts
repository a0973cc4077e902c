// Community A's closed compound for the scope probes: a gate, its passes and a check, a guard's shifts, the
// secretary's inspections with a photo.
import { randomUUID } from 'node:crypto';
import { phoneJpeg, uploadPhoto } from '../../modules/photos/test-jpegs';
import { login } from '../fixture';
import { type AccessTargets, accountId, call, need, type SetupContext } from './targets';

export async function createAccessTargets(
  { t, f, a, secretaryA }: SetupContext,
  residentDoc: string,
): Promise<AccessTargets> {
  const gate = need<number>(
    (
      await call<{ gate?: { id: number } }>(t, secretaryA, 'POST', '/api/access/gates', {
        compoundId: a.compound,
        name: '甲东门',
        vehiclesAllowed: false,
      })
    ).gate?.id,
    'gate',
  );
  // Per household, then per resident: every household's pass and 周甲's own (the gate lookup finds it).
  await call(t, secretaryA, 'POST', '/api/access/passes/issue', {
    compoundId: a.compound,
    validUntil: '2099-12-31',
  });
  await call(t, secretaryA, 'PUT', '/api/access/settings', {
    communityId: a.community,
    passHolder: 'resident',
  });
  await call(t, secretaryA, 'POST', '/api/access/passes/issue', {
    compoundId: a.compound,
    validUntil: '2099-12-31',
  });
  const sheet = await call<{ items: Array<{ token: string }> }>(
    t,
    secretaryA,
    'GET',
    `/api/access/passes/print?compoundId=${a.compound}`,
  );
  const listed = await call<{ items: Array<{ id: number; number: number }> }>(
    t,
    secretaryA,
    'GET',
    `/api/access/passes?communityId=${a.community}&pageSize=100`,
  );
  const passes = listed.items.sort((x, y) => x.number - y.number);
  const guard = await login(t, f.a.usernames.gate_guard);
  // A check at A's gate, so the owner's list of checks shows one.
  await call(t, guard, 'POST', '/api/gate/checks', {
    checks: [
      {
        uuid: randomUUID(),
        gateId: gate,
        checkedAt: new Date().toISOString(),
        direction: 'in',
        token: sheet.items[0]?.token,
      },
    ],
  });
  const guardId = await accountId(t, f.a.usernames.gate_guard);
  const shift = async (startsAt: Date) =>
    need<number>(
      (
        await call<{ ids?: number[] }>(t, secretaryA, 'POST', '/api/access/shifts', {
          gateId: gate,
          accountId: guardId,
          shifts: [
            {
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            },
          ],
        })
      ).ids?.[0],
      'shift',
    );
  const uploaded = await uploadPhoto(
    t,
    secretaryA,
    { communityId: a.community, purpose: 'inspection' },
    phoneJpeg(),
  );
  const photo = need<string>(uploaded.json().photo?.id, 'photo');
  const inspection = async (photoId: string | null) =>
    need<number>(
      (
        await call<{ inspection?: { id: number } }>(t, secretaryA, 'POST', '/api/access/inspections', {
          gateId: gate,
          staffed: true,
          thermometerOk: true,
          logComplete: true,
          visitorsRegistered: true,
          photoId,
        })
      ).inspection?.id,
      'inspection',
    );
  // Sanity: the lookup probe's document number has a pass.
  const found = await call<{ passNumber?: number }>(t, secretaryA, 'POST', '/api/gate/lookup', {
    gateId: gate,
    docNumber: residentDoc,
  });
  need(found.passNumber, 'pass of 周甲');
  return {
    gate,
    pass: need(passes[0]?.id, 'pass'),
    revokePass: need(passes[1]?.id, 'pass to revoke'),
    reissuePass: need(passes[2]?.id, 'pass to reissue'),
    // The guard's shift starts in ten minutes: check-in takes it.
    shift: await shift(new Date(Date.now() + 10 * 60_000)),
    deleteShift: await shift(new Date('2098-01-01T00:00:00Z')),
    inspection: await inspection(photo),
    deleteInspection: await inspection(null),
    photo,
  };
}
