import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/auth/roles';
import { insertHousehold } from '../modules/people/people.repo';
import { insertChildPlace, type PlaceRow } from '../modules/places/places.repo';
import { FIXTURE_PASSWORD, login, syntheticId } from './fixture';
import type { TestApp } from './test-app';

export interface CityCommunity {
  community: PlaceRow;
  building: PlaceRow;
  householdId: number;
  secretary: string;
}

/**
 * A city root with two districts side by side (海淀, 朝阳), each with a sub-district and a community, and
 * the signed-in cookies of an officer at every level: what "one district must not act on another" needs.
 * Codes are unique, so test files sharing the database never meet.
 */
export async function createCity(t: TestApp) {
  const tag = randomUUID().slice(0, 8);
  const { db } = t.services.database;
  const account = async (name: string, role: Role, place: PlaceRow) => {
    const username = `${tag}-${name}`;
    await t.services.auth.createAccount(null, {
      username,
      displayName: name,
      password: FIXTURE_PASSWORD,
      role,
      scopePlaceId: place.id,
    });
    return login(t, username);
  };
  const city = await insertChildPlace(db, null, {
    kind: 'city',
    name: `测试市${tag}`,
    code: `t-${tag}-city`,
  });
  const branch = async (key: string, label: string) => {
    const district = await insertChildPlace(db, city, {
      kind: 'district',
      name: `${label}区`,
      code: `t-${tag}-${key}`,
    });
    const subdistrict = await insertChildPlace(db, district, {
      kind: 'subdistrict',
      name: `${label}街道`,
      code: `t-${tag}-${key}-s`,
    });
    const community = await insertChildPlace(db, subdistrict, {
      kind: 'community',
      name: `${label}社区`,
      code: `t-${tag}-${key}-c`,
    });
    const building = await insertChildPlace(db, community, {
      kind: 'building',
      name: '1号楼',
      code: `t-${tag}-${key}-b`,
    });
    const household = await insertHousehold(db, {
      communityId: community.id,
      buildingId: building.id,
      entranceId: null,
      room: '101',
      floor: 1,
    });
    return {
      district,
      subdistrict,
      officer: await account(`${key}-d`, 'district_officer', district),
      subOfficer: await account(`${key}-s`, 'subdistrict_officer', subdistrict),
      local: {
        community,
        building,
        householdId: household.id,
        secretary: await account(`${key}-sec`, 'community_secretary', community),
      } satisfies CityCommunity,
    };
  };
  return {
    tag,
    city,
    rootOfficer: await account('root', 'district_officer', city),
    haidian: await branch('hd', '海淀'),
    chaoyang: await branch('cy', '朝阳'),
  };
}
export type City = Awaited<ReturnType<typeof createCity>>;

export const healthy = {
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [] as string[],
};

/** A new resident of the community, added by its secretary. */
export async function addResident(t: TestApp, where: CityCommunity): Promise<number> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: where.secretary },
    payload: {
      householdId: where.householdId,
      name: '孙测试',
      docType: 'resident_id',
      docNumber: syntheticId('19800808'),
      relationToHead: 'other',
      residenceType: 'registered',
    },
  });
  if (res.statusCode !== 201) throw new Error(`resident: ${res.statusCode} ${res.body}`);
  return res.json().resident.id as number;
}

/** A declaration at the door, recorded by the community's secretary; answers the status it gave. */
export async function declareFor(
  t: TestApp,
  where: CityCommunity,
  residentId: number,
  answers: Record<string, unknown>,
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/declarations',
    headers: { cookie: where.secretary },
    payload: { residentId, channel: 'door_to_door', ...healthy, ...answers },
  });
  if (res.statusCode !== 201) throw new Error(`declaration: ${res.statusCode} ${res.body}`);
  return res.json().declaration.status as string;
}

/** A resident's current status and their status history, as their secretary reads it. */
export async function statusOf(t: TestApp, where: CityCommunity, residentId: number) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/residents/${residentId}/status`,
    headers: { cookie: where.secretary },
  });
  return res.json() as {
    status: { status: string } | null;
    history: Array<{ cause: string; toStatus: string; reason: { zh: string } }>;
  };
}
