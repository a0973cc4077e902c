import { and, asc, eq, ilike, inArray, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AccountBuilding, AccountStatus } from '../../../shared/auth/accounts';
import type { Role } from '../../../shared/auth/roles';
import type { DbOrTx } from '../../db/database';
import { places } from '../places/places.table';
import { accounts } from './auth.table';
import type { Scope } from './scope';

export interface AccountFilter {
  role?: Role | undefined;
  status?: AccountStatus | undefined;
  /** Accounts scoped at or under this place (already checked to be in the caller's scope). */
  place?: { id: number; path: string } | undefined;
  /** Part of the username or the name. */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const compound = alias(places, 'compound');

const subtreeOf = (p: { id: number; path: string }) => `${p.path}${p.id}/%`;

/** Accounts whose scope place is at or under the caller's place (and the filter's), newest first. */
export async function listAccounts(db: DbOrTx, scope: Scope, filter: AccountFilter) {
  const atOrUnder = (p: { id: number; path: string }) =>
    or(eq(places.id, p.id), like(places.path, subtreeOf(p))) as SQL;
  const conditions: SQL[] = [atOrUnder({ id: scope.placeId, path: scope.placePath })];
  if (filter.place) conditions.push(atOrUnder(filter.place));
  if (filter.role) conditions.push(eq(accounts.role, filter.role));
  if (filter.status === 'active') conditions.push(isNull(accounts.disabledAt));
  if (filter.status === 'disabled') conditions.push(isNotNull(accounts.disabledAt));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(accounts.username, pattern), ilike(accounts.displayName, pattern)) as SQL);
  }
  const where = and(...conditions);
  const [rows, count] = await Promise.all([
    db
      .select({ account: accounts, place: { name: places.name, kind: places.kind } })
      .from(accounts)
      .innerJoin(places, eq(places.id, accounts.scopePlaceId))
      .where(where)
      .orderBy(sql`${accounts.disabledAt} is not null`, asc(places.path), asc(accounts.username))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .innerJoin(places, eq(places.id, accounts.scopePlaceId))
      .where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** One account with its scope place (path included, for the scope check). */
export async function findAccountWithPlace(db: DbOrTx, id: number) {
  const rows = await db
    .select({
      account: accounts,
      place: { id: places.id, name: places.name, kind: places.kind, path: places.path },
    })
    .from(accounts)
    .innerJoin(places, eq(places.id, accounts.scopePlaceId))
    .where(eq(accounts.id, id))
    .limit(1);
  return rows[0];
}

/** Buildings by id, each with the compound it stands in (when it stands in one). */
export async function loadBuildings(db: DbOrTx, ids: number[]): Promise<Map<number, AccountBuilding>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: places.id, name: places.name, compoundName: compound.name })
    .from(places)
    .leftJoin(compound, and(eq(compound.id, places.parentId), eq(compound.kind, 'compound')))
    .where(inArray(places.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
