import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type GateHolder, maskName } from '../../../shared/access';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { households, residents } from '../people/people.table';
import { compoundNameOf } from '../places/place-labels';
import { gates, places } from '../places/places.table';
import { currentStatusesSql } from '../status/status.repo';
import { accessSettings, passes } from './access.table';

export type PassRow = typeof passes.$inferSelect;
export type GateRow = typeof gates.$inferSelect;

/** Observation statuses that keep a person at home (or in a hotel): they must not go out. */
export const STAY_IN_STATUSES = ['home_observation', 'centralised_observation'] as const;
const STAY_IN_SQL = sql.join(
  STAY_IN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export async function findGateInScope(db: DbOrTx, scope: Scope, id: number): Promise<GateRow | undefined> {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(gates)
    .where(and(eq(gates.id, id), inArray(gates.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function listGatesInScope(db: DbOrTx, scope: Scope) {
  if (scope.communityIds.length === 0) return [];
  return db
    .select({ gate: gates, compoundName: places.name })
    .from(gates)
    .innerJoin(places, eq(places.id, gates.compoundId))
    .where(inArray(gates.communityId, scope.communityIds))
    .orderBy(asc(gates.compoundId), asc(gates.id));
}

export async function findSettings(db: DbOrTx, communityId: number) {
  const rows = await db
    .select()
    .from(accessSettings)
    .where(eq(accessSettings.communityId, communityId))
    .limit(1);
  return rows[0];
}

export async function setPassHolder(db: DbOrTx, communityId: number, passHolder: string) {
  await db
    .insert(accessSettings)
    .values({ communityId, passHolder })
    .onConflictDoUpdate({ target: accessSettings.communityId, set: { passHolder, updatedAt: new Date() } });
}

/** Takes `count` numbers from the community's series; the row lock keeps two issuers from sharing one. */
export async function reserveNumbers(tx: DbOrTx, communityId: number, count: number): Promise<number> {
  const rows = await tx
    .insert(accessSettings)
    .values({ communityId, lastPassNumber: count })
    .onConflictDoUpdate({
      target: accessSettings.communityId,
      set: { lastPassNumber: sql`${accessSettings.lastPassNumber} + ${count}`, updatedAt: new Date() },
    })
    .returning({ last: accessSettings.lastPassNumber });
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('reserveNumbers returned nothing');
  return last - count + 1;
}

/**
 * Who should hold a pass for a compound: its occupied households (or the residents living in them).
 * A building belongs to the compound when the compound is on its path.
 */
export async function holdersOfCompound(
  db: DbOrTx,
  communityId: number,
  compoundId: number,
  kind: 'resident' | 'household',
): Promise<Array<{ householdId: number; residentId: number | null }>> {
  const underCompound = sql`${places.path} like ${`%/${compoundId}/%`}`;
  if (kind === 'household') {
    return db
      .select({ householdId: households.id, residentId: sql<number | null>`null::int` })
      .from(households)
      .innerJoin(places, eq(places.id, households.buildingId))
      .where(and(eq(households.communityId, communityId), eq(households.vacant, false), underCompound))
      .orderBy(asc(places.sortKey), asc(places.id), asc(households.room), asc(households.id));
  }
  return db
    .select({ householdId: households.id, residentId: residents.id })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(places, eq(places.id, households.buildingId))
    .where(and(eq(residents.communityId, communityId), sql`${residents.movedOutAt} is null`, underCompound))
    .orderBy(asc(places.sortKey), asc(places.id), asc(households.room), asc(residents.id));
}

/** Holders that already have an active pass for the compound: bulk issue skips them. */
export async function activeHolderKeys(db: DbOrTx, compoundId: number): Promise<Set<string>> {
  const rows = await db
    .select({ householdId: passes.householdId, residentId: passes.residentId })
    .from(passes)
    .where(and(eq(passes.compoundId, compoundId), eq(passes.status, 'active')));
  return new Set(rows.map((r) => `${r.householdId}:${r.residentId ?? ''}`));
}

export async function insertPasses(tx: DbOrTx, rows: Array<typeof passes.$inferInsert>): Promise<PassRow[]> {
  const out: PassRow[] = [];
  // One statement per 1,000 rows keeps the parameter count under PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 1000)
    out.push(
      ...(await tx
        .insert(passes)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  return out;
}

export async function findPassInScope(db: DbOrTx, scope: Scope, id: number): Promise<PassRow | undefined> {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(passes)
    .where(and(eq(passes.id, id), inArray(passes.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function findPassByLink(db: DbOrTx, linkToken: string) {
  const rows = await db.select().from(passes).where(eq(passes.linkToken, linkToken)).limit(1);
  return rows[0];
}

export async function updatePass(tx: DbOrTx, id: number, values: Partial<typeof passes.$inferInsert>) {
  await tx.update(passes).set(values).where(eq(passes.id, id));
}

/**
 * Marks old passes as replaced by new ones, all in one statement: re-issuing a community's old-key passes
 * touches a thousand rows, one UPDATE each took seconds on the embedded database.
 */
export async function markReissued(tx: DbOrTx, replaced: Array<{ id: number; by: number }>) {
  if (replaced.length === 0) return;
  await tx.execute(sql`
    update ${passes} set status = 'reissued', replaced_by = u.new_id, revoked_at = now(),
      revoked_reason = '补发 · reissued', link_token = null
    from unnest(${sql.param(replaced.map((r) => r.id))}::int[], ${sql.param(replaced.map((r) => r.by))}::int[])
      as u(id, new_id)
    where ${passes.id} = u.id`);
}

export interface PassFilter {
  communityId?: number;
  compoundId?: number;
  status?: 'active' | 'revoked' | 'reissued' | 'expired';
  number?: number;
  ids?: number[];
  today: string;
  limit: number;
  offset: number;
}

/**
 * Passes with what is printed on them: the building (with its compound: several compounds have a "1号楼"),
 * room and the holder's name (masked by the service).
 */
export async function listPasses(db: DbOrTx, scope: Scope, filter: PassFilter) {
  if (scope.communityIds.length === 0) return { rows: [], total: 0 };
  const statusCondition =
    filter.status === 'expired'
      ? and(eq(passes.status, 'active'), sql`${passes.validUntil} < ${filter.today}`)
      : filter.status === 'active'
        ? and(eq(passes.status, 'active'), sql`${passes.validUntil} >= ${filter.today}`)
        : filter.status
          ? eq(passes.status, filter.status)
          : undefined;
  const where = and(
    inArray(passes.communityId, scope.communityIds),
    filter.communityId ? eq(passes.communityId, filter.communityId) : undefined,
    filter.compoundId ? eq(passes.compoundId, filter.compoundId) : undefined,
    filter.number ? eq(passes.number, filter.number) : undefined,
    filter.ids ? inArray(passes.id, filter.ids) : undefined,
    statusCondition,
  );
  // The holder's name: the resident for a personal pass, the head of the household (or its first
  // resident) for a household pass.
  const holderName = sql<string | null>`coalesce(
    (select r.name from ${residents} r where r.id = ${passes.residentId}),
    (select r.name from ${residents} r where r.household_id = ${passes.householdId} and r.moved_out_at is null
      order by (r.relation_to_head = 'self') desc, r.id limit 1))`;
  const [rows, count] = await Promise.all([
    db
      .select({
        pass: passes,
        room: households.room,
        buildingName: places.name,
        compoundName: compoundNameOf(places.parentId),
        holderName,
      })
      .from(passes)
      .innerJoin(households, eq(households.id, passes.householdId))
      .innerJoin(places, eq(places.id, households.buildingId))
      .where(where)
      .orderBy(asc(passes.communityId), asc(passes.number))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(passes).where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Numbers of the community's passes that must be refused: revoked, or replaced by a reissue. */
export async function revokedNumbers(db: DbOrTx, communityId: number): Promise<number[]> {
  const rows = await db
    .select({ number: passes.number })
    .from(passes)
    .where(and(eq(passes.communityId, communityId), inArray(passes.status, ['revoked', 'reissued'])))
    .orderBy(asc(passes.number));
  return rows.map((r) => r.number);
}

/** The compound's active passes as [number, valid until]: lets the gate phone judge a typed number offline. */
export async function activePassNumbers(db: DbOrTx, communityId: number, compoundId: number) {
  const rows = await db
    .select({ number: passes.number, validUntil: passes.validUntil })
    .from(passes)
    .where(
      and(
        eq(passes.communityId, communityId),
        eq(passes.compoundId, compoundId),
        eq(passes.status, 'active'),
      ),
    )
    .orderBy(asc(passes.number));
  return rows.map((r): [number, string] => [r.number, r.validUntil]);
}

/**
 * Active passes whose holder is under observation — for a household pass, anyone living in the
 * household. Only numbers leave the server: the gate phone needs nothing more to stop someone.
 */
export async function stayInNumbers(db: DbOrTx, communityId: number): Promise<number[]> {
  // Everyone under observation in the community (few), then their passes: personal or household.
  const result = await db.execute<{ number: number }>(sql`
    with stay as (
      select r.id, r.household_id from ${currentStatusesSql} ps join residents r on r.id = ps.resident_id
      where ps.community_id = ${communityId} and ps.status in (${STAY_IN_SQL}) and r.moved_out_at is null)
    select p.number from passes p join stay on p.resident_id = stay.id
      where p.community_id = ${communityId} and p.status = 'active'
    union
    select p.number from passes p join stay on p.household_id = stay.household_id and p.resident_id is null
      where p.community_id = ${communityId} and p.status = 'active'
    order by 1`);
  return result.rows.map((r) => Number(r.number));
}

/**
 * What gate checks need about some passes (or all of a community's), in one round trip: each row, whether
 * its holder stays in, and whose pass it is (door, people there, the holder's name — masked here, so the
 * pass-state cache never holds a full name).
 */
export async function passesForCheck(db: DbOrTx, communityId: number, numbers: number[] | 'all') {
  if (numbers !== 'all' && numbers.length === 0) return new Map<number, PassForCheck>();
  const which = numbers === 'all' ? sql`` : sql` and p.number = any(${sql.param(numbers)}::int[])`;
  // Two index lookups (the holder, or the household's residents), never an OR join over residents.
  const result = await db.execute<Omit<PassForCheck, 'holder'> & HolderColumns>(sql`
    select p.id, p.number, p.status, p.compound_id as "compoundId", p.valid_until as "validUntil",
      p.household_id as "householdId", p.resident_id as "residentId",
      case when p.resident_id is not null then exists (
          select 1 from ${currentStatusesSql} ps where ps.resident_id = p.resident_id and ps.status in (${STAY_IN_SQL}))
        else exists (
          select 1 from residents r join ${currentStatusesSql} ps on ps.resident_id = r.id
          where r.household_id = p.household_id and r.moved_out_at is null and ps.status in (${STAY_IN_SQL}))
      end as "stayIn",
      ${HOLDER_COLUMNS}
    from passes p ${HOLDER_JOINS}
    where p.community_id = ${communityId}${which}`);
  return new Map(
    result.rows.map(({ holderName, compound, building, unit, room, holders, ...r }) => [
      Number(r.number),
      {
        ...r,
        holder: {
          name: holderName === null ? null : maskName(holderName),
          compound,
          building,
          unit,
          room,
          holders: Number(holders),
        },
      },
    ]),
  );
}

/** A pass's door and holder as read (the name still whole: mask it before it leaves the repository). */
export type HolderColumns = {
  holderName: string | null;
  compound: string;
  building: string;
  unit: string | null;
  room: string;
  holders: number;
};

/**
 * The holder of pass `p`: the resident for a personal pass, the head of the household (or its first
 * resident) for a household pass, as on the printed pass; and how many live at the door.
 */
export const HOLDER_COLUMNS = sql`
  coalesce(
    (select r.name from residents r where r.id = p.resident_id),
    (select r.name from residents r where r.household_id = p.household_id and r.moved_out_at is null
      order by (r.relation_to_head = 'self') desc, r.id limit 1)) as "holderName",
  hc.name as compound, hb.name as building, he.name as unit, h.room,
  (select count(*) from residents r where r.household_id = p.household_id and r.moved_out_at is null)::int
    as holders`;
export const HOLDER_JOINS = sql`
  join households h on h.id = p.household_id
  join places hb on hb.id = h.building_id
  left join places he on he.id = h.entrance_id
  join places hc on hc.id = p.compound_id`;

export type PassForCheck = {
  id: number;
  number: number;
  status: string;
  compoundId: number;
  validUntil: string;
  householdId: number;
  residentId: number | null;
  stayIn: boolean;
  holder: GateHolder;
};

/** The active pass (personal, or of their household) of a resident found by document hash. */
export async function passOfDocument(
  db: DbOrTx,
  communityId: number,
  compoundId: number,
  docHashes: string[],
) {
  const result = await db.execute<{ name: string; number: number; token: string }>(sql`
    select r.name, p.number, p.token from residents r
    join passes p on p.community_id = r.community_id and p.compound_id = ${compoundId} and p.status = 'active'
      and (p.resident_id = r.id or (p.resident_id is null and p.household_id = r.household_id))
    where r.community_id = ${communityId} and r.doc_hash = any(${sql.param(docHashes)}::text[])
      and r.moved_out_at is null
    order by (p.resident_id = r.id) desc nulls last, p.number desc
    limit 1`);
  return result.rows[0];
}
