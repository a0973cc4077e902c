import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { RateCounts, RequestList } from '../../../shared/requests';
import { DUE_SOON_HOURS, FAILED_CALLBACKS_TO_CLOSE, OPEN_STATUSES } from '../../../shared/requests';
import type { DbOrTx } from '../../db/database';
import { accounts } from '../auth/auth.table';
import type { Scope } from '../auth/scope';
import { places } from '../places/places.table';
import { requestCategories, requestEvents, requests } from './requests.table';

export type RequestRow = typeof requests.$inferSelect;
export type CategoryRow = typeof requestCategories.$inferSelect;
export type EventRow = typeof requestEvents.$inferSelect;

export async function listCategories(db: DbOrTx, withRetired = false): Promise<CategoryRow[]> {
  return db
    .select()
    .from(requestCategories)
    .where(withRetired ? undefined : eq(requestCategories.retired, false))
    .orderBy(asc(requestCategories.sortKey), asc(requestCategories.id));
}

export async function findCategory(db: DbOrTx, id: number): Promise<CategoryRow | undefined> {
  const rows = await db.select().from(requestCategories).where(eq(requestCategories.id, id)).limit(1);
  return rows[0];
}

export async function updateCategory(
  db: DbOrTx,
  id: number,
  values: Partial<typeof requestCategories.$inferInsert>,
) {
  const rows = await db.update(requestCategories).set(values).where(eq(requestCategories.id, id)).returning();
  return rows[0];
}

export async function insertCategory(db: DbOrTx, values: typeof requestCategories.$inferInsert) {
  const rows = await db.insert(requestCategories).values(values).onConflictDoNothing().returning();
  return rows[0];
}

/** A request the scope may see, or nothing (the same for one that does not exist). */
export async function findInScope(db: DbOrTx, scope: Scope, id: number): Promise<RequestRow | undefined> {
  if (scope.communityIds.length === 0) return undefined;
  const rows = await db
    .select()
    .from(requests)
    .where(and(eq(requests.id, id), inArray(requests.communityId, scope.communityIds)))
    .limit(1);
  return rows[0];
}

export async function findByLinkHash(db: DbOrTx, hash: string): Promise<RequestRow | undefined> {
  const rows = await db.select().from(requests).where(eq(requests.linkHash, hash)).limit(1);
  return rows[0];
}

export async function insertRequest(db: DbOrTx, values: typeof requests.$inferInsert): Promise<RequestRow> {
  const rows = await db.insert(requests).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

/** Optimistic: the row changes only at the version read; undefined when someone else changed it first. */
export async function updateRequest(
  db: DbOrTx,
  row: Pick<RequestRow, 'id' | 'version'>,
  values: Partial<typeof requests.$inferInsert>,
): Promise<RequestRow | undefined> {
  const rows = await db
    .update(requests)
    .set({ ...values, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(requests.id, row.id), eq(requests.version, row.version)))
    .returning();
  return rows[0];
}

export async function insertEvent(db: DbOrTx, values: typeof requestEvents.$inferInsert) {
  await db.insert(requestEvents).values(values);
}

export async function listEvents(db: DbOrTx, requestId: number): Promise<EventRow[]> {
  return db
    .select()
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id));
}

/** The next deadline of an open request (a generated column): first contact until contacted, then resolution. */
const { nextDeadline } = requests;
const isOpen = inArray(requests.status, [...OPEN_STATUSES]);

export interface ListFilter {
  list: RequestList;
  communityId?: number | undefined;
  status?: string | undefined;
  accountId: number;
  now: Date;
  limit: number;
  offset: number;
}

function listCondition(filter: ListFilter): SQL | undefined {
  const soon = new Date(filter.now.getTime() + DUE_SOON_HOURS * 3_600_000);
  switch (filter.list) {
    case 'due_soon':
      return and(isOpen, gte(nextDeadline, filter.now), lt(nextDeadline, soon));
    case 'overdue':
      return and(isOpen, lt(nextDeadline, filter.now));
    case 'callback':
      return and(
        inArray(requests.status, ['resolved', 'unresolved']),
        isNull(requests.callbackAt),
        lt(requests.failedCallbacks, FAILED_CALLBACKS_TO_CLOSE),
      );
    case 'mine':
      return and(eq(requests.assigneeId, filter.accountId), ne(requests.status, 'closed'));
    case 'escalated':
      return and(sql`${requests.escalatedAt} is not null`, ne(requests.status, 'closed'));
    case 'excluded':
      return sql`${requests.exclusionState} is not null`;
    default:
      return undefined;
  }
}

