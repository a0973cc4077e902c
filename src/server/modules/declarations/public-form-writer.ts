import { sameName } from '../../../shared/people/person-name';
import type { Database, DbOrTx } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import type { Vault } from '../../privacy/vault';
import { updateResident } from '../people/people.repo';
import { type sealIdentity, sealPhone } from '../people/people.service';
import {
  type DoorInsert,
  doorKey,
  ensureHouseholdsAtDoors,
  insertResidentsBulk,
  residentsByDocHashes,
} from '../people/people-bulk.repo';
import { type PersonCheck, type WrittenDeclaration, writeDeclarationBatch } from './declarations-batch.repo';
import type { PreparedDeclaration } from './declarations-writer';
import { registerAndDeclare } from './public-form.repo';

/** A public submit that passed every check that needs no database, waiting for its batch. */
export interface CheckedSubmit {
  communityId: number;
  person: { name: string; gender: string | null; birthDate: string | null; phone: string | null };
  docType: string;
  sealed: ReturnType<typeof sealIdentity>;
  door: DoorInsert | null;
  newcomerNote: string | null;
  /** Judged by the rules, sealed, carrying its client id and typed name: the batch only writes. */
  declaration: PreparedDeclaration;
}

const REGISTERED_BY_FORM = '居民自行登记';

const selfDeclared = (i: CheckedSubmit) => ({
  door: i.door,
  resident: {
    communityId: i.communityId,
    name: i.person.name,
    gender: i.person.gender,
    birthDate: i.person.birthDate,
    docType: i.docType,
    ...i.sealed,
    relationToHead: 'other',
    residenceType: i.door ? 'registered' : 'floating',
    notes: i.door ? null : i.newcomerNote,
  },
});

/** A batch of submits: people found or registered by ID hash and every declaration judged and recorded, in one go. */
async function writeSubmits(db: DbOrTx, items: CheckedSubmit[]): Promise<Array<WrittenDeclaration | null>> {
  const written = await registerAndDeclare(
    db,
    items.map(selfDeclared),
    items.map((i) => i.declaration.write),
    { reason: REGISTERED_BY_FORM },
  );
  const byOrd = new Map(written.map((w) => [w.ord, w]));
  return items.map((_, i) => byOrd.get(i + 1) ?? null);
}

/**
 * The slow way, statement by statement in one transaction, for the rare submit the batch statement
 * could not settle (someone else was creating their door, registering them or storing the same client
 * id at that very moment). The same rules: the typed name is compared with the registry's, the phone is
 * taken only with the right name, and the declaration is judged by the same statement as a batch's.
 */
async function writeOneByOne(tx: DbOrTx, vault: Vault, item: CheckedSubmit): Promise<WrittenDeclaration> {
  const [found] = await residentsByDocHashes(tx, [
    { communityId: item.communityId, docHash: item.sealed.docHash },
  ]);
  let residentId: number;
  let check: PersonCheck;
  if (found) {
    residentId = found.id;
    check = { verified: found.verified, nameOk: sameName(found.name, item.person.name) };
    // The registry had no phone for them: the one they typed is the best there is.
    if (check.nameOk && !found.phoneHash && item.sealed.phoneHash)
      await updateResident(tx, found.id, found.version, sealPhone(vault, item.person.phone));
  } else {
    const doors = await ensureHouseholdsAtDoors(tx, item.door ? [item.door] : []);
    const [inserted] = await insertResidentsBulk(
      tx,
      [
        {
          ...selfDeclared(item).resident,
          householdId: item.door ? (doors.get(doorKey(item.door)) ?? null) : null,
          tags: [],
          verified: false,
        },
      ],
      { reason: REGISTERED_BY_FORM, byAccountId: null },
    );
    if (!inserted) throw new Error('resident neither found nor created');
    residentId = inserted.id;
    check = { verified: false, nameOk: true };
  }
  const write = [{ ...item.declaration.write, residentId }];
  // A client id another transaction was storing as this statement began is answered by the next one.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await writeDeclarationBatch(tx, write, [check]);
    if (row) return row;
  }
  throw new Error('declaration not written');
}

/**
 * Writes public submits: group-committed (`write-batcher.ts`), ONE statement per batch. PostgreSQL takes
 * two batches at once (one being written while the next is prepared; more only made smaller batches
 * and slower answers on our two-core machines); the embedded database runs one statement at a time
 * anyway. A submit the batch could not settle is answered null and takes the slow way on its own.
 */
export function createSubmitWriter(database: Database, vault: Vault) {
  const { db } = database;
  const batcher = createWriteBatcher<CheckedSubmit, WrittenDeclaration | null>({
    maxBatch: 100,
    maxInFlight: database.kind === 'postgres' ? 2 : 1,
    run: (items) => writeSubmits(db, items),
  });
  return {
    async write(item: CheckedSubmit): Promise<WrittenDeclaration> {
      return (await batcher.add(item)) ?? (await db.transaction((tx) => writeOneByOne(tx, vault, item)));
    },
  };
}

/** Both ways of writing, for tests that hold a batch or the slow way to the same rules. */
export const submitWriting = { writeSubmits, writeOneByOne };
