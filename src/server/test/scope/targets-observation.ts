// Community A's observations for the scope probes: one to read and check in, one each to extend, shorten
// and end, a resident to start one for, an open alert and an open task.
import { randomUUID } from 'node:crypto';
import { syntheticId } from '../fixture';
import { call, need, type ObservationTargets, type SetupContext } from './targets';

export async function createObservationTargets({
  t,
  a,
  secretaryA,
}: SetupContext): Promise<ObservationTargets> {
  let n = 0;
  const resident = async () => {
    n += 1;
    const created = await call<{ resident?: { id: number } }>(t, secretaryA, 'POST', '/api/residents', {
      householdId: a.households[1],
      name: `甲观察${'一二三四五六七八'[n]}`,
      docType: 'resident_id',
      docNumber: syntheticId(`1970020${n}`),
      relationToHead: 'other',
      residenceType: 'registered',
    });
    return need<number>(created.resident?.id, 'observation resident');
  };
  const start = async () =>
    need<number>(
      (
        await call<{ observation?: { id: number } }>(t, secretaryA, 'POST', '/api/observation/observations', {
          residentId: await resident(),
          kind: 'home',
          reason: 'returnee',
        })
      ).observation?.id,
      'observation',
    );
  const observation = await start();
  const fever = await call<{ alarming: boolean }>(t, secretaryA, 'POST', '/api/observation/checkins', {
    observationId: observation,
    channel: 'phone',
    clientId: randomUUID().replace(/-/g, ''),
    temperature: 38.1,
    symptoms: [],
  });
  if (!fever.alarming) throw new Error('scope fixture: the fever raised no alert');
  const { pool } = t.services.database;
  const alert = need(
    (
      await pool.query<{ id: number }>('select id from observation_alerts where observation_id = $1', [
        observation,
      ])
    ).rows[0]?.id,
    'observation alert',
  );
  const judged = await call<{ taskId: number | null }>(
    t,
    secretaryA,
    'POST',
    '/api/observation/eligibility',
    {
      residentId: await resident(),
      answers: { ownRoom: true, ownBathroom: false },
    },
  );
  return {
    observation,
    extendObservation: await start(),
    shortenObservation: await start(),
    endObservation: await start(),
    observeResident: await resident(),
    alert,
    task: need(judged.taskId, 'observation task'),
  };
}