export async function listRequests(db: DbOrTx, scope: Scope, filter: ListFilter) {
  const ids =
    filter.communityId === undefined
      ? scope.communityIds
      : scope.communityIds.filter((c) => c === filter.communityId);
  if (ids.length === 0) return { rows: [], total: 0 };
  const where = and(
    inArray(requests.communityId, ids),
    listCondition(filter),
    filter.status ? eq(requests.status, filter.status) : undefined,
  );
  const order =
    filter.list === 'due_soon' || filter.list === 'overdue'
      ? [asc(nextDeadline), asc(requests.id)]
      : [desc(requests.receivedAt), desc(requests.id)];
  // The page's keys first, from the list's index alone (it holds community_id, the order and id), then
  // its 50 rows and their names. Asked for whole rows at once, the planner may misjudge a list as short
  // (a community with far more overdue than the average) and fetch and sort every row of it instead.
  const page = db
    .select({ communityId: requests.communityId, id: requests.id })
    .from(requests)
    .where(where)
    .orderBy(...order)
    .limit(filter.limit)
    .offset(filter.offset)
    .as('page');
  const [rows, count] = await Promise.all([
    db
      .select({
        request: requests,
        categoryName: requestCategories.name,
        communityName: places.name,
        assigneeName: accounts.displayName,
      })
      .from(page)
      .innerJoin(requests, and(eq(requests.communityId, page.communityId), eq(requests.id, page.id)))
      .leftJoin(requestCategories, eq(requestCategories.id, requests.categoryId))
      .leftJoin(places, eq(places.id, requests.communityId))
      .leftJoin(accounts, eq(accounts.id, requests.assigneeId))
      .orderBy(...order),
    db.select({ n: sql<number>`count(*)::int` }).from(requests).where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Names for one request's page: its category, community, place and assignee. */
export async function namesFor(db: DbOrTx, row: RequestRow) {
  const ids = [row.communityId, row.placeId].filter((v): v is number => v !== null);
  const [cat, placeRows, assignee] = await Promise.all([
    findCategory(db, row.categoryId),
    db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.id, ids)),
    row.assigneeId === null
      ? Promise.resolve([])
      : db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, row.assigneeId)),
  ]);
  const name = (id: number | null) => placeRows.find((p) => p.id === id)?.name ?? null;
  return {
    categoryName: cat?.name ?? '',
    communityName: name(row.communityId) ?? '',
    placeName: row.placeId === null ? null : name(row.placeId),
    assigneeName: assignee[0]?.name ?? null,
  };
}

/** An account of the community that may work on requests (the assignee of a request). */
export async function findCommunityStaff(db: DbOrTx, communityId: number, accountId: number) {
  const rows = await db
    .select({ id: accounts.id, displayName: accounts.displayName })
    .from(accounts)
    .where(
      and(
        eq(accounts.id, accountId),
        eq(accounts.scopePlaceId, communityId),
        inArray(accounts.role, ['community_secretary', 'social_worker']),
        isNull(accounts.disabledAt),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function listCommunityStaff(db: DbOrTx, communityIds: number[]) {
  if (communityIds.length === 0) return [];
  return db
    .select({ id: accounts.id, displayName: accounts.displayName })
    .from(accounts)
    .where(
      and(
        inArray(accounts.scopePlaceId, communityIds),
        inArray(accounts.role, ['community_secretary', 'social_worker']),
        isNull(accounts.disabledAt),
      ),
    )
    .orderBy(asc(accounts.displayName));
}

/**
 * The counts behind the rates, per community, for requests received in [from, to). One pass over the
 * community's rows of the period (index on community_id, received_at). `now` decides "open overdue".
 */
export async function rateCounts(
  db: DbOrTx,
  communityIds: number[],
  from: Date,
  to: Date,
  now: Date,
): Promise<Array<RateCounts & { communityId: number }>> {
  if (communityIds.length === 0) return [];
  const excluded = sql`r.exclusion_state is not distinct from 'approved'`;
  const result = await db.execute<Record<string, number>>(sql`
    select r.community_id as "communityId",
      count(*) filter (where not (${excluded}))::int as "evaluated",
      count(*) filter (where not (${excluded}) and r.contacted_at is not null and r.contacted_at <= r.contact_deadline)::int as "contactedInTime",
      count(*) filter (where not (${excluded}) and r.callback_resolved is true)::int as "confirmedResolved",
      count(*) filter (where not (${excluded}) and r.satisfaction = 'satisfied')::int as "satisfied",
      count(*) filter (where not (${excluded}) and r.satisfaction = 'basic')::int as "basic",
      count(*) filter (where not (${excluded}) and r.status = 'closed')::int as "closed",
      count(*) filter (where not (${excluded}) and r.status = 'closed' and r.finished_at <= r.resolve_deadline)::int as "closedInTime",
      count(*) filter (where not (${excluded}) and r.status <> 'closed' and r.resolve_deadline < ${now}
        and (r.finished_at is null or r.finished_at > r.resolve_deadline))::int as "openOverdue",
      count(*) filter (where ${excluded})::int as "excluded"
    from requests r
    where r.community_id = any(${sql.raw(`ARRAY[${communityIds.map((id) => Number(id)).join(',')}]::int[]`)})
      and r.received_at >= ${from} and r.received_at < ${to}
    group by r.community_id`);
  return result.rows as unknown as Array<RateCounts & { communityId: number }>;
}

/**
 * Many new requests in one statement (the 12345 import); an order number already recorded in the community
 * is skipped by the unique index (community_id, order_number), so only the rows really inserted return.
 */
export async function insertRequestsSkippingKnown(
  db: DbOrTx,
  values: Array<typeof requests.$inferInsert>,
): Promise<RequestRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(requests)
    .values(values)
    .onConflictDoNothing({ target: [requests.communityId, requests.orderNumber] })
    .returning();
}

export async function insertEvents(db: DbOrTx, values: Array<typeof requestEvents.$inferInsert>) {
  if (values.length > 0) await db.insert(requestEvents).values(values);
}
