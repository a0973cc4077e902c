// Community A's campaigns for the scope probes: a screening sweep with an assignment, one to close, and a
// governance sweep with a finding.
import { accountId, type CampaignTargets, call, need, type SetupContext } from './targets';

export async function createCampaignTargets({ t, f, a, secretaryA }: SetupContext): Promise<CampaignTargets> {
  const { pool } = t.services.database;
  const start = async (payload: object) =>
    need<number>(
      (
        await call<{ campaign?: { id: number } }>(t, secretaryA, 'POST', '/api/campaigns', {
          communityId: a.community,
          ...payload,
        })
      ).campaign?.id,
      'campaign',
    );
  const firstTarget = async (campaign: number) =>
    need(
      (
        await pool.query<{ id: number }>(
          'select id from campaign_targets where campaign_id = $1 order by id limit 1',
          [campaign],
        )
      ).rows[0]?.id,
      `target of campaign ${campaign}`,
    );
  const campaign = await start({ name: '甲社区排查', kind: 'screening' });
  // The secretary takes building 2 (the assignment the unassign probe removes).
  await call(t, secretaryA, 'POST', `/api/campaigns/${campaign}/assignments`, {
    items: [{ buildingId: a.buildings[1], accountId: await accountId(t, f.a.usernames.community_secretary) }],
  });
  const assignment = await pool.query<{ id: number }>(
    'select id from campaign_assignments where campaign_id = $1 and building_id = $2',
    [campaign, a.buildings[1]],
  );
  const govCampaign = await start({
    name: '甲社区消防通道检查',
    kind: 'fire_passage',
    checklist: ['消防通道是否畅通'],
  });
  const govTarget = await firstTarget(govCampaign);
  const check = await call<{ check?: { findingIds?: number[] } }>(
    t,
    secretaryA,
    'POST',
    `/api/campaigns/${govCampaign}/checks`,
    {
      id: '2b1f0a52-3f7e-4d0e-9a57-0b6c1e0d2f22',
      targetId: govTarget,
      results: [{ key: 'i1', passed: false }],
      findings: [{ itemKey: 'i1', description: '自行车堵住通道', deadline: '2099-01-01' }],
    },
  );
  return {
    campaign,
    target: await firstTarget(campaign),
    assignment: need(assignment.rows[0]?.id, 'assignment'),
    closeCampaign: await start({ name: '甲社区待结束排查', kind: 'screening' }),
    govCampaign,
    govTarget,
    finding: need<number>(check.check?.findingIds?.[0], 'finding'),
  };
}
