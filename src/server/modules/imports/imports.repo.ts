import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../auth/scope';
import { households, residentMoves, residents } from '../people/people.table';
import { places } from '../places/places.table';
import { importJobs, importRejections } from './imports.table';

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function insertJob(db: DbOrTx, values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  const rows = await db.insert(importJobs).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

export async function updateJob(db: DbOrTx, id: number, values: Partial<typeof importJobs.$inferInsert>) {
  await db.update(importJobs).set(values).where(eq(importJobs.id, id));
}

/**
 * Takes an import for a run: only while it is still running (not done, not failed), counting the try and
 * starting its progress again (a retry reads the file from the start).
 */
export async function claimJob(db: DbOrTx, id: number): Promise<ImportJobRow | undefined> {
  const rows = await db
    .update(importJobs)
    .set({ attempts: sql`${importJobs.attempts} + 1`, phase: 'reading', processedRows: 0, totalRows: null })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
    .returning();
  return rows[0];
}

/** Progress of a running import; an import that ended meanwhile is left as it ended. */
export async function updateRunningJob(
  db: DbOrTx,
  id: number,
  values: Pick<typeof importJobs.$inferInsert, 'phase' | 'processedRows' | 'totalRows'>,
) {
  await db
    .update(importJobs)
    .set(values)
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/** Ends an import that is still running (failed); one that ended already keeps its outcome. */
export async function finishRunningJob(
  db: DbOrTx,
  id: number,
  values: Partial<typeof importJobs.$inferInsert>,
) {
  await db
    .update(importJobs)
    .set(values)
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

export async function deleteRejections(db: DbOrTx, jobId: number) {
  await db.delete(importRejections).where(eq(importRejections.jobId, jobId));
}

export async function findJob(db: DbOrTx, scope: Scope, id: number) {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), inArray(importJobs.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function listJobs(db: DbOrTx, scope: Scope, communityId?: number) {
  if (scope.communityIds.length === 0) return [];
  const where = communityId
    ? and(eq(importJobs.communityId, communityId), inArray(importJobs.communityId, scope.communityIds))
    : inArray(importJobs.communityId, scope.communityIds);
  return db.select().from(importJobs).where(where).orderBy(desc(importJobs.startedAt)).limit(20);
}

export async function insertRejections(db: DbOrTx, rows: Array<typeof importRejections.$inferInsert>) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(importRejections).values(rows.slice(i, i + 500));
}

export async function listRejections(db: DbOrTx, jobId: number) {
  return db
    .select()
    .from(importRejections)
    .where(eq(importRejections.jobId, jobId))
    .orderBy(asc(importRejections.rowNumber));
}

/** Every compound, building, bungalow area and entrance of a community: imports resolve names against it. */
export async function communityPlaces(db: DbOrTx, communityId: number) {
  return db
    .select({ id: places.id, parentId: places.parentId, kind: places.kind, name: places.name })
    .from(places)
    .where(
      and(
        eq(places.communityId, communityId),
        inArray(places.kind, ['compound', 'building', 'bungalow_area', 'entrance']),
      ),
    );
}

export async function communityDoors(db: DbOrTx, communityId: number) {
  return db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      entranceId: households.entranceId,
      room: households.room,
    })
    .from(households)
    .where(eq(households.communityId, communityId));
}

export async function insertHouseholds(db: DbOrTx, rows: Array<typeof households.$inferInsert>) {
  const out: Array<{ id: number; buildingId: number; entranceId: number | null; room: string }> = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(await db
        .insert(households)
        .values(rows.slice(i, i + 1000))
        .returning({
          id: households.id,
          buildingId: households.buildingId,
          entranceId: households.entranceId,
          room: households.room,
        })),
    );
  }
  return out;
}

export async function residentsByHash(db: DbOrTx, communityId: number, hashes: string[]) {
  if (hashes.length === 0) return [];
  return db
    .select()
    .from(residents)
    .where(and(eq(residents.communityId, communityId), inArray(residents.docHash, hashes)));
}

export async function updateResidentFields(
  db: DbOrTx,
  id: number,
  values: Partial<typeof residents.$inferInsert>,
) {
  await db
    .update(residents)
    .set({ ...values, version: sql`${residents.version} + 1`, updatedAt: new Date() })
    .where(eq(residents.id, id));
}

export async function closeMoves(db: DbOrTx, residentIds: number[]) {
  if (residentIds.length === 0) return;
  await db
    .update(residentMoves)
    .set({ toAt: new Date() })
    .where(and(inArray(residentMoves.residentId, residentIds), sql`${residentMoves.toAt} is null`));
}

export async function findJobById(db: DbOrTx, id: number) {
  const rows = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return rows[0];
}

/** The heads (户主) living at a door of the community: a roster must not add a second one silently. */
export async function communityHeads(db: DbOrTx, communityId: number) {
  return db
    .select({ householdId: residents.householdId, docHash: residents.docHash, name: residents.name })
    .from(residents)
    .where(
      and(
        eq(residents.communityId, communityId),
        eq(residents.relationToHead, 'self'),
        sql`${residents.movedOutAt} is null`,
      ),
    );
}

/** A previewed import goes on to be imported: only once, only while it waits for its confirmation. */
export async function confirmPreview(db: DbOrTx, id: number, accepted: number[]) {
  const rows = await db
    .update(importJobs)
    .set({ status: 'running', mode: 'import', phase: 'reading', accepted, attempts: 0 })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'previewed')))
    .returning();
  return rows[0];
}

/** A previewed import the user lets go: only while it waits for its confirmation. */
export async function discardPreview(db: DbOrTx, id: number) {
  const rows = await db
    .update(importJobs)
    .set({ status: 'discarded', previewCipher: null, finishedAt: new Date() })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'previewed')))
    .returning();
  return rows[0];
}
