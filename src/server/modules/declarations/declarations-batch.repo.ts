import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { executePrepared } from '../../db/prepared';
import { auditLog } from '../audit/audit.table';
import {
  holdReasonsSql,
  type SelfDeclarationInputs,
  sourceAfterSql,
  verdictSql,
} from '../status/self-declaration.sql';
import { insertHistorySql, lockedStatusesSql, upsertJudgedStatusesSql } from '../status/status-batch.sql';
import { declarationReviews, declarations } from './declarations.table';

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
  /** The name the resident typed on the public form (kept on a review when it is not the registry's). */
  typedName?: string | null;
}

export interface WrittenDeclaration {
  /** Position in the batch, from 1. */
  ord: number;
  id: number;
  residentId: number;
  declaredAt: Date;
  /** The status the declaration's answers led to (the first one's, for a repeat). */
  status: string;
  /** The same client id was stored before (or earlier in this batch): this is that declaration. */
  repeat: boolean;
}

/**
 * Who declares, for the status rules: staff when an account recorded it (at the door, on the phone, in
 * the console — whatever channel they chose), else the resident on the public form.
 */
const byOf = (w: DeclarationWrite) => (w.declaration.recordedBy == null ? 'self' : 'staff');

/**
 * A batch of declarations with everything they change — the people's statuses, their status history,
 * the reviews of what waits for staff and the audit rows — as ONE statement (data-modifying CTEs):
 * batches are bounded by round trips to the database, not by rows.
 *
 * - Each is judged (`status/self-declaration.sql.ts`, the policy of src/shared/status) against its
 *   person's status as it stands when the statement runs (rows locked in person order, so a gate
 *   referral committed a moment ago is seen): staff's apply; a resident's own (no account recorded it)
 *   applies, keeps the status as it is, or is held for review. Several of one person's in one batch are each
 *   judged against that status; the last one applied sets it, and the history is chained through them
 *   in batch order. The status CTEs (lock, upsert, history) are the status module's
 *   (`status/status-batch.sql.ts`): it owns those tables, this statement only composes them.
 * - A client id already stored in that community (a re-send), or earlier in the batch (a double tap), is
 *   not written again: it is answered with the first declaration (`repeat`).
 * - Ids are drawn from the sequence as each is judged (a CTE used more than once is evaluated once), so
 *   statuses, reviews and audit rows can point at them.
 *
 * `people.relation` names each declaration's person: a relation of (ord, resident_id, verified,
 * name_ok), ord counting from 1 in batch order, which `people.ctes` may define (the public form
 * registers people in the same statement; `verified` and `name_ok` are null for staff). A declaration
 * whose resident_id is null is not written and not answered; nor is one whose client id another
 * transaction stored at the same moment (the caller takes the slow way).
 */
