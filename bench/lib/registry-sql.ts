import type { Database } from '../../src/server/db/database';
import type { Services } from '../../src/server/http/types';
import { sealIdentity } from '../../src/server/modules/people/people.service';
import { residents } from '../../src/server/modules/people/people.table';
import { insertChildPlace, type PlaceRow } from '../../src/server/modules/places/places.repo';
import { chineseName, createRng, GIVEN_CHARS, mobile, residentId, SURNAMES } from './synthetic';

export const SUBDISTRICTS_PER_DISTRICT = [4, 3, 3];
export const COMMUNITIES_PER_SUBDISTRICT = 10;
const BUILDINGS_PER_COMMUNITY = 20;
const DOORS_PER_BUILDING = 200; // 25 floors × 8 doors

export interface Tree {
  districts: PlaceRow[];
  communities: PlaceRow[];
  /** Community ids under each district, in district order. */
  communitiesOfDistrict: number[][];
}

/** 3 districts → 10 sub-districts → 100 communities through the app's own place code, then 2,000 buildings. */
export async function buildTree({ db, pool }: Database): Promise<Tree> {
  const tree: Tree = { districts: [], communities: [], communitiesOfDistrict: [] };
  for (const [d, subCount] of SUBDISTRICTS_PER_DISTRICT.entries()) {
    const district = await insertChildPlace(db, null, {
      kind: 'district',
      name: `基准${d + 1}区`,
      code: `bd${d}`,
    });
    tree.districts.push(district);
    const ids: number[] = [];
    for (let s = 0; s < subCount; s += 1) {
      const sub = await insertChildPlace(db, district, {
        kind: 'subdistrict',
        name: `第${s + 1}街道`,
        code: `bd${d}s${s}`,
      });
      for (let c = 0; c < COMMUNITIES_PER_SUBDISTRICT; c += 1) {
        const code = `bd${d}s${s}c${c}`;
        const community = await insertChildPlace(db, sub, {
          kind: 'community',
          name: `第${c + 1}社区`,
          code,
        });
        tree.communities.push(community);
        ids.push(community.id);
      }
    }
    tree.communitiesOfDistrict.push(ids);
  }
  await pool.query(
    `insert into places (parent_id, kind, name, code, path, depth, community_id, sort_key)
     select c.id, 'building', g || '号楼', c.code || 'b' || g, c.path || c.id || '/', c.depth + 1, c.id, g
     from places c cross join generate_series(1, $1::int) g where c.kind = 'community' order by c.id, g`,
    [BUILDINGS_PER_COMMUNITY],
  );
  return tree;
}

/** 200 doors per building: 400,000 households, room numbers 101 … 2508. */
export async function insertHouseholds({ pool }: Database): Promise<number> {
  const result = await pool.query(
    `insert into households (community_id, building_id, floor, room)
     select b.community_id, b.id, (g - 1) / 8 + 1, (((g - 1) / 8 + 1) * 100 + (g - 1) % 8 + 1)::text
     from places b cross join generate_series(1, $1::int) g where b.kind = 'building' order by b.id, g`,
    [DOORS_PER_BUILDING],
  );
  return result.rowCount ?? 0;
}

/**
 * Residents of households [from, to): 2 or 3 a door (by id parity), made inside PostgreSQL. Names are drawn
 * from the same surname and given-name lists the queries use; the hashes are SHA-256 of the synthetic
 * numbers (not the app's HMAC, so they never collide with a real lookup); ciphers are placeholders.
 */
export async function insertResidentsOf({ pool }: Database, from: number, to: number): Promise<number> {
  const result = await pool.query(
    `with people as (
       select h.id as household_id, h.community_id, m, h.id::bigint * 3 + m as n
       from households h cross join lateral generate_series(0, 1 + h.id % 2) m
       where h.id >= $3 and h.id < $4
     ), numbered as (
       select p.*, '110105' || to_char(date '1940-01-01' + (n % 24000)::int, 'YYYYMMDD')
                 || lpad(((n / 24000) % 1000)::text, 3, '0') || (n % 10)::text as doc,
              case when n % 10 = 0 then null
                   else '1' || (3 + n % 7)::text || lpad(((n * 7919) % 1000000000)::text, 9, '0') end as phone
       from people p
     )
     insert into residents (community_id, household_id, name, gender, doc_type, doc_cipher, doc_hash, doc_masked,
       phone_cipher, phone_hash, phone_masked, phone_tail, birth_date, relation_to_head, residence_type, tags)
     select community_id, household_id,
       ($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int]
         || ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int]
         || case when random() < 0.65 then ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int]
                 else '' end,
       case when n % 2 = 0 then 'female' else 'male' end, 'resident_id',
       'v1:bench:' || n, encode(sha256(convert_to('doc:' || doc, 'UTF8')), 'hex'),
       left(doc, 6) || '***********' || right(doc, 1),
       case when phone is null then null else 'v1:bench:p' || n end,
       case when phone is null then null else encode(sha256(convert_to('phone:' || phone, 'UTF8')), 'hex') end,
       case when phone is null then null else left(phone, 3) || '****' || right(phone, 4) end,
       right(phone, 4),
       date '1940-01-01' + (n % 24000)::int,
       case m when 0 then 'self' when 1 then 'spouse' else 'child' end,
       case when n % 20 = 0 then 'floating' when n % 7 = 0 then 'long_term_renter' else 'registered' end,
       case when n % 15 = 0 then '{party_member}'::text[] else '{}'::text[] end
     from numbered`,
    [SURNAMES, GIVEN_CHARS, from, to],
  );
  return result.rowCount ?? 0;
}

export interface KnownPerson {
  name: string;
  docNumber: string;
  phone: string;
}

/** People sealed exactly as the app seals them (HMAC hashes), in households of one community. */
export async function insertKnownPeople(services: Services, communityId: number, count: number) {
  const rng = createRng(4242);
  const { rows } = await services.database.pool.query<{ id: number }>(
    'select id from households where community_id = $1 order by id limit $2',
    [communityId, count],
  );
  const known: KnownPerson[] = [];
  const values = rows.map((household, i) => {
    const female = i % 2 === 0;
    const person = {
      name: chineseName(rng),
      docNumber: residentId(9_000_000 + i, female),
      phone: mobile(7_000_000 + i),
    };
    known.push(person);
    return {
      communityId,
      householdId: household.id,
      name: person.name,
      gender: female ? 'female' : 'male',
      docType: 'resident_id',
      ...sealIdentity(services.vault, person.docNumber, person.phone),
      relationToHead: 'other',
      residenceType: 'registered',
    };
  });
  await services.database.db.insert(residents).values(values);
  return known;
}
