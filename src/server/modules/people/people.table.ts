import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A household is a door: one room in a building (or a yard in a bungalow area). */
export const households = pgTable(
  'households',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    buildingId: integer('building_id').notNull(),
    entranceId: integer('entrance_id'),
    floor: integer('floor'),
    room: text('room').notNull(),
    vacant: boolean('vacant').notNull().default(false),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_door_uq').on(t.buildingId, sql`coalesce(${t.entranceId}, 0)`, t.room),
    index('households_community_idx').on(t.communityId),
    index('households_entrance_idx').on(t.entranceId),
  ],
);

/**
 * Sensitive values (document number, phone) are stored three ways: AES-GCM ciphertext (the value),
 * an HMAC (equality lookups and duplicate detection without decrypting) and the masked form the
 * server shows everyone. Phone tail digits are kept in clear for "search by the last four digits",
 * which is what staff actually ask for and is already visible in the mask.
 */
export const residents = pgTable(
  'residents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    householdId: integer('household_id'),
    name: text('name').notNull(),
    gender: text('gender'),
    docType: text('doc_type').notNull(),
    docCipher: text('doc_cipher').notNull(),
    docHash: text('doc_hash').notNull(),
    docMasked: text('doc_masked').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    phoneTail: text('phone_tail'),
    birthDate: date('birth_date', { mode: 'string' }),
    relationToHead: text('relation_to_head').notNull().default('other'),
    residenceType: text('residence_type').notNull().default('registered'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    verified: boolean('verified').notNull().default(true),
    movedOutAt: timestamp('moved_out_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('residents_doc_uq').on(t.communityId, t.docHash),
    index('residents_household_idx').on(t.householdId),
    // Name search is a prefix match sorted by name, within a community or across many: both orders indexed.
    index('residents_name_idx').on(t.communityId, sql`(${t.name} collate "C")`),
    index('residents_name_all_idx').on(sql`(${t.name} collate "C")`),
    index('residents_phone_tail_idx').on(t.communityId, t.phoneTail),
    index('residents_doc_hash_idx').on(t.docHash),
    index('residents_phone_hash_idx').on(t.phoneHash),
    // Self-registered people waiting to be verified: the menu badge counts them on every poll.
    index('residents_unverified_idx')
      .on(t.communityId)
      .where(sql`${t.verified} = false and ${t.movedOutAt} is null`),
  ],
);

/** Where a resident lived and when: moving between households closes one row and opens the next. */
export const residentMoves = pgTable(
  'resident_moves',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    residentId: integer('resident_id').notNull(),
    householdId: integer('household_id'),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull().defaultNow(),
    toAt: timestamp('to_at', { withTimezone: true }),
    reason: text('reason'),
    byAccountId: integer('by_account_id'),
  },
  (t) => [index('resident_moves_resident_idx').on(t.residentId, t.fromAt)],
);

/** 辖区单位: organisations inside a community (shops, schools, offices). */
export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhoneCipher: text('contact_phone_cipher'),
    contactPhoneMasked: text('contact_phone_masked'),
    staffCount: integer('staff_count'),
    notes: text('notes'),
  },
  (t) => [index('organisations_community_idx').on(t.communityId)],
);

/** 党支部. The volunteers module will hang members and tasks off these. */
export const partyBranches = pgTable(
  'party_branches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer('community_id').notNull(),
    name: text('name').notNull(),
    secretaryName: text('secretary_name'),
    memberCount: integer('member_count').notNull().default(0),
  },
  (t) => [index('party_branches_community_idx').on(t.communityId)],
);
