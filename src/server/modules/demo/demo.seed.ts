import { inArray, sql } from 'drizzle-orm';
import { maskPhone } from '../../../shared/identity';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import type { Db, DbOrTx } from '../../db/database';
import type { Services } from '../../http/types';
import { accounts } from '../auth/auth.table';
import { hashPassword } from '../auth/passwords';
import { sealIdentity } from '../people/people.service';
import { households, organisations, partyBranches } from '../people/people.table';
import { insertMovesBulk, insertResidentsBulk } from '../people/people-bulk.repo';
import { insertChildPlace, type PlaceRow } from '../places/places.repo';
import { gates, places } from '../places/places.table';
import { generateDemoData } from './generate';

export const DEMO_PASSWORD = 'dashu-demo';

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(places);
  return (rows[0]?.n ?? 0) === 0;
}

/** Inserts in slices: one statement per slice keeps parameter counts under PostgreSQL's limit. */
async function insertInSlices<T>(items: T[], size: number, insert: (slice: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

/**
 * Loads the two communities of the story at full size in one transaction: a crash half-way leaves an
 * empty database, which the next start seeds again, never a half demo.
 */
export async function seedDemo(services: Services, log: (line: string) => void = () => {}) {
  const started = Date.now();
  const data = generateDemoData();
  const { vault } = services;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await services.database.db.transaction(async (tx) => {
    const root = await insertChildPlace(tx, null, { kind: 'city', name: '北京市', code: 'beijing' });
    const byKey = new Map<string, PlaceRow>([['*', root]]);
    for (const [index, place] of data.places.entries()) {
      const parent = place.parentKey ? byKey.get(place.parentKey) : root;
      if (!parent) throw new Error(`demo place ${place.key} has an unknown parent`);
      byKey.set(
        place.key,
        await insertChildPlace(tx, parent, {
          kind: place.kind,
          name: place.name,
          code: place.code,
          sortKey: place.sortKey ?? index,
        }),
      );
    }
    const placeId = (key: string) => {
      const found = byKey.get(key);
      if (!found) throw new Error(`demo data refers to unknown place ${key}`);
      return found;
    };
    await tx.insert(gates).values(
      data.gates.map((g) => {
        const compound = placeId(g.compoundKey);
        return {
          communityId: compound.communityId as number,
          compoundId: compound.id,
          name: g.name,
          vehiclesAllowed: g.vehiclesAllowed,
          openingHours: g.openingHours,
        };
      }),
    );
    const householdIds = await insertHouseholds(tx, data.households, placeId);
    await insertResidents(tx, data.residents, placeId, householdIds, vault);
    await tx.insert(organisations).values(
      data.organisations.map((o) => ({
        communityId: placeId(o.communityKey).id,
        name: o.name,
        kind: o.kind,
        address: o.address,
        contactName: o.contactName,
        contactPhoneCipher: vault.encrypt(o.contactPhone),
        contactPhoneMasked: maskPhone(o.contactPhone),
        staffCount: o.staffCount,
      })),
    );
    await tx.insert(partyBranches).values(
      data.partyBranches.map((b) => ({
        communityId: placeId(b.communityKey).id,
        name: b.name,
        secretaryName: b.secretaryName,
        memberCount: b.memberCount,
      })),
    );
    await tx.insert(accounts).values(
      data.accounts.map((a) => ({
        username: a.username,
        displayName: a.displayName,
        passwordHash,
        role: a.role,
        scopePlaceId: placeId(a.scopeKey).id,
        scopeBuildingIds: a.scopeBuildingKeys?.map((k) => placeId(k).id) ?? null,
      })),
    );
  });
  const passes = await seedPasses(services, data);
  log(
    `演示数据已载入 · demo loaded: ${data.households.length} 户 households, ${data.residents.length} 人 residents, ` +
      `${data.organisations.length} 个辖区单位 organisations, ${passes} 张出入证 passes (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

type Data = ReturnType<typeof generateDemoData>;

/**
 * Gongyun closed its two courtyards and printed passes for every household (R7): issued here so the
 * pass pages and the gate app have something to show. Valid for sixty days from today.
 */
async function seedPasses(services: Services, data: Data): Promise<number> {
  const codes = new Set(data.gates.map((g) => g.compoundKey).filter((key) => key.startsWith('gongyun')));
  const compounds = await services.database.db
    .select({ id: places.id, communityId: places.communityId })
    .from(places)
    .where(inArray(places.code, [...codes]));
  let issued = 0;
  const validUntil = addDays(beijingToday(), 60);
  for (const compound of compounds) {
    if (compound.communityId === null) continue;
    issued += (
      await services.passes.seedCompound({ id: compound.id, communityId: compound.communityId }, validUntil)
    ).issued;
  }
  return issued;
}

async function insertHouseholds(tx: DbOrTx, list: Data['households'], placeId: (key: string) => PlaceRow) {
  const ids = new Map<string, number>();
  await insertInSlices(list, 1000, async (slice) => {
    const rows = await tx
      .insert(households)
      .values(
        slice.map((h) => ({
          communityId: placeId(h.communityKey).id,
          buildingId: placeId(h.buildingKey).id,
          entranceId: h.entranceKey ? placeId(h.entranceKey).id : null,
          floor: h.floor,
          room: h.room,
          vacant: h.vacant,
        })),
      )
      .returning({ id: households.id });
    slice.forEach((h, i) => {
      const row = rows[i];
      if (row) ids.set(h.key, row.id);
    });
  });
  return ids;
}

async function insertResidents(
  tx: DbOrTx,
  list: Data['residents'],
  placeId: (key: string) => PlaceRow,
  householdIds: Map<string, number>,
  vault: Services['vault'],
) {
  await insertInSlices(list, 2000, async (slice) => {
    const rows = await insertResidentsBulk(
      tx,
      slice.map((r) => ({
        communityId: placeId(r.communityKey).id,
        householdId: householdIds.get(r.householdKey) ?? null,
        name: r.name,
        gender: r.gender,
        docType: r.docType,
        ...sealIdentity(vault, r.docNumber, r.phone),
        birthDate: r.birthDate,
        relationToHead: r.relationToHead,
        residenceType: r.residenceType,
        tags: r.tags,
        notes: r.notes,
      })),
    );
    await insertMovesBulk(
      tx,
      rows.map((row) => ({ ...row, residentId: row.id, reason: '初始登记', byAccountId: null })),
    );
  });
}
