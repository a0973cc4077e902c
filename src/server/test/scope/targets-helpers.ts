// Community A's helpers for the scope probes: a helper, an assignment to remove, care tasks to accept,
// decline and complete, and an hours entry to approve.
import { call, type HelperTargets, need, type SetupContext } from './targets';

export async function createHelperTargets(
  { t, a, secretaryA }: SetupContext,
  resident: number,
): Promise<HelperTargets> {
  const helper = need(
    (
      await call<{ helper?: { id: number } }>(t, secretaryA, 'POST', '/api/helpers', {
        communityId: a.community,
        name: '甲志愿者探针',
        teams: ['vanguard'],
      })
    ).helper?.id,
    'helper',
  );
  const assignment = await call<{ assignment?: { id: number } }>(
    t,
    secretaryA,
    'POST',
    '/api/helpers/coverage/assignments',
    { buildingId: a.buildings[1], role: 'building_lead', helperId: helper },
  );
  const task = async () =>
    need(
      (
        await call<{ task?: { id: number } }>(t, secretaryA, 'POST', '/api/care/tasks', {
          residentId: resident,
          kind: 'groceries',
        })
      ).task?.id,
      'care task',
    );
  const entry = await call<{ entry?: { id: number } }>(t, secretaryA, 'POST', '/api/helpers/hours', {
    helperId: helper,
    workedOn: '2026-01-05',
    minutes: 60,
  });
  return {
    helper,
    deleteAssignment: need(assignment.assignment?.id, 'building role'),
    acceptTask: await task(),
    declineTask: await task(),
    completeTask: await task(),
    hoursEntry: need(entry.entry?.id, 'hours entry'),
  };
}
