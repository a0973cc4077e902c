import { type SQL, sql } from 'drizzle-orm';
import { NAME_KEY_FOLD } from '../../../shared/people/person-name';
import type { DbOrTx } from '../../db/database';
import { executePrepared } from '../../db/prepared';
import type { DoorInsert, ResidentInsert } from './people-bulk.repo';

/** `nameKey` of a name, in SQL (the same fold: src/shared/people/person-name.ts). */
export function nameKeySql(name: SQL): SQL {
  return sql`translate(${name}, ${NAME_KEY_FOLD.from}::text, ${NAME_KEY_FOLD.to}::text)`;
}

/** Someone who declared on the public form: who they are (sealed) and the door they named, if any. */
export interface SelfDeclared {
  door: DoorInsert | null;
  /** Everything but the household, which comes from the door. */
  resident: Omit<ResidentInsert, 'householdId' | 'tags' | 'verified'>;
}

export interface PersonFound {
  id: number;
  communityId: number;
  docHash: string;
  phoneHash: string | null;
  version: number;
  /** Registered by this statement (marked unverified), not found. */
  registered: boolean;
}

/**
 * Finds each person by the keyed hash of their ID number and registers the ones not found — with a
 * household at the door they named when that door is new, and the opening row of their moves history —
 * as common table expressions, so the public form can register people and record their declarations in
 * ONE statement (its batches are bounded by round trips to the database, not by rows). Someone found
 * with no phone on record gets the one they typed (the first copy's, if they sent several) — only when
 * the name they typed is the registry's: an ID number alone proves nothing.
 *
 * Ends in `settled (ord, resident_id, community_id, doc_hash, phone_hash, version, registered, verified,
 * name_ok)`: one row per person given, `ord` counting from 1 in the order given; `verified` is the
 * registry's flag (false for someone registered now) and `name_ok` whether the typed name is the
 * registry's (`nameKey`; true for someone registered now). `resident_id` is null only when another
 * transaction took their door or their ID at the same moment (both inserts skip conflicts); that
 * person then goes the slow way. The CTE names used here are p, found, fresh, door_in, door_new, doors,
 * registered, moves, phoned and settled.
 */
