// SQL for campaigns and their targets: starting (households or buildings become targets), listing, closing.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { residents } from '../people/people.table';
import { places } from '../places/places.table';
import { doneList, inCommunities, ints, targetScope } from './campaign-sql';
import { campaigns, campaignTargets } from './campaigns.table';

export type CampaignRow = typeof campaigns.$inferSelect;
export type TargetRow = typeof campaignTargets.$inferSelect;

export async function insertCampaign(
  db: DbOrTx,
  values: typeof campaigns.$inferInsert,
): Promise<CampaignRow> {
  const rows = await db.insert(campaigns).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

/**
 * Every household of the community (or under the chosen compounds/buildings) becomes a target, in one
 * INSERT … SELECT: 3,500 households are one statement, not 3,500.
 */
export async function insertTargetsFromHouseholds(db: DbOrTx, campaign: CampaignRow): Promise<number> {
  const places = campaign.placeIds;
  const underPlaces = places.length
    ? sql`and exists (select 1 from unnest(${sql.raw(`array[${places.map(Number).join(',')}]::int[]`)}) p
          where b.id = p or b.path like '%/' || p || '/%')`
    : sql``;
  const result = await db.execute(sql`
    insert into campaign_targets (campaign_id, community_id, household_id, building_id, entrance_id, floor, room)
    select ${campaign.id}, h.community_id, h.id, h.building_id, h.entrance_id, h.floor, h.room
    from households h join places b on b.id = h.building_id
    where h.community_id = ${campaign.communityId} ${underPlaces}`);
  const count = result.rowCount ?? 0;
  await db.update(campaigns).set({ targetCount: count }).where(eq(campaigns.id, campaign.id));
  return count;
}

/** Governance: every building of the community (or under the chosen compounds/buildings) becomes a target. */
export async function insertTargetsFromBuildings(db: DbOrTx, campaign: CampaignRow): Promise<number> {
  const chosen = campaign.placeIds;
  const underPlaces = chosen.length
    ? sql`and exists (select 1 from unnest(${ints(chosen)}) p where b.id = p or b.path like '%/' || p || '/%')`
    : sql``;
  const result = await db.execute(sql`
    insert into campaign_targets (campaign_id, community_id, building_id)
    select ${campaign.id}, b.community_id, b.id
    from places b
    where b.community_id = ${campaign.communityId} and b.kind = 'building' ${underPlaces}`);
  const count = result.rowCount ?? 0;
  await db.update(campaigns).set({ targetCount: count }).where(eq(campaigns.id, campaign.id));
  return count;
}

/**
 * The campaigns list with each one's done count, in one statement: the targets are counted in one GROUP BY
 * over the listed campaigns (the campaign index leads with campaign_id), not one count per row.
 */
export async function listCampaigns(db: DbOrTx, scope: Scope, communityId?: number) {
  const conditions = [inCommunities(scope, campaigns.communityId)];
  if (communityId) conditions.push(eq(campaigns.communityId, communityId));
  const listed = db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(...conditions))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(200);
  const doneCounts = db
    .select({
      campaignId: campaignTargets.campaignId,
      done: sql<number>`(count(*) filter (where ${campaignTargets.outcome} in ${doneList}))::int`.as('done'),
    })
    .from(campaignTargets)
    .where(inArray(campaignTargets.campaignId, listed))
    .groupBy(campaignTargets.campaignId)
    .as('done_counts');
  return db
    .select({
      campaign: campaigns,
      communityName: places.name,
      done: sql<number>`coalesce(${doneCounts.done}, 0)::int`,
    })
    .from(campaigns)
    .innerJoin(places, eq(places.id, campaigns.communityId))
    .leftJoin(doneCounts, eq(doneCounts.campaignId, campaigns.id))
    .where(and(...conditions))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(200);
}

export async function findCampaign(db: DbOrTx, scope: Scope, id: number): Promise<CampaignRow | undefined> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), inCommunities(scope, campaigns.communityId)))
    .limit(1);
  return rows[0];
}

export async function closeCampaign(db: DbOrTx, id: number) {
  await db.update(campaigns).set({ status: 'closed', closedAt: new Date() }).where(eq(campaigns.id, id));
}

/** Places (compounds, buildings, entrances) of one community, by id: to check what a request names. */
export async function placesOfCommunity(db: DbOrTx, communityId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: places.id, kind: places.kind, parentId: places.parentId, name: places.name })
    .from(places)
    .where(and(eq(places.communityId, communityId), inArray(places.id, ids)));
}

export type TargetListRow = {
  id: number;
  household_id: number | null;
  building_id: number;
  building_name: string;
  compound_name: string | null;
  entrance_id: number | null;
  entrance_name: string | null;
  floor: number | null;
  room: string | null;
  outcome: string | null;
  attempts: number;
  last_visit_at: Date | null;
};

/** Residents living in these households now (not moved out): what the door shows, masked by the service. */
export async function residentsOfHouseholds(db: DbOrTx, householdIds: number[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      id: residents.id,
      householdId: residents.householdId,
      name: residents.name,
      phoneMasked: residents.phoneMasked,
      relationToHead: residents.relationToHead,
      tags: residents.tags,
    })
    .from(residents)
    .where(and(inArray(residents.householdId, householdIds), isNull(residents.movedOutAt)))
    .orderBy(asc(residents.householdId), asc(residents.id));
}

export async function findTarget(db: DbOrTx, scope: Scope, campaignId: number, targetId: number) {
  const rows = await db
    .select()
    .from(campaignTargets)
    .where(
      and(eq(campaignTargets.id, targetId), eq(campaignTargets.campaignId, campaignId), targetScope(scope)),
    )
    .limit(1);
  return rows[0];
}