export function declarationBatchSql(batch: DeclarationWrite[], people: { ctes?: SQL; relation: SQL }): SQL {
  const d = <K extends keyof DeclarationWrite['declaration']>(key: K) =>
    sql.param(batch.map((w) => w.declaration[key] ?? null));
  const a = <K extends keyof DeclarationWrite['audit']>(key: K) =>
    sql.param(batch.map((w) => w.audit[key] ?? null));
  // Each submit (`u`) judged beside its person's status as it stands (`ps`, locked).
  const judged: SelfDeclarationInputs = {
    by: sql`u.src`,
    proposed: sql`u.st`,
    current: sql`ps.status`,
    currentSource: sql`ps.source`,
    verified: sql`u.vf`,
    nameOk: sql`u.nok`,
  };
  return sql`
    with ${people.ctes ? sql`${people.ctes},` : sql``} u as (
      select u.*, who.resident_id as r, who.verified as vf, who.name_ok as nok,
        row_number() over (partition by u.c, u.cid order by u.ord) as nth
      from unnest(${d('communityId')}::int[], ${d('channel')}::text[],
        ${sql.param(batch.map(byOf))}::text[],
        ${d('recordedBy')}::int[], ${d('leftCity')}::bool[], ${d('originRegion')}::text[], ${d('returnDate')}::date[],
        ${d('transport')}::text[], ${d('answersCipher')}::text[], ${d('status')}::text[], ${d('ruleId')}::text[],
        ${d('formVersionId')}::int[], ${d('purgeAfter')}::date[], ${d('clientId')}::uuid[],
        ${sql.param(batch.map((w) => w.typedName ?? null))}::text[],
        ${sql.param(batch.map((w) => JSON.stringify(w.statusReason)))}::text[],
        ${sql.param(batch.map((w) => w.observationUntil))}::date[],
        ${a('accountId')}::int[], ${a('accountName')}::text[], ${a('ip')}::text[])
        with ordinality as u(c, ch, src, rb, lc, org, rd, tr, ans, st, ru, fv, pa, cid, tn, re, ou, ai, an, ip, ord)
      join ${people.relation} who on who.ord = u.ord
      where who.resident_id is not null
    ), prior as (
      select u.ord, x.id, x.declared_at, x.status from u
      join ${declarations} x on x.community_id = u.c and x.client_id = u.cid
    ), locked as (
      ${lockedStatusesSql(sql`select r from u`)}
    ), v as (
      select u.*, ps.status as cur, ps.source as cur_src, x.why, ${verdictSql(judged, sql`x.why`)} as verdict,
        ${sourceAfterSql(judged)} as src_after, nextval(pg_get_serial_sequence('declarations', 'id'))::int as id
      from u left join locked ps on ps.resident_id = u.r
      cross join lateral (select ${holdReasonsSql(judged)} as why) x
      -- A client id seen before, or earlier in this batch, is answered with that one, not written again.
      where u.cid is null or (u.nth = 1 and not exists (select 1 from prior where prior.ord = u.ord))
    ), d as (
      insert into ${declarations} (id, community_id, resident_id, channel, recorded_by, left_city, origin_region,
        return_date, transport, answers_cipher, status, rule_id, form_version_id, purge_after, client_id)
      overriding system value
      select id, c, r, ch, rb, lc, org, rd, tr, ans, st, ru, fv, pa, cid from v
      on conflict (community_id, client_id) where client_id is not null do nothing
      returning id, declared_at
    ), w as (
      select v.*, d.declared_at from v join d on d.id = v.id
    ), s as (
      ${upsertJudgedStatusesSql(sql`select distinct on (w.r) w.r, w.c, w.st, w.ru, w.re::jsonb, w.ou, w.id, w.src_after, now()
      from w where w.verdict = 'apply'
      order by w.r, w.ord desc`)}
    ), chained as (
      select w.*, coalesce(lag(w.st) over (partition by w.r order by w.ord), w.cur) as from_status
      from w where w.verdict = 'apply'
    ), h as (
      ${insertHistorySql(sql`select c, r, from_status, st, case when src = 'self' then 'self_declaration' else 'declaration' end, re::jsonb
      from chained
      where from_status is distinct from st and r in (select resident_id from s)
      order by ord`)}
    ), rv as (
      insert into ${declarationReviews} (declaration_id, community_id, resident_id, reasons, typed_name, from_status,
        to_status, status_reason, observation_until)
      select id, c, r, why, case when 'name_mismatch' = any(why) then tn end, cur, st, re::jsonb, ou
      from w where verdict = 'hold'
    ), a as (
      insert into ${auditLog} (account_id, account_name, ip, community_id, action, entity, entity_id, reason, detail)
      select w.ai, w.an, w.ip, w.c, 'create', 'declaration', w.id, null,
        jsonb_build_object('residentId', w.r, 'channel', w.ch, 'status', w.st, 'outcome', w.verdict,
          'held', case when w.verdict = 'hold' then to_jsonb(w.why) end,
          -- What the audit log's sentence says: from what to what, and why (the rule's reason, not its id).
          'fromStatus', coalesce(ch.from_status, w.cur), 'statusReason', w.re::jsonb)
      from w left join chained ch on ch.id = w.id
      order by w.ord
    )
    select u.ord, coalesce(w.id, w1.id, p.id) as id, u.r as resident_id,
      coalesce(w.declared_at, w1.declared_at, p.declared_at) as declared_at,
      coalesce(w.st, w1.st, p.status) as status, w.id is null as repeat
    from u
    left join w on w.ord = u.ord
    left join prior p on p.ord = u.ord
    left join w w1 on w1.c = u.c and w1.cid = u.cid and w1.ord <> u.ord
    where coalesce(w.id, w1.id, p.id) is not null
    order by u.ord`;
}

type BatchRow = {
  ord: number | string;
  id: number;
  resident_id: number;
  declared_at: string | Date;
  status: string;
  repeat: boolean;
};

/** Reads the answer of a `declarationBatchSql` statement. */
export function writtenDeclarations(rows: BatchRow[]): WrittenDeclaration[] {
  return rows.map((r) => ({
    ord: Number(r.ord),
    id: Number(r.id),
    residentId: Number(r.resident_id),
    declaredAt: new Date(r.declared_at),
    status: r.status,
    repeat: r.repeat === true,
  }));
}

/** What the people relation says about one person for the public form's rules (null for staff). */
export interface PersonCheck {
  verified: boolean | null;
  nameOk: boolean | null;
}

/**
 * A batch of declarations of people already known: staff's (visits, the console) and the public form's
 * slow way, which passes what it read about each person (`checks`) so the same rules judge it.
 */
export async function writeDeclarationBatch(
  db: DbOrTx,
  batch: Array<DeclarationWrite & { residentId: number }>,
  checks?: PersonCheck[],
): Promise<WrittenDeclaration[]> {
  if (batch.length === 0) return [];
  const ids = sql.param(batch.map((w) => w.residentId));
  const verified = sql.param(batch.map((_, i) => checks?.[i]?.verified ?? null));
  const nameOk = sql.param(batch.map((_, i) => checks?.[i]?.nameOk ?? null));
  const rows = await executePrepared<BatchRow>(
    db,
    'write_declarations',
    declarationBatchSql(batch, {
      relation: sql`(select * from unnest(${ids}::int[], ${verified}::bool[], ${nameOk}::bool[])
        with ordinality as x(resident_id, verified, name_ok, ord))`,
    }),
  );
  return writtenDeclarations(rows);
}
