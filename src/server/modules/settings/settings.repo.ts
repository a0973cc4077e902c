import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { settings } from './settings.table';

export async function readSetting(db: DbOrTx, key: string): Promise<string | null> {
  const rows = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return rows[0]?.value ?? null;
}

export async function writeSetting(db: DbOrTx, key: string, value: string | null, accountId: number) {
  if (value === null) {
    await db.delete(settings).where(eq(settings.key, key));
    return;
  }
  await db
    .insert(settings)
    .values({ key, value, updatedBy: accountId })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedBy: accountId, updatedAt: sql`now()` },
    });
}
