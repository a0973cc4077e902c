import { desc, inArray } from 'drizzle-orm';
import type { FormQuestion } from '../../../shared/declarations';
import type { DbOrTx } from '../../db/database';
import { formVersions } from './declarations.table';

export type FormVersionRow = typeof formVersions.$inferSelect;

/** Every version set at any of these places, newest first. */
export async function versionsAt(db: DbOrTx, placeIds: number[]): Promise<FormVersionRow[]> {
  if (placeIds.length === 0) return [];
  return db
    .select()
    .from(formVersions)
    .where(inArray(formVersions.placeId, placeIds))
    .orderBy(desc(formVersions.id))
    .limit(200);
}

export async function insertVersion(
  db: DbOrTx,
  values: { placeId: number; questions: FormQuestion[]; createdBy: number },
): Promise<FormVersionRow> {
  const rows = await db.insert(formVersions).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}
