import { type SQL, sql } from 'drizzle-orm';
import { SELF_MAY_LOWER, STATUS_WHEN_NONE, STATUSES_BY_SEVERITY } from '../../../shared/status';

/**
 * `judgeSelfDeclaration` (src/shared/status/status-policy.ts) as SQL expressions, so the public form's
 * batch statement decides apply / keep / hold for every submit in the same round trip. Built from the
 * policy's own constants; `status-policy.sql.test.ts` runs every case through both and compares.
 */

function literals(values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`not a plain word: ${v}`);
  return sql.raw(values.map((v) => `'${v}'`).join(', '));
}

/** The severity of a status as a number: its place in `STATUSES_BY_SEVERITY`. */
export function severitySql(status: SQL): SQL {
  return sql`array_position(array[${literals(STATUSES_BY_SEVERITY)}]::text[], ${status})`;
}

/** True when a status of this source is not the resident's to lower. */
export function outranksSelfSql(source: SQL): SQL {
  return sql`(${source} is not null and ${source} not in (${literals(SELF_MAY_LOWER)}))`;
}

/** The columns a judgement reads, as SQL expressions of the row being judged. */
export interface SelfDeclarationInputs {
  /** Who declares: 'self' for the public form; anything else is staff and always applies. */
  by: SQL;
  proposed: SQL;
  /** The status before (null: none) and its source. */
  current: SQL;
  currentSource: SQL;
  /** Null counts as false (staff writes, people just registered). */
  verified: SQL;
  /** Null counts as true (staff writes, people just registered). */
  nameOk: SQL;
}

/** The hold reasons, a text[] (empty when it may apply); always empty for staff. */
export function holdReasonsSql(c: SelfDeclarationInputs): SQL {
  return sql`case when ${c.by} = 'self' then array_remove(array[
      case when not coalesce(${c.nameOk}, true) then 'name_mismatch' end,
      case when coalesce(${c.verified}, false)
        and ${c.proposed} <> coalesce(${c.current}, ${STATUS_WHEN_NONE}::text) then 'needs_confirmation' end,
      case when ${outranksSelfSql(c.currentSource)}
        and ${severitySql(c.proposed)} < ${severitySql(c.current)} then 'would_lower' end
    ]::text[], null) else '{}'::text[] end`;
}

/** 'apply', 'keep' or 'hold', given the reasons `holdReasonsSql` gave. */
export function verdictSql(c: SelfDeclarationInputs, reasons: SQL): SQL {
  return sql`case when cardinality(${reasons}) > 0 then 'hold'
    when ${c.by} = 'self' and ${outranksSelfSql(c.currentSource)} and ${c.proposed} = ${c.current} then 'keep'
    else 'apply' end`;
}

/** The source the status carries once applied (`sourceAfter`). */
export function sourceAfterSql(c: Pick<SelfDeclarationInputs, 'by' | 'currentSource'>): SQL {
  return sql`case when ${c.by} <> 'self' then ${c.by}
    when ${outranksSelfSql(c.currentSource)} then ${c.currentSource} else 'self' end`;
}

/**
 * The last word inside an upsert of `person_status` (`on conflict … do update … where`), against the row
 * as it is at that moment rather than as the statement first read it: a resident's own status (source
 * `self`) never lowers one whose source is not theirs — say the gate referred that person a moment ago.
 */
export function selfMayOverwriteSql(
  existing: { status: SQL; source: SQL },
  incoming: { status: SQL; source: SQL },
) {
  return sql`(${incoming.source} <> 'self' or not ${outranksSelfSql(existing.source)}
    or ${severitySql(incoming.status)} >= ${severitySql(existing.status)})`;
}
