import { and, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { places } from '../places/places.table';
import { accounts, sessions } from './auth.table';

export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountByUsername(db: DbOrTx, username: string): Promise<AccountRow | undefined> {
  const rows = await db.select().from(accounts).where(eq(accounts.username, username)).limit(1);
  return rows[0];
}

export async function findAccountById(db: DbOrTx, id: number): Promise<AccountRow | undefined> {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0];
}

export async function insertAccount(db: DbOrTx, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  const rows = await db.insert(accounts).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateAccount(db: DbOrTx, id: number, values: Partial<typeof accounts.$inferInsert>) {
  await db.update(accounts).set(values).where(eq(accounts.id, id));
}

export async function insertSession(db: DbOrTx, tokenHash: string, accountId: number, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash, accountId, expiresAt });
}

/** Expired sessions are dead weight; sweeping them at sign-in keeps the table small without a job. */
export async function deleteExpiredSessions(db: DbOrTx) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
}

/** Buildings (or bungalow areas) among `ids` that lie under the place with `childPathPrefix`. */
export async function countBuildingsUnder(db: DbOrTx, ids: number[], childPathPrefix: string) {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(places)
    .where(
      and(
        inArray(places.id, ids),
        inArray(places.kind, ['building', 'bungalow_area']),
        like(places.path, `${childPathPrefix}%`),
      ),
    );
  return rows[0]?.n ?? 0;
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: DbOrTx, accountId: number, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash
        ? and(eq(sessions.accountId, accountId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
        : eq(sessions.accountId, accountId),
    );
}

export async function findSessionAccount(db: DbOrTx, tokenHash: string) {
  const rows = await db
    .select({ account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return rows[0]?.account;
}

/** The scope place with its path, and every community at or under it. */
export async function loadScopePlaces(db: DbOrTx, placeId: number) {
  const placeRows = await db
    .select({
      id: places.id,
      path: places.path,
      kind: places.kind,
      name: places.name,
      communityId: places.communityId,
    })
    .from(places)
    .where(eq(places.id, placeId))
    .limit(1);
  const place = placeRows[0];
  if (!place) return undefined;
  const subtree = `${place.path}${place.id}/%`;
  const communities = await db
    .select({ id: places.id })
    .from(places)
    .where(and(eq(places.kind, 'community'), or(eq(places.id, place.id), like(places.path, subtree))));
  return { place, communityIds: communities.map((c) => c.id) };
}