export function findOrRegisterCtes(people: SelfDeclared[], move: { reason: string }): SQL {
  const col = <T>(pick: (p: SelfDeclared) => T) => sql.param(people.map(pick));
  return sql`
    p as (
      select * from unnest(${col((p) => p.resident.communityId)}::int[], ${col((p) => p.resident.docHash)}::text[],
        ${col((p) => p.door?.buildingId ?? null)}::int[], ${col((p) => p.door?.entranceId ?? null)}::int[],
        ${col((p) => p.door?.room ?? null)}::text[], ${col((p) => p.door?.notes ?? null)}::text[],
        ${col((p) => p.resident.name)}::text[], ${col((p) => p.resident.gender)}::text[],
        ${col((p) => p.resident.birthDate)}::text[], ${col((p) => p.resident.docType)}::text[],
        ${col((p) => p.resident.docCipher)}::text[], ${col((p) => p.resident.docMasked)}::text[],
        ${col((p) => p.resident.phoneCipher)}::text[], ${col((p) => p.resident.phoneHash)}::text[],
        ${col((p) => p.resident.phoneMasked)}::text[], ${col((p) => p.resident.phoneTail)}::text[],
        ${col((p) => p.resident.relationToHead)}::text[], ${col((p) => p.resident.residenceType)}::text[],
        ${col((p) => p.resident.notes)}::text[])
        with ordinality as p(c, dh, b, e, r, dn, n, g, bd, dt, dc, dm, pc, ph, pm, pt, rel, res, nt, ord)
    ), found as (
      select distinct r.id, r.community_id, r.doc_hash, r.phone_hash, r.version, r.verified,
        ${nameKeySql(sql`r.name`)} as name_key
      from residents r join p on r.community_id = p.c and r.doc_hash = p.dh
    ), fresh as (
      -- Once each, however often they pressed submit in this batch: the first copy's details.
      select distinct on (p.c, p.dh) p.* from p
      where not exists (select 1 from found f where f.community_id = p.c and f.doc_hash = p.dh)
      order by p.c, p.dh, p.ord
    ), door_in as (
      select distinct on (b, coalesce(e, 0), r) c, b, e, r, dn from fresh where b is not null
      order by b, coalesce(e, 0), r, ord
    ), door_new as (
      insert into households (community_id, building_id, entrance_id, room, notes)
      select c, b, e, r, dn from door_in
      on conflict do nothing
      returning id, building_id, entrance_id, room
    ), doors as (
      -- The statement does not see its own inserts: doors made now come from door_new, the rest from here.
      select * from door_new
      union all
      select h.id, h.building_id, h.entrance_id, h.room from households h
      join door_in d on h.building_id = d.b and coalesce(h.entrance_id, 0) = coalesce(d.e, 0) and h.room = d.r
    ), registered as (
      insert into residents (community_id, household_id, name, gender, birth_date, doc_type, doc_cipher, doc_hash,
        doc_masked, phone_cipher, phone_hash, phone_masked, phone_tail, relation_to_head, residence_type, tags,
        notes, verified)
      select f.c, d.id, f.n, f.g, f.bd::date, f.dt, f.dc, f.dh, f.dm, f.pc, f.ph, f.pm, f.pt, f.rel, f.res, '{}',
        f.nt, false
      from fresh f
      left join doors d on d.building_id = f.b and coalesce(d.entrance_id, 0) = coalesce(f.e, 0) and d.room = f.r
      -- A door someone else is creating right now is not visible here: that person goes the slow way.
      where f.b is null or d.id is not null
      on conflict (community_id, doc_hash) do nothing
      returning id, community_id, doc_hash, phone_hash, version, household_id
    ), moves as (
      insert into resident_moves (community_id, resident_id, household_id, reason, by_account_id)
      select community_id, id, household_id, ${move.reason}::text, null from registered
    ), phoned as (
      update residents set phone_cipher = x.pc, phone_hash = x.ph, phone_masked = x.pm, phone_tail = x.pt,
        version = residents.version + 1, updated_at = now()
      from (
        select distinct on (f.id) f.id, p.pc, p.ph, p.pm, p.pt from found f
        join p on p.c = f.community_id and p.dh = f.doc_hash
        where f.phone_hash is null and p.ph is not null and f.name_key = ${nameKeySql(sql`p.n`)}
        order by f.id, p.ord
      ) x
      where residents.id = x.id and residents.phone_hash is null
    ), settled as (
      select p.ord, coalesce(f.id, g.id) as resident_id, p.c as community_id, p.dh as doc_hash,
        coalesce(f.phone_hash, g.phone_hash) as phone_hash, coalesce(f.version, g.version) as version,
        g.id is not null as registered, coalesce(f.verified, false) as verified,
        f.id is null or f.name_key = ${nameKeySql(sql`p.n`)} as name_ok
      from p
      left join found f on f.community_id = p.c and f.doc_hash = p.dh
      left join registered g on g.community_id = p.c and g.doc_hash = p.dh
    )`;
}

/** `findOrRegisterCtes` on its own: each person found or registered, once, in no particular order. */
export async function findOrRegister(
  db: DbOrTx,
  people: SelfDeclared[],
  move: { reason: string },
): Promise<PersonFound[]> {
  if (people.length === 0) return [];
  const rows = await executePrepared<PersonFoundRow & { registered: boolean }>(
    db,
    'find_or_register',
    sql`with ${findOrRegisterCtes(people, move)}
      select distinct resident_id as id, community_id, doc_hash, phone_hash, version, registered
      from settled where resident_id is not null`,
  );
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    docHash: r.doc_hash,
    phoneHash: r.phone_hash,
    version: r.version,
    registered: r.registered,
  }));
}

type PersonFoundRow = {
  id: number;
  community_id: number;
  doc_hash: string;
  phone_hash: string | null;
  version: number;
};
