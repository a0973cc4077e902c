import { aliasedTable, and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { executePrepared } from '../../db/prepared';
import { auditLog } from '../audit/audit.table';
import type { Scope } from '../auth/scope';
import { households, residents } from '../people/people.table';
import { places } from '../places/places.table';
import { declarations, personStatus, statusHistory, statusRuleSets } from './declarations.table';

export type DeclarationRow = typeof declarations.$inferSelect;
export type PersonStatusRow = typeof personStatus.$inferSelect;

const building = aliasedTable(places, 'building');

export async function findStatus(db: DbOrTx, residentId: number): Promise<PersonStatusRow | undefined> {
  const rows = await db.select().from(personStatus).where(eq(personStatus.residentId, residentId)).limit(1);
  return rows[0];
}

export async function historyOf(db: DbOrTx, residentId: number) {
  return db
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.residentId, residentId))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id));
}

export async function declarationsOf(db: DbOrTx, residentId: number) {
  return db
    .select()
    .from(declarations)
    .where(eq(declarations.residentId, residentId))
    .orderBy(desc(declarations.declaredAt), desc(declarations.id));
}

/** One declaration, when the scope reaches its community (and, for volunteers, its building). */
export async function findDeclarationInScope(db: DbOrTx, scope: Scope, id: number) {
  if (scope.communityIds.length === 0) return undefined;
  const conditions: SQL[] = [eq(declarations.id, id), inArray(declarations.communityId, scope.communityIds)];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  const rows = await db
    .select({ declaration: declarations })
    .from(declarations)
    .innerJoin(residents, eq(residents.id, declarations.residentId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .where(and(...conditions))
    .limit(1);
  return rows[0]?.declaration;
}

export interface DeclarationFilter {
  communityId?: number | undefined;
  status?: string | undefined;
  channel?: string | undefined;
  buildingId?: number | undefined;
  originPrefix?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Declarations in scope with the person's name and door, newest first. */
export async function listDeclarations(db: DbOrTx, scope: Scope, filter: DeclarationFilter) {
  if (scope.communityIds.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [inArray(declarations.communityId, scope.communityIds)];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  if (filter.communityId) conditions.push(eq(declarations.communityId, filter.communityId));
  // Staff filter on where people stand now; the status a declaration gave at the time is shown beside it.
  if (filter.status) conditions.push(eq(personStatus.status, filter.status));
  if (filter.channel) conditions.push(eq(declarations.channel, filter.channel));
  if (filter.buildingId) conditions.push(eq(households.buildingId, filter.buildingId));
  if (filter.originPrefix)
    conditions.push(sql`${declarations.originRegion} like ${`${filter.originPrefix}%`}`);
  if (filter.from) conditions.push(gte(declarations.declaredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(declarations.declaredAt, new Date(filter.to)));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select({
        declaration: declarations,
        name: residents.name,
        buildingName: building.name,
        room: households.room,
        currentStatus: personStatus.status,
      })
      .from(declarations)
      .innerJoin(residents, eq(residents.id, declarations.residentId))
      .leftJoin(personStatus, eq(personStatus.residentId, declarations.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(building, eq(building.id, households.buildingId))
      .where(where)
      .orderBy(desc(declarations.declaredAt), desc(declarations.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(declarations)
      .innerJoin(residents, eq(residents.id, declarations.residentId))
      .leftJoin(personStatus, eq(personStatus.residentId, declarations.residentId))
      .leftJoin(households, eq(households.id, residents.householdId))
      .where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/**
 * The newest declaration of each person who declared since `since`, with their current status: what a
 * re-evaluation starts from. One statement, whatever the number of people.
 */
export async function latestDeclarationsWithStatus(db: DbOrTx, since: string) {
  const rows = await db.execute<{ id: number; current_status: string | null }>(sql`
    select distinct on (d.resident_id) d.id, s.status as current_status
    from ${declarations} d left join ${personStatus} s on s.resident_id = d.resident_id
    where d.declared_at >= ${since}::date
    order by d.resident_id, d.declared_at desc, d.id desc`);
  const current = new Map(rows.rows.map((r) => [r.id, r.current_status]));
  if (current.size === 0) return [];
  const full = await db
    .select()
    .from(declarations)
    .where(sql`${declarations.id} = any(${sql.param([...current.keys()])}::int[])`);
  return full.map((row) => ({ ...row, currentStatus: current.get(row.id) ?? null }));
}

export interface StatusChange {
  residentId: number;
  communityId: number;
  /** The declaration behind the status; null when it came from elsewhere (a fever at the gate). */
  declarationId: number | null;
  fromStatus: string | null;
  toStatus: string;
  ruleId: string | null;
  observationUntil: string | null;
  statusReason: { zh: string; en: string };
  historyReason: { zh: string; en: string };
}

/** Many status changes at once: one upsert and one history insert, one array parameter per column. */
export async function applyStatusChanges(db: DbOrTx, changes: StatusChange[], cause: string) {
  if (changes.length === 0) return;
  await upsertStatusesBulk(
    db,
    changes.map((c) => ({
      residentId: c.residentId,
      communityId: c.communityId,
      status: c.toStatus,
      ruleId: c.ruleId,
      reason: c.statusReason,
      observationUntil: c.observationUntil,
      declarationId: c.declarationId,
    })),
  );
  const col = <K extends keyof StatusChange>(key: K) => sql.param(changes.map((c) => c[key]));
  await db.execute(sql`
    insert into ${statusHistory} (community_id, resident_id, from_status, to_status, cause, reason)
    select c, r, f, t, ${cause}, re::jsonb
    from unnest(${col('communityId')}::int[], ${col('residentId')}::int[], ${col('fromStatus')}::text[], ${col('toStatus')}::text[],
      ${sql.param(changes.map((c) => JSON.stringify(c.historyReason)))}::text[]) as u(c, r, f, t, re)`);
}

export interface StatusWrite {
  residentId: number;
  communityId: number;
  status: string;
  ruleId: string | null;
  reason: { zh: string; en: string };
  observationUntil: string | null;
  declarationId: number | null;
}

/** Sets many people's current status in one statement (one row per person: callers keep the last). */
export async function upsertStatusesBulk(db: DbOrTx, rows: StatusWrite[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof StatusWrite>(key: K) => sql.param(rows.map((c) => c[key]));
  await db.execute(sql`
    insert into ${personStatus} (resident_id, community_id, status, rule_id, reason, observation_until, declaration_id, updated_at)
    select r, c, s, ru, re::jsonb, o::date, d, now()
    from unnest(${col('residentId')}::int[], ${col('communityId')}::int[], ${col('status')}::text[], ${col('ruleId')}::text[],
      ${sql.param(rows.map((c) => JSON.stringify(c.reason)))}::text[], ${col('observationUntil')}::text[],
      ${col('declarationId')}::int[]) as u(r, c, s, ru, re, o, d)
    on conflict (resident_id) do update set status = excluded.status, rule_id = excluded.rule_id, reason = excluded.reason,
      observation_until = excluded.observation_until, declaration_id = excluded.declaration_id, updated_at = now()`);
}

type DeclarationInsert = Omit<typeof declarations.$inferInsert, 'id' | 'declaredAt'>;
type AuditRowInsert = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

/** One declaration to write, with the status it sets; its person comes separately (see `declarationBatchSql`). */
export interface DeclarationWrite {
  declaration: Omit<DeclarationInsert, 'residentId'> & { status: string };
  /** The rest of the person's status after this declaration. */
  statusReason: { zh: string; en: string };
  observationUntil: string | null;
  /** Who did it, as `auditRow` puts it; the row itself is always "create declaration <id>". */
  audit: Pick<AuditRowInsert, 'accountId' | 'accountName' | 'ip'>;
}

export interface WrittenDeclaration {
  /** Position in the batch, from 1. */
  ord: number;
  id: number;
  residentId: number;
  declaredAt: Date;
}

/**
 * A batch of declarations with everything they change — the people's statuses, their status history
 * and the audit rows — as ONE statement (data-modifying CTEs): batches are bounded by round trips to
 * the database, not by rows. Ids are drawn from the sequence first (a CTE used more than once is
 * evaluated once), so statuses and audit rows can point at them. The history is judged here too, each
 * person's status before the statement chained through their declarations in batch order; every part
 * of the statement reads the statuses as they were before it.
 *
 * `people.relation` names each declaration's person: a relation of (ord, resident_id), ord counting
 * from 1 in batch order, which `people.ctes` may define (the public form registers people in the same
 * statement). A declaration whose resident_id is null is not written and not answered.
 */
export function declarationBatchSql(batch: DeclarationWrite[], people: { ctes?: SQL; relation: SQL }): SQL {
  const d = <K extends keyof DeclarationWrite['declaration']>(key: K) =>
    sql.param(batch.map((w) => w.declaration[key] ?? null));
  const a = <K extends keyof DeclarationWrite['audit']>(key: K) =>
    sql.param(batch.map((w) => w.audit[key] ?? null));
  return sql`
    with ${people.ctes ? sql`${people.ctes},` : sql``} u as (
      select u.*, who.resident_id as r from unnest(${d('communityId')}::int[], ${d('channel')}::text[],
        ${d('recordedBy')}::int[], ${d('leftCity')}::bool[], ${d('originRegion')}::text[], ${d('returnDate')}::date[],
        ${d('transport')}::text[], ${d('answersCipher')}::text[], ${d('status')}::text[], ${d('ruleId')}::text[],
        ${d('formVersionId')}::int[], ${d('purgeAfter')}::date[],
        ${sql.param(batch.map((w) => JSON.stringify(w.statusReason)))}::text[],
        ${sql.param(batch.map((w) => w.observationUntil))}::date[],
        ${a('accountId')}::int[], ${a('accountName')}::text[], ${a('ip')}::text[])
        with ordinality as u(c, ch, rb, lc, org, rd, tr, ans, st, ru, fv, pa, re, ou, ai, an, ip, ord)
      join ${people.relation} who on who.ord = u.ord
      where who.resident_id is not null
    ), n as (
      select ord, nextval(pg_get_serial_sequence('declarations', 'id'))::int as id from u
    ), d as (
      insert into ${declarations} (id, community_id, resident_id, channel, recorded_by, left_city, origin_region,
        return_date, transport, answers_cipher, status, rule_id, form_version_id, purge_after)
      overriding system value
      select n.id, c, r, ch, rb, lc, org, rd, tr, ans, st, ru, fv, pa from u join n using (ord)
      returning id, declared_at
    ), s as (
      insert into ${personStatus} (resident_id, community_id, status, rule_id, reason, observation_until, declaration_id, updated_at)
      select distinct on (u.r) u.r, u.c, u.st, u.ru, u.re::jsonb, u.ou, n.id, now()
      from u join n using (ord)
      order by u.r, u.ord desc
      on conflict (resident_id) do update set status = excluded.status, rule_id = excluded.rule_id,
        reason = excluded.reason, observation_until = excluded.observation_until,
        declaration_id = excluded.declaration_id, updated_at = now()
    ), chained as (
      select u.*, coalesce(lag(u.st) over (partition by u.r order by u.ord), ps.status) as from_status
      from u left join ${personStatus} ps on ps.resident_id = u.r
    ), h as (
      insert into ${statusHistory} (community_id, resident_id, from_status, to_status, cause, reason)
      select c, r, from_status, st, 'declaration', re::jsonb from chained
      where from_status is distinct from st
      order by ord
    ), a as (
      insert into ${auditLog} (account_id, account_name, ip, community_id, action, entity, entity_id, reason, detail)
      select u.ai, u.an, u.ip, u.c, 'create', 'declaration', n.id, null,
        jsonb_build_object('residentId', u.r, 'channel', u.ch, 'status', u.st)
      from u join n using (ord)
      order by ord
    )
    select n.ord, n.id, u.r as resident_id, d.declared_at from n join d on d.id = n.id join u using (ord) order by n.ord`;
}

/** Reads the answer of a `declarationBatchSql` statement. */
export function writtenDeclarations(
  rows: Array<{ ord: number | string; id: number; resident_id: number; declared_at: string | Date }>,
): WrittenDeclaration[] {
  return rows.map((r) => ({
    ord: Number(r.ord),
    id: Number(r.id),
    residentId: Number(r.resident_id),
    declaredAt: new Date(r.declared_at),
  }));
}

/** A batch of declarations of people already known (staff, visits, the public form's slow way). */
export async function writeDeclarationBatch(
  db: DbOrTx,
  batch: Array<DeclarationWrite & { residentId: number }>,
): Promise<WrittenDeclaration[]> {
  if (batch.length === 0) return [];
  const ids = sql.param(batch.map((w) => w.residentId));
  const rows = await executePrepared<Parameters<typeof writtenDeclarations>[0][number]>(
    db,
    'write_declarations',
    declarationBatchSql(batch, {
      relation: sql`(select * from unnest(${ids}::int[]) with ordinality as x(resident_id, ord))`,
    }),
  );
  return writtenDeclarations(rows);
}

export async function latestRuleSet(db: DbOrTx) {
  const rows = await db.select().from(statusRuleSets).orderBy(desc(statusRuleSets.id)).limit(1);
  return rows[0];
}

export async function insertRuleSet(db: DbOrTx, rules: unknown, createdBy: number | null) {
  const rows = await db.insert(statusRuleSets).values({ rules, createdBy }).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

/** Status changes in scope since a moment: "whose status changed since yesterday". */
export async function changesSince(db: DbOrTx, scope: Scope, since: Date, limit: number) {
  if (scope.communityIds.length === 0) return [];
  const conditions: SQL[] = [
    inArray(statusHistory.communityId, scope.communityIds),
    gte(statusHistory.at, since),
  ];
  if (scope.buildingIds)
    conditions.push(inArray(households.buildingId, scope.buildingIds.length ? scope.buildingIds : [-1]));
  return db
    .select({
      change: statusHistory,
      name: residents.name,
      buildingName: building.name,
      room: households.room,
    })
    .from(statusHistory)
    .innerJoin(residents, eq(residents.id, statusHistory.residentId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .where(and(...conditions))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id))
    .limit(limit);
}

/** Drops the health answers of declarations past their purge date; the declaration's outline stays. */
export async function purgeDueAnswers(db: DbOrTx, today: string) {
  const rows = await db
    .update(declarations)
    .set({ answersCipher: null })
    .where(
      and(sql`${declarations.purgeAfter} < ${today}::date`, sql`${declarations.answersCipher} is not null`),
    )
    .returning({ id: declarations.id });
  return rows.length;
}
